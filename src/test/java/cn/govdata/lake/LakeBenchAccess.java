package cn.govdata.lake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import cn.govdata.catalog.DataItem;

/**
 * Lets the benchmark driver in {@code cn.govdata.bench} use the lake's package-private building blocks
 * on the population entry of {@link LakeFixtures}, without making them public. Not used by tests.
 */
public final class LakeBenchAccess {

    /** A validator of population rows. */
    public interface Validator {
        /** The number of failures of a row. */
        int failures(Map<String, String> record);
    }

    /** A duplicate-key tracker over the population entry's key (the ID number). */
    public interface Keys {
        /** The row where the key first appeared, or 0. */
        long duplicateOf(Map<String, String> record, long row);
    }

    private LakeBenchAccess() {
    }

    /** The population entry's item identifiers, in the entry's order. */
    public static List<String> populationItems() {
        return LakeFixtures.POPULATION.stream().map(DataItem::name).toList();
    }

    public static Validator populationValidator(Predicate<String> divisions, LocalDate today) {
        RecordValidator validator = validator(divisions, today);
        return record -> validator.validate(record).size();
    }

    public static Keys populationKeys() {
        KeyTracker tracker = new KeyTracker(LakeFixtures.POPULATION.stream().filter(DataItem::recordKey)
                .map(DataItem::name).toList());
        return tracker::duplicateOf;
    }

    /** A valid GB 11643 number from its first 17 digits. */
    public static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** Reads a CSV file of population rows and, with a division list, validates each; returns {rows, failures}. */
    public static long[] readCsv(Path file, Predicate<String> divisions, LocalDate today) {
        RecordValidator validator = divisions == null ? null : validator(divisions, today);
        AtomicLong rows = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        try (RecordSource source = RecordSource.open(file, SourceFormat.CSV, LakeFixtures.POPULATION, null)) {
            source.read(record -> {
                rows.incrementAndGet();
                if (validator != null) {
                    failures.addAndGet(validator.validate(record.values()).size());
                }
            });
        }
        return new long[] { rows.get(), failures.get() };
    }

    private static RecordValidator validator(Predicate<String> divisions, LocalDate today) {
        ValueStandards standards = new ValueStandards(divisions, today);
        return new RecordValidator(LakeFixtures.POPULATION, QualityRules.derive(LakeFixtures.POPULATION, standards).rules());
    }
}
