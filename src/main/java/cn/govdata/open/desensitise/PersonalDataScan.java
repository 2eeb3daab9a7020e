package cn.govdata.open.desensitise;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.LakeRecords.Source;
import cn.govdata.open.desensitise.PersonalValues.Kind;

/**
 * Looks for personal data in the values of the items about to be opened, before they are (OPN-4): the first
 * {@value #SAMPLE} records in key order are read inside the platform — nothing of them leaves — and every item
 * whose values hold ID numbers, mobiles, bank cards, names or addresses is reported with how many values did,
 * whatever the catalog says about the item. ID numbers and mobiles count from a single value (one phone number
 * in a remark is personal data); bank cards, names and addresses when at least half the item's values look so,
 * since a few look-alikes occur by chance (a random 16-digit number passes the Luhn check one time in ten).
 */
@Component
public class PersonalDataScan {

    /** Records read at most. */
    public static final int SAMPLE = 10_000;
    private static final int PAGE = 1_000;

    /**
     * Personal data found in one item.
     *
     * @param item the item's identifier
     * @param kind what was found
     * @param sampled records read
     * @param matched values that are or hold this kind
     */
    public record Finding(String item, Kind kind, int sampled, int matched) {
    }

    /** What a scan read and found. */
    public record Result(int sampled, List<Finding> findings) {

        public List<Finding> of(String item) {
            return findings.stream().filter(f -> f.item().equals(item)).toList();
        }
    }

    private final LakeRecords lake;

    PersonalDataScan(LakeRecords lake) {
        this.lake = lake;
    }

    /** Scans the given items of the entry's dataset (those it holds); nothing found when there is no dataset. */
    public Result scan(long entryId, List<String> items) {
        Source source = lake.ofEntry(entryId).orElse(null);
        if (source == null) {
            return new Result(0, List.of());
        }
        List<String> scanned = items.stream().filter(source.items()::contains).toList();
        Map<String, ItemTally> tallies = new LinkedHashMap<>();
        scanned.forEach(item -> tallies.put(item, new ItemTally()));
        int sampled = 0;
        for (int page = 0; sampled < SAMPLE && !scanned.isEmpty(); page++) {
            List<LakeRecords.Row> rows = lake.query(source, scanned, List.of(), page, PAGE).rows();
            for (LakeRecords.Row row : rows) {
                row.values().forEach((item, value) -> tallies.get(item).count(value));
            }
            sampled += rows.size();
            if (rows.size() < PAGE) {
                break;
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, ItemTally> tally : tallies.entrySet()) {
            for (Kind kind : Kind.values()) {
                int matched = tally.getValue().matched.getOrDefault(kind, 0);
                if (tally.getValue().flags(kind, matched)) {
                    findings.add(new Finding(tally.getKey(), kind, sampled, matched));
                }
            }
        }
        return new Result(sampled, List.copyOf(findings));
    }

    /** What one item's values looked like. */
    private static final class ItemTally {

        final Map<Kind, Integer> matched = new EnumMap<>(Kind.class);
        final Set<String> names = new HashSet<>();
        int nonBlank;

        void count(String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            nonBlank++;
            for (Kind kind : PersonalValues.kindsIn(value)) {
                matched.merge(kind, 1, Integer::sum);
                if (kind == Kind.NAME && names.size() < 3) {
                    names.add(value.strip());
                }
            }
        }

        boolean flags(Kind kind, int count) {
            if (count == 0) {
                return false;
            }
            return switch (kind) {
                case ID_NUMBER, MOBILE -> true;
                case BANK_CARD, ADDRESS -> count * 2 >= nonBlank;
                // one name repeated in every record is more likely a word than a person
                case NAME -> count * 2 >= nonBlank && (names.size() >= 2 || nonBlank == 1);
            };
        }
    }
}
