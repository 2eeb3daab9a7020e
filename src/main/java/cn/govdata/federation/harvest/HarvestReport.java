package cn.govdata.federation.harvest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one run of a source did: datasets created, updated, unchanged, withdrawn (deleted at the source) and failed
 * (each with its reason); {@code error} says why the run itself stopped, if it did.
 */
record HarvestReport(long id, long sourceId, String trigger, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        boolean succeeded, int created, int updated, int unchanged, int withdrawn, int failed, String error,
        List<String> failures) {
}
