package cn.govdata.lake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.lake.dataset.Dataset;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.dataset.DatasetTables.Applied;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.dataset.RowTarget;
import cn.govdata.lake.ingest.ExtensionRules;
import cn.govdata.lake.quality.QualityFailure;
import cn.govdata.lake.quality.RecordValidator;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * Corrects one record of a dataset as a new version (SHR-7: an objection found the stored value wrong): the
 * current record with the corrected items is checked by the same rules as a push (the entry's items, their value
 * standards and the dataset's extension rules) and applied as a batch of kind {@code CORRECTION}, through
 * staging into the current table, the old version moving to the history. So a read "as of" before the correction
 * still shows the old value, and an incremental export reports the corrected record.
 *
 * <p>Runs in the caller's transaction when there is one (an objection is decided with its correction, or not
 * at all), holding the dataset's row lock like every other apply.
 */
@Service
public class RecordCorrections {

    /** What a correction applied: its batch, the record's key, and the items' values before and after. */
    public record Correction(long batchId, long datasetId, String recordKey, Map<String, String> before,
            Map<String, String> after, OffsetDateTime validFrom) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final LakeDatasets datasets;
    private final DatasetTables tables;
    private final ExtensionRules extensions;
    private final AuditLog audit;

    RecordCorrections(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, LakeDatasets datasets,
            DatasetTables tables, ExtensionRules extensions, AuditLog audit) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.datasets = datasets;
        this.tables = tables;
        this.extensions = extensions;
        this.audit = audit;
    }

    /**
     * Corrects items of the current record with these key values in the dataset of a published entry.
     *
     * @param provider a user of the department whose dataset it is, holding {@code DATA_PROVIDER} or
     *        {@code SHARE_APPROVER} (the person who answers for the correction)
     * @param keyValues the record key items' values
     * @param newValues the corrected values of non-key items (a blank value clears the item)
     * @param note why, kept with the batch and in the audit log
     * @throws DomainException {@code NOT_FOUND} (no dataset of the caller's department for the entry, or no
     *         current record with that key), {@code FORBIDDEN}, {@code INVALID_VALUE} (an unknown or key item),
     *         {@code CORRECTION_UNCHANGED} (the record already holds these values), {@code CORRECTION_REFUSED}
     *         (the corrected record breaks a rule; each broken rule is listed)
     */
    public Correction correct(Actor provider, long entryId, Map<String, String> keyValues,
            Map<String, String> newValues, String note) {
        Long datasetId = jdbc.sql("select id from lake_dataset where entry_id = ?").param(entryId).query(Long.class)
                .optional().orElseThrow(() -> DomainException.notFound("dataset", entryId));
        Dataset dataset = datasets.find(datasetId);
        LakeAccess.correctRecord(provider, dataset);
        List<Column> columns = dataset.liveColumns();
        Set<String> live = columns.stream().map(Column::itemName).collect(Collectors.toSet());
        if (newValues == null || newValues.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("values"));
        }
        for (String item : newValues.keySet()) {
            if (!live.contains(item) || dataset.keyItems().contains(item)) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("values." + item),
                        String.join(" / ", columns.stream().filter(c -> !c.recordKey()).map(Column::itemName).toList()));
            }
        }
        String recordKey;
        try {
            recordKey = new LakeRecords.Source(dataset.id(), entryId, dataset.departmentId(),
                    List.copyOf(live), dataset.keyItems(), 0, 0, null, List.of()).recordKey(keyValues);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("record", "-");
        }
        List<DataItem> items = datasets.itemsOf(dataset);
        RecordValidator validator = extensions.validator(dataset, items);
        return transactions.execute(status -> apply(provider, dataset, columns, items, validator, recordKey, newValues,
                note));
    }

    private Correction apply(Actor provider, Dataset dataset, List<Column> columns, List<DataItem> items,
            RecordValidator validator, String recordKey, Map<String, String> newValues, String note) {
        tables.lockDataset(dataset.id());
        Map<String, String> record = current(dataset, columns, recordKey);
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (Map.Entry<String, String> change : newValues.entrySet()) {
            String value = change.getValue() == null || change.getValue().isBlank() ? null : change.getValue().strip();
            before.put(change.getKey(), record.get(change.getKey()));
            after.put(change.getKey(), value);
            record.put(change.getKey(), value);
        }
        if (before.equals(after)) {
            throw new DomainException(ProblemCode.CORRECTION_UNCHANGED);
        }
        List<Violation> violations = new ArrayList<>();
        for (QualityFailure failure : validator.validate(record)) {
            violations.add(Violation.of("values." + failure.item(), ProblemCode.PUSH_RECORD_INVALID,
                    failure.rule().name(), failure.reason().resolvable()));
        }
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.CORRECTION_REFUSED, violations, violations.size());
        }
        OffsetDateTime now = LakeDatasets.now();
        String message = "correction: " + (note == null ? "" : note.strip());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, rows_read, rows_accepted, message,
                    department_id, created_by, created_at, finished_at)
                values (?, 'CORRECTION', 'UPSERT', false, 'APPLIED', 1, 1, ?, ?, ?, ?, ?)""")
                .params(dataset.id(), message.length() > 2000 ? message.substring(0, 2000) : message,
                        dataset.departmentId(), provider.name(), now, now)
                .update(keys, "id");
        long batchId = keys.getKeyAs(Long.class);
        List<Object> row = new ArrayList<>();
        row.add(batchId);
        row.add(1L);
        row.add(tables.storedKey(dataset.lookupKeys(), recordKey));
        row.addAll(tables.stored(columns, dataset.columnValues(record)));
        batches.update(RowTarget.staging(dataset.tableName(), columns, batchId).insertStatement(), row.toArray());
        Applied applied = tables.apply(dataset.tableName(), columns, batchId, dataset.departmentId(), now, false);
        jdbc.sql("update lake_dataset set record_count = record_count + ?, last_batch_id = ? where id = ?")
                .params(applied.added() - applied.tombstoned(), batchId, dataset.id()).update();
        tables.sequence(dataset.id(), batchId);
        audit.record(AuditEvent.success(LakeAuditAction.RECORD_CORRECT, "dataset", dataset.id(), "batch " + batchId
                + ": items " + String.join(",", after.keySet()) + " of one record corrected; " + message));
        return new Correction(batchId, dataset.id(), recordKey, before, after, now);
    }

    /** The current record's values of every live item, under the dataset's lock; 404 when there is none. */
    private Map<String, String> current(Dataset dataset, List<Column> columns, String recordKey) {
        String table = DatasetTables.checked(dataset.tableName());
        String select = columns.stream().map(c -> DatasetTables.checked(c.columnName())).collect(Collectors.joining(", "));
        return jdbc.sql("select " + select + " from " + table + " where record_key = ?")
                .param(tables.storedKey(dataset.lookupKeys(), recordKey))
                .query((rs, n) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (Column column : columns) {
                        values.put(column.itemName(), tables.plain(column, rs.getString(column.columnName())));
                    }
                    return values;
                }).optional().orElseThrow(() -> DomainException.notFound("record", "-"));
    }
}
