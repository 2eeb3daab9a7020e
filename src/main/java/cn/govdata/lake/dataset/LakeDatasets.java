package cn.govdata.lake.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.CatalogEntryChanged;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.quality.CodeMeanings;
import cn.govdata.org.Directory;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Datasets (AGG-1): the data of a published catalog entry, aggregated by its providing department. Only what
 * the catalog describes enters the lake (YT9, AB15): a dataset is created from a published entry, with one
 * column per data item and the entry's record key.
 */
@Service
public class LakeDatasets {

    /** A page of records as they are now, or as they were at an instant. */
    /**
     * @param meanings what the coded values on the page mean, by item and value, for items whose value standard
     *        the platform knows (性别 1 → 男性); the records keep the values as stored
     */
    record RecordPage(long datasetId, OffsetDateTime asOf, long total, int page, int size,
            List<Map<String, Object>> records, Map<String, Map<String, String>> meanings) {
    }

    private final JdbcClient jdbc;
    private final CodeMeanings meanings;
    private final PublishedCatalog catalog;
    private final DatasetTables tables;
    private final DatasetMigration migration;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    LakeDatasets(JdbcClient jdbc, PublishedCatalog catalog, DatasetTables tables, DatasetMigration migration,
            AuditLog audit, ApplicationEventPublisher events, Directory directory) {
        this.jdbc = jdbc;
        this.meanings = new CodeMeanings(directory::divisionName);
        this.catalog = catalog;
        this.tables = tables;
        this.migration = migration;
        this.audit = audit;
        this.events = events;
    }

