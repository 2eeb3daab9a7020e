package cn.govdata.lake.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;

import cn.govdata.catalog.DataItem;
import cn.govdata.lake.LakeFixtures;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.quality.IdNumber;
import cn.govdata.lake.quality.KeyTracker;
import cn.govdata.lake.quality.QualityRules;
import cn.govdata.lake.quality.RecordValidator;
import cn.govdata.lake.quality.ValueStandards;
import cn.govdata.lake.source.RecordSource;
import cn.govdata.lake.source.SourceFormat;
import cn.govdata.shared.Actor;
import cn.govdata.shared.Role;

/**
 * Lets the benchmark driver in {@code cn.govdata.bench} use the lake's internal building blocks (the quality
 * room's validator and key tracker, the file readers) on the population entry of {@link LakeFixtures}, and the
 * bulk path of the ingest room in a running context, without making {@link BulkIngestion} public. Not used by
 * tests.
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

    // --- the bulk path, for bench/lake-ingest.sh -------------------------------------------------------------

    /** What a batch ended with. */
    public record Load(String status, long read, long accepted, long rejected, long tombstoned, String message) {
    }

    /** Creates the dataset of a published entry as its department's data provider; returns its id. */
    public static long createDataset(ApplicationContext context, long entryId, long departmentId, long regionId) {
        return context.getBean(LakeDatasets.class).create(provider(departmentId, regionId), entryId).id();
    }

    /**
     * Loads a CSV file (UTF-8) into a dataset through {@link BulkIngestion}, as an upload does: header check,
     * validation, staging, apply; accept-valid, upsert. Waits for the batch. The file is consumed (deleted).
     */
    public static Load ingest(ApplicationContext context, long datasetId, long departmentId, long regionId, Path file) {
        BulkIngestion ingestion = context.getBean(BulkIngestion.class);
        BulkIngestion.BatchRequest request = new BulkIngestion.BatchRequest(file.getFileName().toString(),
                SourceFormat.CSV, java.nio.charset.StandardCharsets.UTF_8, BulkIngestion.Mode.UPSERT, true, false,
                "127.0.0.1", java.util.Locale.SIMPLIFIED_CHINESE);
        BulkIngestion.BatchReport report = ingestion.submit(provider(departmentId, regionId), datasetId, request, file);
        report = ingestion.await(report.id(), java.time.Duration.ofHours(3), request.language());
        return new Load(report.status().name(), report.rowsRead(), report.rowsAccepted(), report.rowsRejected(),
                report.recordsTombstoned(), report.message());
    }

    private static Actor provider(long departmentId, long regionId) {
        return new Actor(Actor.Kind.SYSTEM, 0, "lake-bench", departmentId, regionId, false, Set.of(Role.DATA_PROVIDER));
    }
}
