package cn.govdata.federation.harvest;

import java.util.ArrayList;
import java.util.List;

/** The counts of one run as it goes (one thread per run). */
final class Tally {

    enum Outcome { CREATED, UPDATED, UNCHANGED, WITHDRAWN, IGNORED }

    private int created;
    private int updated;
    private int unchanged;
    private int withdrawn;
    private final List<String> failures = new ArrayList<>();
    private int failed;

    void count(Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case WITHDRAWN -> withdrawn++;
            case IGNORED -> { } // a deletion of a dataset never harvested here
        }
    }

    void withdrawn(int count) {
        withdrawn += count;
    }

    void failed(String reason) {
        failed++;
        if (failures.size() < HarvestRuns.FAILURES_KEPT) {
            failures.add(reason);
        }
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    int withdrawn() {
        return withdrawn;
    }

    int failed() {
        return failed;
    }

    List<String> failures() {
        return failures;
    }
}
