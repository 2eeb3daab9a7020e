package cn.govdata.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.lake.Dataset.Column;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk ingestion of a file into a dataset (AGG-1, AGG-2, AGG-4, AGG-7). The file is read as a stream and
 * every record checked against the quality rules of the entry's data items; accepted records go to the
 * dataset's staging table in chunks, rejected ones to a report file with the reason per row. Only then is
 * the batch applied, in one transaction, so that a refusal, a failure or a killed process leaves the dataset
 * exactly as it was (staging rows of an interrupted batch are discarded at the next start).
 */
@Service
class BulkIngestion {

    enum Mode { UPSERT, REPLACE }

    enum Status { RUNNING, APPLIED, REFUSED, FAILED }

    /**
     * @param acceptValid apply the valid rows and reject the rest, instead of all or nothing
     * @param confirmReplace a full replace tombstones every record absent from the file: it must be confirmed
     */
    record BatchRequest(String fileName, SourceFormat format, Charset encoding, Mode mode, boolean acceptValid,
            boolean confirmReplace) {
    }

    /** A failing row as the report shows it: never a personal value in full. */
    record RejectedRow(long row, String item, RuleCode rule, String reason) {
    }

    record BatchReport(long id, long datasetId, Status status, Mode mode, boolean acceptValid, String fileName,
            String format, String encoding, long rowsRead, long rowsAccepted, long rowsRejected,
            long recordsTombstoned, Map<RuleCode, Long> failuresByRule, List<RejectedRow> sample, String message,
            OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    static final int CHUNK = 1000;
    static final int SAMPLE = 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final LakeDatasets datasets;
    private final DatasetTables tables;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Path reports;

    BulkIngestion(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, LakeDatasets datasets,
            DatasetTables tables, PublishedCatalog catalog, Directory directory, WorkingDayCalendar calendar,
            AuditLog audit, JsonMapper json, @Value("${govdata.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.datasets = datasets;
        this.tables = tables;
        this.catalog = catalog;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
        this.reports = Path.of(dataDir, "lake", "rejected");
    }

    BatchReport ingest(Actor actor, long datasetId, BatchRequest request, Path file) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeDatasets.requireProvider(actor, dataset.departmentId());
        if (request.mode() == Mode.REPLACE && !request.confirmReplace()) {
            throw new DomainException(ProblemCode.REPLACE_NOT_CONFIRMED);
        }
        List<DataItem> items = itemsOf(dataset);
        List<Column> columns = dataset.liveColumns();
        long batchId = start(actor, dataset, request);
        Counters counters = new Counters();
        Path rejectedFile = reports.resolve(batchId + ".csv");
        try {
            stage(dataset, items, columns, request, file, batchId, counters, rejectedFile);
        } catch (RuntimeException e) {
            tables.discardStaging(dataset.tableName(), batchId);
            String message = e instanceof DomainException ? e.getMessage() : "the file could not be processed";
            finish(batchId, Status.FAILED, counters, 0, message);
            audit.record(AuditEvent.failure("lake.batch.ingest", "dataset", datasetId, "batch " + batchId + " " + message));
            throw e;
        }
        if (counters.accepted == 0 || (counters.rejected > 0 && !request.acceptValid())) {
            tables.discardStaging(dataset.tableName(), batchId);
            String message = counters.accepted == 0 && counters.rejected == 0 ? "the file has no records"
                    : "rows were rejected; nothing was applied";
            finish(batchId, Status.REFUSED, counters, 0, message);
            audit.record(AuditEvent.failure("lake.batch.ingest", "dataset", datasetId, "batch " + batchId + " refused: "
                    + counters.rejected + " of " + counters.read + " rows rejected"));
            return report(batchId);
        }
        OffsetDateTime now = LakeDatasets.now();
        transactions.executeWithoutResult(status -> {
            long removed = tables.apply(dataset.tableName(), columns, batchId, dataset.departmentId(), now,
                    request.mode() == Mode.REPLACE);
            jdbc.sql("update lake_dataset set record_count = ?, last_batch_id = ?, last_success_at = ? where id = ?")
                    .params(tables.count(dataset.tableName()), batchId, now, datasetId).update();
            finish(batchId, Status.APPLIED, counters, removed, null);
            audit.record(AuditEvent.success("lake.batch.ingest", "dataset", datasetId, "batch " + batchId + " "
                    + request.mode() + ": " + counters.accepted + " applied, " + counters.rejected + " rejected, "
                    + removed + " tombstoned"));
        });
        return report(batchId);
    }

    List<BatchReport> batches(Actor actor, long datasetId) {
        datasets.get(actor, datasetId);
        return jdbc.sql("select id from lake_batch where dataset_id = ? order by id desc").param(datasetId)
                .query(Long.class).list().stream().map(this::report).toList();
    }

    BatchReport batch(Actor actor, long datasetId, long batchId) {
        datasets.get(actor, datasetId);
        BatchReport report = report(batchId);
        if (report.datasetId() != datasetId) {
            throw DomainException.notFound("batch", batchId);
        }
        return report;
    }

    /** The rejected rows of a batch with the reason per row, for the providing department. */
    Path rejectedRows(Actor actor, long datasetId, long batchId) {
        Dataset dataset = datasets.get(actor, datasetId);
        batch(actor, datasetId, batchId);
        LakeDatasets.requireProvider(actor, dataset.departmentId());
        Path file = reports.resolve(batchId + ".csv");
        if (!Files.exists(file)) {
            throw DomainException.notFound("rejected rows of batch", batchId);
        }
        return file;
    }

    // --- the stream ----------------------------------------------------------------------------------------

    private static final class Counters {
        long read;
        long accepted;
        long rejected;
        final Map<RuleCode, Long> byRule = new EnumMap<>(RuleCode.class);
        final List<RejectedRow> sample = new ArrayList<>();
    }

    private void stage(Dataset dataset, List<DataItem> items, List<Column> columns, BatchRequest request, Path file,
            long batchId, Counters counters, Path rejectedFile) {
        ValueStandards standards = new ValueStandards(directory::isDivisionCode, calendar.today());
        RecordValidator validator = new RecordValidator(items, QualityRules.derive(items, standards).rules());
        KeyTracker keys = new KeyTracker(dataset.keyItems());
        List<String> keyItems = dataset.keyItems();
        try {
            Files.createDirectories(reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        DatasetTables.stagingInsert(dataset.tableName(), columns));
                Writer out = withByteOrderMark(rejectedFile);
                CSVPrinter rejected = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                        .setHeader("行号 row", "信息项 item", "规则 rule", "原因 reason").get());
                RecordSource source = RecordSource.open(file, request.format(), items, request.encoding())) {
            connection.setAutoCommit(false);
            int[] pending = { 0 };
            source.read(record -> {
                counters.read++;
                List<QualityFailure> failures = new ArrayList<>(validator.validate(record.values()));
                if (failures.isEmpty()) {
                    QualityFailure duplicate = keys.duplicate(record.values(), record.row());
                    if (duplicate != null) {
                        failures.add(duplicate);
                    }
                }
                if (!failures.isEmpty()) {
                    counters.rejected++;
                    for (QualityFailure failure : failures) {
                        counters.byRule.merge(failure.rule(), 1L, Long::sum);
                        RejectedRow row = new RejectedRow(record.row(), failure.item(), failure.rule(), failure.reason());
                        if (counters.sample.size() < SAMPLE) {
                            counters.sample.add(row);
                        }
                        print(rejected, row);
                    }
                    return;
                }
                counters.accepted++;
                bind(insert, batchId, record, keyItems, columns);
                if (++pending[0] == CHUNK) {
                    flush(insert, connection);
                    pending[0] = 0;
                }
            });
            flush(insert, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("staging the batch failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a byte-order mark, so that Excel opens the Chinese header correctly. */
    private static Writer withByteOrderMark(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return out;
    }

    private static void bind(PreparedStatement insert, long batchId, SourceRecord record, List<String> keyItems,
            List<Column> columns) {
        try {
            insert.setLong(1, batchId);
            insert.setLong(2, record.row());
            StringBuilder key = new StringBuilder();
            for (String item : keyItems) {
                if (!key.isEmpty()) {
                    key.append('\u001f');  // unit separator: never part of a value
                }
                key.append(record.values().get(item).strip());
            }
            insert.setString(3, key.toString());
            for (int i = 0; i < columns.size(); i++) {
                String value = record.values().get(columns.get(i).itemName());
                insert.setString(4 + i, value == null || value.isBlank() ? null : value.strip());
            }
            insert.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("staging a record failed", e);
        }
    }

    private static void flush(PreparedStatement insert, Connection connection) {
        try {
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("staging the batch failed", e);
        }
    }

    private static void print(CSVPrinter printer, RejectedRow row) {
        try {
            printer.printRecord(row.row(), row.item(), row.rule(), row.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the batch record ----------------------------------------------------------------------------------

    private long start(Actor actor, Dataset dataset, BatchRequest request) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, file_name, format, encoding,
                    department_id, created_by, created_at) values (?, 'FILE', ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?)""")
                .params(dataset.id(), request.mode().name(), request.acceptValid(), request.fileName(),
                        request.format().name(), request.encoding() == null ? null : request.encoding().name(),
                        actor.departmentId(), actor.name(), LakeDatasets.now())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private void finish(long batchId, Status status, Counters counters, long tombstoned, String message) {
        jdbc.sql("""
                update lake_batch set status = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                    records_tombstoned = ?, failures_by_rule = ?, message = ?, finished_at = ? where id = ?""")
                .params(status.name(), counters.read, status == Status.APPLIED ? counters.accepted : 0, counters.rejected,
                        tombstoned, json.writeValueAsString(Map.of("counts", counters.byRule, "sample", counters.sample)),
                        message, LakeDatasets.now(), batchId)
                .update();
    }

    BatchReport report(long batchId) {
        return jdbc.sql("select * from lake_batch where id = ?").param(batchId).query((rs, n) -> {
            Map<RuleCode, Long> byRule = new EnumMap<>(RuleCode.class);
            List<RejectedRow> sample = new ArrayList<>();
            String stored = rs.getString("failures_by_rule");
            if (stored != null) {
                StoredFailures failures = json.readValue(stored, StoredFailures.class);
                byRule.putAll(failures.counts());
                sample.addAll(failures.sample());
            }
            return new BatchReport(rs.getLong("id"), rs.getLong("dataset_id"), Status.valueOf(rs.getString("status")),
                    Mode.valueOf(rs.getString("mode")), rs.getBoolean("accept_valid"), rs.getString("file_name"),
                    rs.getString("format"), rs.getString("encoding"), rs.getLong("rows_read"),
                    rs.getLong("rows_accepted"), rs.getLong("rows_rejected"), rs.getLong("records_tombstoned"), byRule,
                    sample, rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("finished_at", OffsetDateTime.class));
        }).optional().orElseThrow(() -> DomainException.notFound("batch", batchId));
    }

    private record StoredFailures(Map<RuleCode, Long> counts, List<RejectedRow> sample) {
    }

    private List<DataItem> itemsOf(Dataset dataset) {
        List<String> live = dataset.liveColumns().stream().map(Column::itemName).toList();
        return catalog.byId(dataset.entryId()).orElseThrow(() -> DomainException.notFound("catalog entry", dataset.entryId()))
                .content().dataItems().stream().filter(i -> live.contains(i.name())).toList();
    }
}
