package cn.govdata.lake.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
import cn.govdata.lake.ingest.BulkIngestion.BatchReport;
import cn.govdata.lake.quality.KeyTracker;
import cn.govdata.lake.quality.QualityFailure;
import cn.govdata.lake.quality.RecordValidator;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-time push (AGG-2): a department's connected system (or data provider) sends records as they are
 * produced. A request is all or nothing and is applied in one transaction; its request id makes it
 * idempotent, so a retry after a lost answer returns the first answer and never applies twice.
 */
@Service
class RecordPush {

    static final int MAX_RECORDS = 1000;

    /** What a system sends: its own id for the request, and the records as item identifier → value. */
    record PushRequest(String requestId, List<Map<String, Object>> records) {
    }

    /** The batch the request made, and whether this answer replays an earlier one. */
    record PushResult(boolean replayed, BatchReport batch) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LakeDatasets datasets;
    private final BulkIngestion ingestion;
    private final DatasetTables tables;
    private final AggregationStatus aggregation;
    private final ExtensionRules extensions;
    private final JdbcTemplate batches;
    private final AuditLog audit;
    private final JsonMapper json;

    RecordPush(JdbcClient jdbc, TransactionTemplate transactions, LakeDatasets datasets, BulkIngestion ingestion,
            DatasetTables tables, AggregationStatus aggregation, ExtensionRules extensions, JdbcTemplate batches,
            AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.datasets = datasets;
        this.ingestion = ingestion;
        this.tables = tables;
        this.aggregation = aggregation;
        this.extensions = extensions;
        this.batches = batches;
        this.audit = audit;
        this.json = json;
    }