    /** The providing department's data provider creates the dataset of one of its published entries. */
    @Transactional
    public Dataset create(Actor actor, long entryId) {
        PublishedEntry entry = catalog.byId(entryId)
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("entryId"), entryId));
        LakeAccess.createDataset(actor, entry.departmentId());
        if (entry.content().recordKey().isEmpty()) {
            throw new DomainException(ProblemCode.DATASET_NEEDS_RECORD_KEY, entry.resourceCode());
        }
        if (jdbc.sql("select count(*) from lake_dataset where entry_id = ?").param(entryId).query(Integer.class)
                .single() > 0) {
            throw new DomainException(ProblemCode.CONFLICT, "the entry already has a dataset");
        }
        OffsetDateTime now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_dataset (entry_id, region_id, department_id, table_name, schema_version, created_by,
                    created_at) values (?, ?, ?, 'pending', ?, ?, ?)""")
                .params(entryId, entry.regionId(), entry.departmentId(), entry.version(), actor.name(), now)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        String table = DatasetTables.tableName(id);
        jdbc.sql("update lake_dataset set table_name = ? where id = ?").params(table, id).update();
        List<Column> columns = new ArrayList<>();
        List<DataItem> items = entry.content().dataItems();
        for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            Column column = new Column(item.name(), DatasetTables.columnName(item.name()), i, item.recordKey(), false,
                    tables.sealsItem(item));
            columns.add(column);
            jdbc.sql("""
                    insert into lake_dataset_column (dataset_id, item_name, column_name, position, record_key, sealed)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, column.itemName(), column.columnName(), i, column.recordKey(), column.sealed()).update();
        }
        tables.create(table, columns);
        audit.record(AuditEvent.success(LakeAuditAction.DATASET_CREATE, "dataset", id, entry.resourceCode()));
        // one data item, one source (AGG-8): governance flags, in this transaction, what the dataset collects
        // again of another department's source
        events.publishEvent(new DatasetCreated(id, entryId));
        return get(actor, id);
    }

    /** The datasets of the caller's department, or of the region for the data authority. */
    List<Dataset> list(Actor actor) {
        boolean authority = LakeAccess.seesRegion(actor);
        return jdbc.sql(SELECT + (authority ? " where d.region_id = ?" : " where d.department_id = ?") + " order by d.id")
                .param(authority ? actor.regionId() : actor.departmentId()).query(LakeDatasets::row).list().stream()
                .map(this::dataset).toList();
    }

    public Dataset get(Actor actor, long id) {
        Dataset dataset = find(id);
        LakeAccess.seeDataset(actor, dataset);
        return dataset;
    }

    /** The dataset, first brought in step with its entry's published version if a new one was published. */
    public Dataset find(long id) {
        Dataset dataset = load(id);
        if (catalog.byId(dataset.entryId()).map(e -> e.version() > dataset.schemaVersion()).orElse(false)) {
            migration.follow(dataset);
            return load(id);
        }
        return dataset;
    }

    /**
     * A version of an entry was published (or the entry retired): its dataset follows at once rather than at its next
     * use, so sharing and opening read the new layout. Delivered through the event publication registry, again after
     * a crash; following is idempotent.
     */
    @ApplicationModuleListener
    void entryChanged(CatalogEntryChanged event) {
        jdbc.sql("select id from lake_dataset where entry_id = ?").param(event.entryId()).query(Long.class).optional()
                .ifPresent(this::find);
    }

    private Dataset load(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(LakeDatasets::row).optional().map(this::dataset)
                .orElseThrow(() -> DomainException.notFound("dataset", id));
    }

    /**
     * Records of the department's own dataset, as they are now or as they were at {@code asOf} (from the
     * history). Reading data is a use of data: it is audited with what was read.
     */
    RecordPage records(Actor actor, long id, String key, OffsetDateTime asOf, int page, int size) {
        Dataset dataset = find(id);
        LakeAccess.readRecords(actor, dataset);
        if (page < 0 || size < 1 || size > 500) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("size"), "1–500");
        }
        List<Column> columns = dataset.liveColumns();
        String names = String.join(", ", columns.stream().map(Column::columnName).toList());
        String select = "select record_key, " + names + ", batch_id, source_department_id, valid_from";
        String from;
        List<Object> params = new ArrayList<>();
        if (asOf == null) {
            from = " from " + DatasetTables.checked(dataset.tableName()) + " where 1 = 1";
        } else {
            // the version valid then: still current, or ended later (the history); a tombstone means absent
            from = " from (" + select + " from " + DatasetTables.checked(dataset.tableName()) + " where valid_from <= ?"
                    + " union all " + select + " from " + DatasetTables.checked(dataset.tableName() + "_h")
                    + " where valid_from <= ? and valid_to > ? and not tombstone) v where 1 = 1";
            params.add(asOf);
            params.add(asOf);
            params.add(asOf);
        }
        if (key != null && !key.isBlank()) {
            from += " and record_key = ?";
            params.add(tables.storedKey(dataset.lookupKeys(), key.strip()));
        }
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Map<String, Object>> records = jdbc.sql(select + from + " order by record_key limit ? offset ?")
                .params(pageParams).query((rs, n) -> {
                    Map<String, Object> record = new LinkedHashMap<>();
                    for (Column column : columns) {
                        record.put(column.itemName(), tables.plain(column, rs.getString(column.columnName())));
                    }
                    record.put("_batch", rs.getLong("batch_id"));
                    record.put("_validFrom", rs.getObject("valid_from", OffsetDateTime.class));
                    return record;
                }).list();
        audit.record(AuditEvent.success(LakeAuditAction.RECORDS_READ, "dataset", id, dataset.resourceCode() + " "
                + records.size() + " records" + (key == null ? "" : " key") + (asOf == null ? "" : " as of " + asOf)));
        return new RecordPage(id, asOf, total, page, size, records, meaningsOf(dataset, records));
    }

    private Map<String, Map<String, String>> meaningsOf(Dataset dataset, List<Map<String, Object>> records) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        if (records.isEmpty()) {
            return found;
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        for (DataItem item : itemsOf(dataset)) {
            if (!meanings.decodes(item.valueStandard())) {
                continue;
            }
            Map<String, String> ofItem = new LinkedHashMap<>();
            for (Map<String, Object> record : records) {
                if (record.get(item.name()) instanceof String value && !ofItem.containsKey(value)) {
                    meanings.of(item.valueStandard(), value, locale).ifPresent(m -> ofItem.put(value, m));
                }
            }
            if (!ofItem.isEmpty()) {
                found.put(item.name(), ofItem);
            }
        }
        return found;
    }

    /** The entry's data items that are live columns of the dataset, in column order. */
    public List<DataItem> itemsOf(Dataset dataset) {
        List<String> live = dataset.liveColumns().stream().map(Column::itemName).toList();
        return catalog.byId(dataset.entryId()).orElseThrow(() -> DomainException.notFound("catalog entry", dataset.entryId()))
                .content().dataItems().stream().filter(i -> live.contains(i.name())).toList();
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static final String SELECT = """
            select d.id, d.entry_id, d.region_id, d.department_id, d.table_name, d.schema_version, d.record_count,
                d.last_batch_id, d.last_success_at
            from lake_dataset d""";

    /** A dataset's row; the entry and the columns are looked up after it, never inside a row mapper. */
    private record Row(long id, long entryId, long regionId, long departmentId, String tableName, int schemaVersion,
            long recordCount, Long lastBatchId, OffsetDateTime lastSuccessAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("region_id"), rs.getLong("department_id"),
                rs.getString("table_name"), rs.getInt("schema_version"), rs.getLong("record_count"),
                rs.getObject("last_batch_id", Long.class), rs.getObject("last_success_at", OffsetDateTime.class));
    }

    private Dataset dataset(Row row) {
        PublishedEntry entry = catalog.byId(row.entryId()).orElse(null);
        return new Dataset(row.id(), row.entryId(), entry == null ? null : entry.resourceCode(),
                entry == null ? null : entry.content().name(), row.regionId(), row.departmentId(), row.tableName(),
                row.schemaVersion(), row.recordCount(), row.lastBatchId(), row.lastSuccessAt(), tables.columns(row.id()));
    }
}
