package cn.govdata.lake.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.lake.dataset.AggregationStatus;
import cn.govdata.lake.dataset.Dataset;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.dataset.DatasetTables.Applied;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.dataset.RowTarget;
import cn.govdata.lake.governance.Discrepancies;
import cn.govdata.lake.quality.KeyTracker;
import cn.govdata.lake.quality.QualityFailure;
import cn.govdata.lake.quality.Reason;
import cn.govdata.lake.quality.RecordValidator;
import cn.govdata.lake.quality.RuleCode;
import cn.govdata.lake.source.RecordSource;
import cn.govdata.lake.source.SourceFormat;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
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

    /** How a batch changes the dataset; DELETE marks the batch of an approved deletion request, not an upload. */
    enum Mode { UPSERT, REPLACE, DELETE }

    /** HELD: the file carries a secrecy marking and waits for the department's security officer (SEC-3). */
    enum Status { RUNNING, APPLIED, REFUSED, FAILED, CANCELLED, HELD, DISCARDED }

    /**
     * @param acceptValid apply the valid rows and reject the rest, instead of all or nothing
     * @param confirmReplace a full replace tombstones every record absent from the file: it must be confirmed
     * @param language the submitter's language: the rejected rows' file is written in it while the batch runs
     * @param markingsReleased the security officer released the batch's secrecy markings as a false positive
     */
    record BatchRequest(String fileName, SourceFormat format, Charset encoding, Mode mode, boolean acceptValid,
            boolean confirmReplace, String clientAddress, Locale language, boolean markingsReleased) {

        BatchRequest {
            language = language == null ? ProblemResponses.DEFAULT_LOCALE : language;
        }

        BatchRequest(String fileName, SourceFormat format, Charset encoding, Mode mode, boolean acceptValid,
                boolean confirmReplace, String clientAddress, Locale language) {
            this(fileName, format, encoding, mode, acceptValid, confirmReplace, clientAddress, language, false);
        }
    }

    /**
     * Why a batch was held and how the hold ended: the first secrecy marking found (its row and item, the
     * marking alone, never the value) and, once decided, who decided and why.
     */
    record Hold(long row, String item, String marking, String decidedBy, String reason) {
    }

    /** A failing row as the report shows it, the reason in the reader's language: never a personal value in full. */
    record RejectedRow(long row, String item, RuleCode rule, String reason) {
    }

    /**
     * A failing row as the report stores it, the reason as a message so that it can be read in any language.
     * Reports stored before reasons were messages have only the English text.
     *
     * @param message the reason as a message; null in an older report
     * @param reason the reason's English text in an older report; null otherwise
     */
    private record StoredRejection(long row, String item, RuleCode rule, Reason message, String reason) {

        RejectedRow in(MessageSource messages, Locale locale) {
            return new RejectedRow(row, item, rule, message == null ? reason : message.in(messages, locale));
        }
    }

    /**
     * A batch as its report shows it. While it runs, {@code bytesRead} of {@code bytesTotal} says how far the
     * file has been read (null for XLSX, whose reader cannot say) and {@code secondsLeft} estimates the time
     * left from the rate so far (null when unknown; 0 once the file is read and the batch is being applied).
     */
    record BatchReport(long id, long datasetId, Status status, Mode mode, boolean acceptValid, String fileName,
            String format, String encoding, long rowsRead, long rowsAccepted, long rowsRejected,
            long recordsTombstoned, Map<RuleCode, Long> failuresByRule, List<RejectedRow> sample, String message,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long bytesTotal,
            Long bytesRead, Long secondsLeft, QualityScore quality, Hold hold) {
    }

    static final int SAMPLE = 20;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private static final Logger log = LoggerFactory.getLogger(BulkIngestion.class);

    private final JdbcClient jdbc;
    private final RowWriters rows;
    private final AggregationStatus aggregation;
    private final ExtensionRules extensions;
    private final ExecutorService workers;
    private final Map<Long, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final TransactionTemplate transactions;
    private final TransactionTemplate progressUpdates;
    private final LakeDatasets datasets;
    private final DatasetTables tables;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Path reports;
    /** The files of held batches, kept until the security officer releases or discards them. */
    private final Path held;
    private final org.springframework.beans.factory.ObjectProvider<Discrepancies> discrepancies;
    private final MessageSource messages;
    private final ProblemResponses problems;

    BulkIngestion(JdbcClient jdbc, RowWriters rows, AggregationStatus aggregation, ExtensionRules extensions,
            TransactionTemplate transactions, LakeDatasets datasets,
            DatasetTables tables,
            AuditLog audit, JsonMapper json, @Value("${govdata.data-dir}") String dataDir,
            org.springframework.beans.factory.ObjectProvider<Discrepancies> discrepancies, MessageSource messages,
            ProblemResponses problems) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.problems = problems;
        this.discrepancies = discrepancies;
        this.rows = rows;
        this.aggregation = aggregation;
        this.extensions = extensions;
        // two workers: a third large file waits rather than starving the requests of a two-core machine
        this.workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("lake-batch-", 0).daemon().factory());
        this.transactions = transactions;
        this.progressUpdates = new TransactionTemplate(transactions.getTransactionManager());
        this.progressUpdates.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.datasets = datasets;
        this.tables = tables;
        this.audit = audit;
        this.json = json;
        this.reports = Path.of(dataDir, "lake", "rejected");
        this.held = Path.of(dataDir, "lake", "held");
    }

    /**
     * Accepts a file for a dataset and starts its batch in the background; the batch's report shows its
     * progress until it is applied, refused, failed or cancelled. The file is moved into the lake's
     * upload area and deleted when the batch ends.
     */
    BatchReport submit(Actor actor, long datasetId, BatchRequest request, Path upload) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeAccess.ingest(actor, dataset);
        if (request.mode() == Mode.DELETE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, cn.govdata.shared.FieldName.of("mode"), "UPSERT / REPLACE");
        }
        if (request.mode() == Mode.REPLACE && !request.confirmReplace()) {
            throw new DomainException(ProblemCode.REPLACE_NOT_CONFIRMED);
        }
        checkHeader(dataset, request, upload);
        long batchId = start(actor, dataset, request, upload);
        runInBackground(actor, dataset, request, upload, batchId);
        return report(batchId, request.language());
    }

    private void runInBackground(Actor actor, Dataset dataset, BatchRequest request, Path upload, long batchId) {
        AuditActor who = new AuditActor(actor.name(), actor.departmentId(), request.clientAddress());
        running.put(batchId, new AtomicBoolean());
        try {
            workers.execute(() -> run(who, dataset, request, upload, batchId));
        } catch (RuntimeException e) {
            running.remove(batchId);
            finish(batchId, Status.FAILED, new Counters(), 0, "lake.batch.shuttingDown");
            throw e;
        }
    }

    // --- held batches (SEC-3) -------------------------------------------------------------------------------

    /**
     * The security officer finds the marking a false positive: the batch runs again from its kept file, its
     * markings no longer checked, and is applied or refused as any other.
     */
    BatchReport release(Actor actor, long datasetId, long batchId, String reason, String clientAddress, Locale locale) {
        Dataset dataset = datasets.get(actor, datasetId);
        HeldBatch batch = heldBatch(actor, dataset, batchId);
        String why = requiredReason(reason);
        decideHold(batch, Status.RUNNING, actor, why);
        jdbc.sql("update lake_batch set finished_at = null, message = null where id = ?").param(batchId).update();
        audit.record(AuditEvent.success(LakeAuditAction.BATCH_HOLD_RELEASE, "dataset", dataset.id(), "batch " + batchId
                + " released: " + why), new AuditActor(actor.name(), actor.departmentId(), clientAddress));
        BatchRequest request = new BatchRequest(batch.fileName(), batch.format(), batch.encoding(), batch.mode(),
                batch.acceptValid(), true, clientAddress, locale, true);
        runInBackground(actor, dataset, request, heldFile(batchId), batchId);
        return report(batchId, locale);
    }

    /** The security officer confirms the marking: nothing of the batch is applied and its file is deleted. */
    BatchReport discard(Actor actor, long datasetId, long batchId, String reason, String clientAddress, Locale locale) {
        Dataset dataset = datasets.get(actor, datasetId);
        HeldBatch batch = heldBatch(actor, dataset, batchId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        decideHold(batch, Status.DISCARDED, actor, why);
        jdbc.sql("update lake_batch set finished_at = ? where id = ?").params(LakeDatasets.now(), batchId).update();
        try {
            Files.deleteIfExists(heldFile(batchId));
        } catch (IOException e) {
            log.warn("Could not delete the held file of batch {}", batchId, e);
        }
        audit.record(AuditEvent.success(LakeAuditAction.BATCH_HOLD_DISCARD, "dataset", dataset.id(), "batch " + batchId
                + " discarded" + (why == null ? "" : ": " + why)),
                new AuditActor(actor.name(), actor.departmentId(), clientAddress));
        return report(batchId, locale);
    }

    private record HeldBatch(long id, String createdBy, String fileName, SourceFormat format, Charset encoding,
            Mode mode, boolean acceptValid, Hold hold) {
    }

    private HeldBatch heldBatch(Actor actor, Dataset dataset, long batchId) {
        HeldBatch batch = jdbc.sql("select * from lake_batch where id = ? and dataset_id = ?")
                .params(batchId, dataset.id()).query((rs, n) -> new HeldBatch(rs.getLong("id"),
                        rs.getString("created_by"), rs.getString("file_name"),
                        rs.getString("format") == null ? null : SourceFormat.valueOf(rs.getString("format")),
                        rs.getString("encoding") == null ? null : Charset.forName(rs.getString("encoding")),
                        Mode.valueOf(rs.getString("mode")), rs.getBoolean("accept_valid"),
                        rs.getString("hold") == null ? null : json.readValue(rs.getString("hold"), Hold.class)))
                .optional().orElseThrow(() -> DomainException.notFound("batch", batchId));
        LakeAccess.decideHeldBatch(actor, dataset, batch.createdBy());
        return batch;
    }

    /** Ends the hold once: of two officers deciding at the same moment, the second finds the batch decided. */
    private void decideHold(HeldBatch batch, Status next, Actor actor, String reason) {
        Hold hold = batch.hold();
        String decided = json.writeValueAsString(new Hold(hold.row(), hold.item(), hold.marking(), actor.name(), reason));
        int changed = jdbc.sql("update lake_batch set status = ?, hold = ? where id = ? and status = 'HELD'")
                .params(next.name(), decided, batch.id()).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.INVALID_STATE, report(batch.id(), ProblemResponses.DEFAULT_LOCALE)
                    .status(), next == Status.DISCARDED ? "discarded" : "released");
        }
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, cn.govdata.shared.FieldName.of("reason"));
        }
        if (reason.strip().length() > 500) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, cn.govdata.shared.FieldName.of("reason"), 500);
        }
        return reason.strip();
    }

    private Path heldFile(long batchId) {
        return held.resolve(batchId + ".upload");
    }

    /** Keeps a held batch's file and records what was found; nothing of the batch was applied. */
    private void hold(AuditActor who, Dataset dataset, Path upload, long batchId, Counters counters, BatchHeld found) {
        try {
            Files.createDirectories(held);
            Files.move(upload, heldFile(batchId), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the hold before the status: whoever sees the batch HELD reads where the marking is
        Hold hold = new Hold(found.row, found.marking.item(), found.marking.marking(), null, null);
        jdbc.sql("update lake_batch set hold = ? where id = ?").params(json.writeValueAsString(hold), batchId).update();
        finish(batchId, Status.HELD, counters, 0, "lake.batch.held");
        audit.record(AuditEvent.success(LakeAuditAction.BATCH_HOLD, "dataset", dataset.id(), "batch " + batchId
                + " held: " + found.marking.marking() + " in row " + found.row + ", item " + found.marking.item()), who);
    }

    private static final class BatchHeld extends RuntimeException {
        final long row;
        final SecrecyMarking marking;

        BatchHeld(long row, SecrecyMarking marking) {
            super(null, null, false, false);
            this.row = row;
            this.marking = marking;
        }
    }

    /**
     * Reads the header and the first record before the batch is accepted, so that a file of the wrong kind,
     * encoding or layout is refused at once with its problem rather than found later by the worker.
     */
    private void checkHeader(Dataset dataset, BatchRequest request, Path upload) {
        try (RecordSource source = RecordSource.open(upload, request.format(), datasets.itemsOf(dataset), request.encoding())) {
            source.read(record -> {
                throw new HeaderChecked();
            });
        } catch (HeaderChecked ok) {
            // the header matched and a first record was read
        }
    }

    private static final class HeaderChecked extends RuntimeException {
        HeaderChecked() {
            super(null, null, false, false);
        }
    }

    /** Asks a running batch to stop; it ends CANCELLED and nothing of it is applied. */
    BatchReport cancel(Actor actor, long datasetId, long batchId, Locale locale) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeAccess.ingest(actor, dataset);
        BatchReport report = batch(actor, datasetId, batchId, locale);
        AtomicBoolean flag = running.get(batchId);
        if (report.status() != Status.RUNNING || flag == null) {
            throw new DomainException(ProblemCode.INVALID_STATE, report.status(), "cancelled");
        }
        flag.set(true);
        return report;
    }

    /** Waits for a batch to end, for callers that want the final report in the response. */
    BatchReport await(long batchId, java.time.Duration timeout, Locale locale) {
        long deadline = System.nanoTime() + timeout.toNanos();
        BatchReport report = report(batchId, locale);
        while (report.status() == Status.RUNNING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            report = report(batchId, locale);
        }
        return report;
    }

    /**
     * Reads, checks and applies a batch. The first load of an empty dataset is written straight into its
     * current table inside one transaction (no staging, no second copy: the path that decides how fast a
     * department's initial millions of records arrive); any later batch is staged first and applied in one
     * transaction. Either way a refusal, a cancellation, a failure or a killed process leaves the dataset as
     * it was before the batch.
     */
    private void run(AuditActor who, Dataset dataset, BatchRequest request, Path upload, long batchId) {
        progressUpdates.executeWithoutResult(status -> jdbc.sql("update lake_batch set started_at = ? where id = ?")
                .params(LakeDatasets.now(), batchId).update());
        Counters counters = new Counters();
        counters.onTime = !aggregation.statusOf(dataset).overdue();
        try {
            List<DataItem> items = datasets.itemsOf(dataset);
            List<Column> columns = dataset.liveColumns();
            Status ended;
            try {
                ended = loadFirst(who, dataset, items, columns, request, upload, batchId, counters);
                if (ended == null) {
                    ended = stageAndApply(who, dataset, items, columns, request, upload, batchId, counters);
                }
            } catch (BatchHeld found) {
                tables.discardStaging(dataset.tableName(), batchId);
                hold(who, dataset, upload, batchId, counters, found);
                return;
            } catch (BatchCancelled e) {
                tables.discardStaging(dataset.tableName(), batchId);
                finish(batchId, Status.CANCELLED, counters, 0, "lake.batch.cancelled");
                audit.record(AuditEvent.failure(LakeAuditAction.BATCH_INGEST, "dataset", dataset.id(), "batch " + batchId
                        + " cancelled after " + counters.read + " rows"), who);
                return;
            } catch (RuntimeException e) {
                if (!(e instanceof DomainException)) {
                    log.error("Lake batch {} failed", batchId, e);
                }
                tables.discardStaging(dataset.tableName(), batchId);
                finish(batchId, Status.FAILED, counters, 0, failure(e, request.language()));
                audit.record(AuditEvent.failure(LakeAuditAction.BATCH_INGEST, "dataset", dataset.id(), "batch " + batchId + " "
                        + (e instanceof DomainException domain ? domain.code().name() : "not processed")), who);
                return;
            }
            if (ended == Status.REFUSED) {
                String message = counters.accepted == 0 && counters.rejected == 0 ? "lake.batch.noRecords"
                        : "lake.batch.refused";
                finish(batchId, Status.REFUSED, counters, 0, message);
                audit.record(AuditEvent.failure(LakeAuditAction.BATCH_INGEST, "dataset", dataset.id(), "batch " + batchId
                        + " refused: " + counters.rejected + " of " + counters.read + " rows rejected"), who);
                return;
            }
            compareAfterBatch(dataset.id(), who, batchId);
        } catch (RuntimeException e) {
            log.error("Lake batch {} failed", batchId, e);
            finish(batchId, Status.FAILED, counters, 0, "lake.batch.notApplied");
        } finally {
            running.remove(batchId);
            try {
                Files.deleteIfExists(upload);
            } catch (IOException e) {
                log.warn("Could not delete the upload of batch {}", batchId, e);
            }
        }
    }

    /**
     * The first load of an empty dataset, in one transaction that holds the dataset's lock: the records go
     * straight into the current table and the transaction commits only if the batch is accepted. Returns
     * null, having done nothing, when the dataset is not empty.
     */
    private Status loadFirst(AuditActor who, Dataset dataset, List<DataItem> items, List<Column> columns,
            BatchRequest request, Path upload, long batchId, Counters counters) {
        OffsetDateTime now = LakeDatasets.now();
        return transactions.execute(status -> {
            RowTarget target = tables.firstLoad(dataset.id(), dataset.tableName(), columns, batchId,
                    dataset.departmentId(), now).orElse(null);
            if (target == null) {
                return null;
            }
            try (RowWriter writer = rows.inTransaction(target)) {
                read(dataset, items, request, upload, batchId, counters, writer);
            }
            if (refused(request, counters)) {
                status.setRollbackOnly();
                return Status.REFUSED;
            }
            tables.afterFirstLoad(dataset.tableName(), batchId, now);
            applied(who, dataset, request, batchId, counters, new Applied(counters.accepted, 0), now);
            return Status.APPLIED;
        });
    }

    /** A batch for a dataset that holds records: staged (committed as it goes), then applied in one transaction. */
    private Status stageAndApply(AuditActor who, Dataset dataset, List<DataItem> items, List<Column> columns,
            BatchRequest request, Path upload, long batchId, Counters counters) {
        try (RowWriter writer = rows.open(RowTarget.staging(dataset.tableName(), columns, batchId))) {
            read(dataset, items, request, upload, batchId, counters, writer);
        }
        if (refused(request, counters)) {
            tables.discardStaging(dataset.tableName(), batchId);
            return Status.REFUSED;
        }
        OffsetDateTime now = LakeDatasets.now();
        transactions.executeWithoutResult(status -> {
            tables.lockDataset(dataset.id());
            Applied applied = tables.apply(dataset.tableName(), columns, batchId, dataset.departmentId(), now,
                    request.mode() == Mode.REPLACE);
            applied(who, dataset, request, batchId, counters, applied, now);
        });
        return Status.APPLIED;
    }

    /** Nothing is applied when no record was accepted, or when any was rejected and the batch is all-or-nothing. */
    private static boolean refused(BatchRequest request, Counters counters) {
        return counters.accepted == 0 || (counters.rejected > 0 && !request.acceptValid());
    }

    /** Inside the applying transaction: the dataset's count and last success, the batch's report, the audit. */
    private void applied(AuditActor who, Dataset dataset, BatchRequest request, long batchId, Counters counters,
            Applied applied, OffsetDateTime now) {
        jdbc.sql("update lake_dataset set record_count = record_count + ?, last_batch_id = ?, last_success_at = ?"
                + " where id = ?").params(applied.added() - applied.tombstoned(), batchId, now, dataset.id()).update();
        tables.sequence(dataset.id(), batchId);
        finish(batchId, Status.APPLIED, counters, applied.tombstoned(), null);
        audit.record(AuditEvent.success(LakeAuditAction.BATCH_INGEST, "dataset", dataset.id(), "batch " + batchId + " "
                + request.mode() + ": " + counters.accepted + " applied, " + counters.rejected + " rejected, "
                + applied.tombstoned() + " tombstoned"), who);
    }

    /**
     * Compares the dataset's new state with the other departments' datasets (AGG-6). Only the pairs involving
     * this dataset are compared, one statement per corresponding item; a failure here never undoes the batch.
     */
    private void compareAfterBatch(long datasetId, AuditActor who, long batchId) {
        try {
            discrepancies.getObject().afterBatch(datasetId, who);
        } catch (RuntimeException e) {
            log.warn("Discrepancy check after batch {} failed; the next scan will catch up", batchId, e);
        }
    }

    /** What the report says of a failure: the problem code and its arguments, never a stack trace. */
    /** Why a batch failed, in the submitter's language: the problem's own sentence where it is one of the platform's. */
    private String failure(RuntimeException e, Locale language) {
        return e instanceof DomainException domain
                ? problems.problem(domain.code(), language, domain.arguments()).getDetail()
                : "lake.batch.notProcessed";
    }

    private static final class BatchCancelled extends RuntimeException {
        BatchCancelled() {
            super(null, null, false, false);
        }
    }

    /** Running batches are abandoned at shutdown; the next start discards their staging (LakeRecovery). */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        running.values().forEach(flag -> flag.set(true));
        workers.shutdown();
    }

    /** One point of a dataset's quality over time: a delivery and its scores. */
    record QualityPoint(long batchId, String kind, OffsetDateTime at, QualityScore quality, double overall) {
    }

    /** The dataset's quality delivery by delivery, oldest first (AGG-4; what supervision follows). */
    List<QualityPoint> qualityOverTime(Actor actor, long datasetId) {
        datasets.get(actor, datasetId);
        return jdbc.sql("select id, kind, finished_at, quality from lake_batch where dataset_id = ? and quality is not null"
                + " order by finished_at, id").param(datasetId).query((rs, n) -> {
                    QualityScore quality = json.readValue(rs.getString("quality"), QualityScore.class);
                    return new QualityPoint(rs.getLong("id"), rs.getString("kind"),
                            rs.getObject("finished_at", OffsetDateTime.class), quality, quality.overall());
                }).list();
    }

    List<BatchReport> batches(Actor actor, long datasetId, Locale locale) {
        datasets.get(actor, datasetId);
        return jdbc.sql("select id from lake_batch where dataset_id = ? order by id desc").param(datasetId)
                .query(Long.class).list().stream().map(id -> report(id, locale)).toList();
    }

    /** A batch's report, its reasons in the reader's language. */
    BatchReport batch(Actor actor, long datasetId, long batchId, Locale locale) {
        datasets.get(actor, datasetId);
        BatchReport report = report(batchId, locale);
        if (report.datasetId() != datasetId) {
            throw DomainException.notFound("batch", batchId);
        }
        return report;
    }

    /**
     * The rows a batch rejected as sent, with why ({@link RejectedRowsFile}), for the providing department; the
     * download is audited, as the rows are the department's data unmasked.
     */
    Path rejectedRows(Actor actor, long datasetId, long batchId, String clientAddress) {
        Dataset dataset = datasets.get(actor, datasetId);
        batch(actor, datasetId, batchId, ProblemResponses.DEFAULT_LOCALE);  // the batch must be the dataset's
        LakeAccess.ingest(actor, dataset);
        Path file = reports.resolve(batchId + ".csv");
        if (!Files.exists(file)) {
            throw DomainException.notFound("rejected rows of batch", batchId);
        }
        audit.record(AuditEvent.success(LakeAuditAction.BATCH_REJECTED_ROWS, "dataset", dataset.id(),
                "batch " + batchId), new AuditActor(actor.name(), actor.departmentId(), clientAddress));
        return file;
    }

    // --- the stream ----------------------------------------------------------------------------------------

    private static final class Counters {
        long read;
        long bytesRead = -1;
        /** The encoding the file was read in, once read (detected where the department named none). */
        String encoding;
        long accepted;
        long rejected;
        long filledValues;
        long values;
        boolean onTime = true;
        final Map<RuleCode, Long> byRule = new EnumMap<>(RuleCode.class);
        final List<StoredRejection> sample = new ArrayList<>();
    }

    /**
     * Reads the file, checks every record and hands the accepted ones to the writer; the rejected ones go to
     * the rejected-rows file with their reasons. Progress is committed on its own, so that the console sees
     * it while a first load's transaction is still open.
     */
    private void read(Dataset dataset, List<DataItem> items, BatchRequest request, Path file, long batchId,
            Counters counters, RowWriter writer) {
        RecordValidator validator = extensions.validator(dataset, items);
        KeyTracker keys = new KeyTracker(dataset.keyItems());
        AtomicBoolean cancelled = running.getOrDefault(batchId, new AtomicBoolean());
        long[] lastProgress = { System.nanoTime() };
        try {
            Files.createDirectories(reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Column> live = dataset.liveColumns();
        boolean lookupKeys = dataset.lookupKeys();
        Map<String, String> itemLabels = new java.util.HashMap<>();
        items.forEach(item -> itemLabels.put(item.name(), item.chineseName() == null || item.chineseName().isBlank()
                ? item.name() : item.chineseName()));
        try (RecordSource source = RecordSource.open(file, request.format(), items, request.encoding());
                RejectedRowsFile rejected = new RejectedRowsFile(reports.resolve(batchId + ".csv"), source, itemLabels,
                        messages, request.language())) {
            source.read(record -> {
                if (cancelled.get()) {
                    throw new BatchCancelled();
                }
                counters.read++;
                if (!request.markingsReleased()) {
                    SecrecyMarking.in(record.values()).ifPresent(marking -> {
                        throw new BatchHeld(record.row(), marking);
                    });
                }
                List<QualityFailure> failures = new ArrayList<>(validator.validate(record.values()));
                if (failures.isEmpty()) {
                    QualityFailure duplicate = keys.duplicate(record.values(), record.row());
                    if (duplicate != null) {
                        failures.add(duplicate);
                    }
                }
                if (failures.isEmpty()) {
                    counters.accepted++;
                    List<String> values = dataset.columnValues(record.values());
                    counters.values += values.size();
                    counters.filledValues += values.stream().filter(java.util.Objects::nonNull).count();
                    writer.add(record.row(), tables.storedKey(lookupKeys, dataset.recordKey(record.values())),
                            tables.stored(live, values));
                } else {
                    counters.rejected++;
                    for (QualityFailure failure : failures) {
                        counters.byRule.merge(failure.rule(), 1L, Long::sum);
                        if (counters.sample.size() < SAMPLE) {
                            counters.sample.add(new StoredRejection(record.row(), failure.item(), failure.rule(),
                                    failure.reason(), null));
                        }
                    }
                    rejected.add(record, failures);
                }
                if (System.nanoTime() - lastProgress[0] > PROGRESS_INTERVAL_NANOS) {
                    counters.bytesRead = source.bytesRead();
                    progress(batchId, counters);
                    lastProgress[0] = System.nanoTime();
                }
            });
            writer.flush();
            counters.bytesRead = source.bytesRead();
            counters.encoding = source.encoding();
            progress(batchId, counters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(long batchId, Counters counters) {
        progressUpdates.executeWithoutResult(status -> jdbc.sql(
                "update lake_batch set rows_read = ?, rows_accepted = ?, rows_rejected = ?, bytes_read = ? where id = ?")
                .params(counters.read, counters.accepted, counters.rejected,
                        counters.bytesRead < 0 ? null : counters.bytesRead, batchId).update());
    }

    // --- the batch record ----------------------------------------------------------------------------------

    private long start(Actor actor, Dataset dataset, BatchRequest request, Path upload) {
        KeyHolder keys = new GeneratedKeyHolder();
        long size;
        try {
            size = Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, file_name, format, encoding,
                    department_id, created_by, created_at, bytes_total)
                values (?, 'FILE', ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)""")
                .params(dataset.id(), request.mode().name(), request.acceptValid(), request.fileName(),
                        request.format().name(), request.encoding() == null ? null : request.encoding().name(),
                        actor.departmentId(), actor.name(), LakeDatasets.now(), size)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private void finish(long batchId, Status status, Counters counters, long tombstoned, String message) {
        jdbc.sql("""
                update lake_batch set status = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                    records_tombstoned = ?, failures_by_rule = ?, message = ?, finished_at = ?, quality = ?,
                    encoding = coalesce(encoding, ?) where id = ?""")
                .params(status.name(), counters.read, counters.accepted, counters.rejected,
                        tombstoned, json.writeValueAsString(Map.of("counts", counters.byRule, "sample", counters.sample)),
                        message, LakeDatasets.now(), quality(status, counters), counters.encoding, batchId)
                .update();
    }

    /** The delivery's quality, for batches that read the whole file (applied or refused). */
    private String quality(Status status, Counters counters) {
        if (status != Status.APPLIED && status != Status.REFUSED) {
            return null;
        }
        return json.writeValueAsString(QualityScore.of(counters.read, counters.accepted,
                counters.byRule.getOrDefault(RuleCode.DUPLICATE_KEY, 0L), counters.filledValues, counters.values,
                counters.onTime));
    }

    /** A batch's report, its sample's reasons in the given language. */
    BatchReport report(long batchId, Locale locale) {
        return jdbc.sql("select * from lake_batch where id = ?").param(batchId).query((rs, n) -> {
            Map<RuleCode, Long> byRule = new EnumMap<>(RuleCode.class);
            List<RejectedRow> sample = new ArrayList<>();
            String stored = rs.getString("failures_by_rule");
            if (stored != null) {
                StoredFailures failures = json.readValue(stored, StoredFailures.class);
                byRule.putAll(failures.counts());
                failures.sample().forEach(row -> sample.add(row.in(messages, locale)));
            }
            Status status = Status.valueOf(rs.getString("status"));
            OffsetDateTime startedAt = rs.getObject("started_at", OffsetDateTime.class);
            Long bytesTotal = rs.getObject("bytes_total", Long.class);
            Long bytesRead = rs.getObject("bytes_read", Long.class);
            return new BatchReport(rs.getLong("id"), rs.getLong("dataset_id"), status,
                    Mode.valueOf(rs.getString("mode")), rs.getBoolean("accept_valid"), rs.getString("file_name"),
                    rs.getString("format"), rs.getString("encoding"), rs.getLong("rows_read"),
                    rs.getLong("rows_accepted"), rs.getLong("rows_rejected"), rs.getLong("records_tombstoned"), byRule,
                    sample, said(rs.getString("message"), locale), rs.getObject("created_at", OffsetDateTime.class), startedAt,
                    rs.getObject("finished_at", OffsetDateTime.class), bytesTotal, bytesRead,
                    status == Status.RUNNING ? secondsLeft(startedAt, bytesTotal, bytesRead) : null,
                    rs.getString("quality") == null ? null : json.readValue(rs.getString("quality"), QualityScore.class),
                    rs.getString("hold") == null ? null : json.readValue(rs.getString("hold"), Hold.class));
        }).optional().orElseThrow(() -> DomainException.notFound("batch", batchId));
    }

    /**
     * A batch's message in the reader's language: the platform's messages are stored by key; a problem's sentence
     * (stored in the submitter's language) and messages of older batches are shown as they were stored.
     */
    private String said(String message, Locale locale) {
        return message == null ? null : messages.getMessage(message, null, message, locale);
    }

    /**
     * The time left to read the file at the rate so far: elapsed × (unread ÷ read). Unknown until a
     * twentieth of the file is read, when the first second's start-up would still dominate the estimate.
     */
    static Long secondsLeft(OffsetDateTime startedAt, Long bytesTotal, Long bytesRead) {
        if (startedAt == null || bytesTotal == null || bytesRead == null || bytesTotal <= 0
                || bytesRead * 20 < bytesTotal) {
            return null;
        }
        double elapsed = java.time.Duration.between(startedAt, LakeDatasets.now()).toMillis() / 1000.0;
        double left = elapsed * Math.max(0, bytesTotal - bytesRead) / bytesRead;
        return (long) Math.ceil(left);
    }

    private record StoredFailures(Map<RuleCode, Long> counts, List<StoredRejection> sample) {
    }
}