    /** @param locale the caller's language, for the answer's batch report */
    PushResult push(Actor actor, long datasetId, PushRequest request, Locale locale) {
        Dataset dataset = datasets.find(datasetId);
        LakeAccess.pushRecords(actor, dataset);
        String requestId = request.requestId() == null ? "" : request.requestId().strip();
        if (requestId.isEmpty() || requestId.length() > 100) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("requestId"));
        }
        Optional<PushResult> earlier = replay(datasetId, requestId, locale);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Map<String, Object>> records = request.records() == null ? List.of() : request.records();
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("records"), "1–" + MAX_RECORDS);
        }
        List<DataItem> items = datasets.itemsOf(dataset);
        List<Column> columns = dataset.liveColumns();
        List<Map<String, String>> values = texts(records);
        refuseMarkings(dataset, values);
        check(extensions.validator(dataset, items), items, dataset.keyItems(), values);
        try {
            long batchId = transactions.execute(status -> apply(actor, dataset, columns, requestId, values));
            return new PushResult(false, ingestion.report(batchId, locale));
        } catch (DuplicateKeyException e) {
            // the same request id arrived twice at once: the other one won, answer with its batch
            return replay(datasetId, requestId, locale).orElseThrow(() -> e);
        }
    }

    private Optional<PushResult> replay(long datasetId, String requestId, Locale locale) {
        return jdbc.sql("select batch_id from lake_push where dataset_id = ? and request_id = ?")
                .params(datasetId, requestId).query(Long.class).optional()
                .map(batch -> new PushResult(true, ingestion.report(batch, locale)));
    }

    /**
     * A pushed record carrying a secrecy marking is refused whole (SEC-3): no one is there to review a push as a
     * held batch is reviewed, so the connected system gets the problem and the refusal is audited.
     */
    private void refuseMarkings(Dataset dataset, List<Map<String, String>> records) {
        List<Violation> markings = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            int index = i;
            SecrecyMarking.in(records.get(i)).ifPresent(found -> markings.add(Violation.of(
                    "records[" + index + "]." + found.item(), ProblemCode.CLASSIFIED_DATA_REFUSED)));
        }
        if (!markings.isEmpty()) {
            audit.record(AuditEvent.failure(LakeAuditAction.PUSH_CLASSIFIED_REFUSE, "dataset", dataset.id(),
                    markings.size() + " record(s) with a secrecy marking refused"));
            throw new DomainException(ProblemCode.CLASSIFIED_DATA_REFUSED, markings);
        }
    }

    /**
     * Every record against the rules; one failure refuses the request, naming each failing record and item.
     * The reasons go into the problem as messages, which it resolves in the caller's language.
     */
    private void check(RecordValidator validator, List<DataItem> items, List<String> keyItems,
            List<Map<String, String>> records) {
        KeyTracker keys = new KeyTracker(keyItems);
        List<Violation> violations = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>(items.stream().map(DataItem::name).toList());
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> record = records.get(i);
            for (String name : record.keySet()) {
                if (!known.contains(name)) {
                    violations.add(Violation.of("records[" + i + "]." + name, ProblemCode.PUSH_RECORD_INVALID,
                            "UNKNOWN_ITEM", name));
                }
            }
            List<QualityFailure> failures = new ArrayList<>(validator.validate(record));
            if (failures.isEmpty()) {
                QualityFailure duplicate = keys.duplicate(record, i + 1);
                if (duplicate != null) {
                    failures.add(duplicate);
                }
            }
            for (QualityFailure failure : failures) {
                violations.add(Violation.of("records[" + i + "]." + failure.item(), ProblemCode.PUSH_RECORD_INVALID,
                        failure.rule().name(), failure.reason().resolvable()));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.PUSH_REFUSED, violations, violations.size());
        }
    }

    private long apply(Actor actor, Dataset dataset, List<Column> columns, String requestId,
            List<Map<String, String>> records) {
        OffsetDateTime now = LakeDatasets.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, rows_read, rows_accepted,
                    department_id, created_by, created_at, finished_at, quality)
                values (?, 'PUSH', 'UPSERT', false, 'APPLIED', ?, ?, ?, ?, ?, ?, ?)""")
                .params(dataset.id(), records.size(), records.size(), actor.departmentId(), actor.name(), now, now,
                        json.writeValueAsString(quality(dataset, columns, records)))
                .update(keys, "id");
        long batchId = keys.getKeyAs(Long.class);
        jdbc.sql("insert into lake_push (dataset_id, request_id, batch_id, created_at) values (?, ?, ?, ?)")
                .params(dataset.id(), requestId, batchId, now).update();
        List<Object[]> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(batchId);
            row.add(i + 1L);
            row.add(tables.storedKey(dataset.lookupKeys(), dataset.recordKey(records.get(i))));
            row.addAll(tables.stored(columns, dataset.columnValues(records.get(i))));
            rows.add(row.toArray());
        }
        tables.lockDataset(dataset.id());
        batches.batchUpdate(RowTarget.staging(dataset.tableName(), columns, batchId).insertStatement(), rows);
        Applied applied = tables.apply(dataset.tableName(), columns, batchId, dataset.departmentId(), now, false);
        jdbc.sql("update lake_dataset set record_count = record_count + ?, last_batch_id = ?, last_success_at = ?"
                + " where id = ?").params(applied.added(), batchId, now, dataset.id()).update();
        tables.sequence(dataset.id(), batchId);
        audit.record(AuditEvent.success(LakeAuditAction.PUSH, "dataset", dataset.id(), "batch " + batchId + " request "
                + requestId + ": " + records.size() + " records"));
        return batchId;
    }

    /** A request is applied only whole: every record valid and unique; completeness from the values sent. */
    private QualityScore quality(Dataset dataset, List<Column> columns, List<Map<String, String>> records) {
        long filled = 0;
        for (Map<String, String> record : records) {
            for (Column column : columns) {
                String value = record.get(column.itemName());
                filled += value == null || value.isBlank() ? 0 : 1;
            }
        }
        return QualityScore.of(records.size(), records.size(), 0, filled, (long) records.size() * columns.size(),
                !aggregation.statusOf(dataset).overdue());
    }

    /** Values as the text a file would carry: numbers and booleans as written, nested objects refused. */
    private List<Map<String, String>> texts(List<Map<String, Object>> records) {
        List<Map<String, String>> texts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> record = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> value : records.get(i).entrySet()) {
                Object v = value.getValue();
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("records[" + i + "]." + value.getKey()),
                            "text, number, true/false or null");
                }
                record.put(value.getKey(), v == null ? null : v.toString());
            }
            texts.add(record);
        }
        return texts;
    }
}
