package cn.govdata.lake.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.lake.DatasetChanged;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.sealing.SealedValues;

/**
 * The physical tables of a dataset (DESIGN.md, Storage): the current state keyed by record key (each
 * record's version with its batch, source department and the time it became valid), the append-only history
 * of every version that has ended (with the time it ended) and of every deletion (a tombstone), and a staging
 * table a batch fills before it is applied. A version is written once: to the current table while it is
 * valid, then moved to the history when it is replaced or deleted, so a first load writes each record once. Values are kept as the validated text the department sent, so
 * no conversion can change them; the quality rules have already checked their types. The only place that
 * writes SQL with dataset-specific names, all of them generated here from checked identifiers.
 */
@Component
public class DatasetTables {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,69}");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final SealedValues sealing;

    DatasetTables(JdbcClient jdbc, DataSource dataSource, org.springframework.context.ApplicationEventPublisher events,
            SealedValues sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.events = events;
        this.dataSource = dataSource;
    }

    /** A dataset's columns, retired ones included, in position order. */
    public List<Column> columns(long datasetId) {
        return jdbc.sql("""
                select item_name, column_name, position, record_key, retired, sealed from lake_dataset_column
                where dataset_id = ? order by position""").param(datasetId)
                .query((c, i) -> new Column(c.getString(1), c.getString(2), c.getInt(3), c.getBoolean(4), c.getBoolean(5),
                        c.getBoolean(6)))
                .list();
    }

    /** Whether personal information is sealed (on unless a property turns it off, for a bench's comparison). */
    public boolean sealingOn() {
        return sealing.enabled();
    }

    /** Whether a new column of this item is sealed: a personal-information item, while sealing is on. */
    public boolean sealsItem(cn.govdata.catalog.DataItem item) {
        return sealing.enabled() && item.sensitivity() != null && item.sensitivity().personal();
    }

    /** A record's values in column order as they are stored: the sealed columns' values sealed. */
    public List<String> stored(List<Column> columns, List<String> values) {
        if (columns.stream().noneMatch(Column::sealed)) {
            return values;
        }
        List<String> stored = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            stored.add(columns.get(i).sealed() ? sealing.seal(values.get(i)) : values.get(i));
        }
        return stored;
    }

    /**
     * The form a record key takes in the tables: its keyed digest when the dataset's key items are sealed (one index
     * probe still finds a record by its key), the key text otherwise.
     */
    public String storedKey(boolean lookupKeys, String recordKey) {
        return lookupKeys ? sealing.lookupKey(recordKey) : recordKey;
    }

    public List<String> storedKeys(boolean lookupKeys, List<String> recordKeys) {
        return lookupKeys ? recordKeys.stream().map(sealing::lookupKey).toList() : recordKeys;
    }

    /**
     * The key text of a record found by its stored key, rebuilt from its sealed key items when the key is a digest;
     * empty when no version of the record (current or past) is left to rebuild it from.
     */
    public java.util.Optional<String> keyText(String table, List<Column> columns, String storedKey) {
        List<Column> keyColumns = columns.stream().filter(Column::recordKey).toList();
        if (keyColumns.stream().noneMatch(Column::sealed)) {
            return java.util.Optional.of(storedKey);
        }
        String select = keyColumns.stream().map(c -> checked(c.columnName())).collect(Collectors.joining(", "));
        for (String t : List.of(checked(table), checked(table + "_h"))) {
            java.util.Optional<String> found = jdbc.sql("select " + select + " from " + t + " where record_key = ? and "
                    + checked(keyColumns.get(0).columnName()) + " is not null limit 1").param(storedKey).query((rs, n) -> {
                        List<String> values = new java.util.ArrayList<>();
                        for (int i = 0; i < keyColumns.size(); i++) {
                            values.add(plain(keyColumns.get(i), rs.getString(i + 1)));
                        }
                        return new cn.govdata.lake.RecordKey(values).stored();
                    }).optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    /** A stored value of the column as it was sent: opened when the column is sealed. */
    public String plain(Column column, String stored) {
        return column.sealed() ? sealing.open(stored) : stored;
    }

    /**
     * A column holding sealed values: a dataset's (in its current, history or staging table), or one of the two
     * values a discrepancy between two personal items keeps (datasetId 0, only its rows marked sealed).
     */
    public record SealedColumn(long datasetId, String table, String column) {

        /** The columns that identify a row of the table. */
        List<String> identity() {
            if (table.equals(DISCREPANCIES)) {
                return List.of("id");
            }
            return table.endsWith("_s") ? List.of("batch_id", "row_number") : List.of("record_key");
        }

        /** Which rows of the table hold sealed values in the column. */
        String sealedRows() {
            return table.equals(DISCREPANCIES) ? " and sealed" : "";
        }
    }

    private static final String DISCREPANCIES = "lake_discrepancy";

    /**
     * Every column holding sealed values: each sealed column of every dataset in the dataset's three tables, and the
     * two values of the discrepancies between sealed items — a rotation must re-seal them all before it retires a key.
     */
    public List<SealedColumn> sealedColumns() {
        List<SealedColumn> found = new java.util.ArrayList<>();
        jdbc.sql("""
                select d.id, d.table_name, c.column_name from lake_dataset_column c
                join lake_dataset d on d.id = c.dataset_id where c.sealed order by d.id, c.position""")
                .query(rs -> {
                    for (String suffix : List.of("", "_h", "_s")) {
                        found.add(new SealedColumn(rs.getLong(1), checked(rs.getString(2) + suffix),
                                checked(rs.getString(3))));
                    }
                });
        found.add(new SealedColumn(0, DISCREPANCIES, "value_a"));
        found.add(new SealedColumn(0, DISCREPANCIES, "value_b"));
        return found;
    }

    /** How many values of the column are sealed under this key version. */
    public long countSealedUnder(SealedColumn column, int version) {
        return jdbc.sql("select count(*) from " + column.table() + " where " + column.column() + " like ?"
                + column.sealedRows()).param(version + ":%").query(Long.class).single();
    }

    /**
     * Re-seals under the active key version up to {@code limit} values of the column sealed under an older one, in
     * the caller's (short) transaction. A row is identified by its key (its batch and row in staging) and its old
     * sealed value, so that a value a batch changed meanwhile is left alone. Returns how many were re-sealed.
     */
    public int reseal(SealedColumn column, int limit) {
        String active = sealing.activeVersion() + ":%";
        List<String> identity = column.identity();
        List<Object[]> rows = jdbc.sql("select " + String.join(", ", identity) + ", " + column.column() + " from "
                + column.table() + " where " + column.column() + " is not null and " + column.column()
                + " not like ?" + column.sealedRows() + " limit ?")
                .params(active, limit).query((rs, n) -> {
                    Object[] row = new Object[identity.size() + 1];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    return row;
                })
                .list();
        String where = identity.stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
        int resealed = 0;
        for (Object[] row : rows) {
            String old = (String) row[row.length - 1];
            List<Object> params = new java.util.ArrayList<>();
            params.add(sealing.resealed(old));
            params.addAll(List.of(row).subList(0, row.length - 1));
            params.add(old);
            resealed += jdbc.sql("update " + column.table() + " set " + column.column() + " = ? where " + where
                    + " and " + column.column() + " = ?").params(params).update();
        }
        return resealed;
    }

    /**
     * Seals (or opens) every value of a column whose item became (or stopped being) personal information, in its
     * three tables, inside the caller's transaction: each distinct value is rewritten once.
     */
    void changeSealing(String table, String column, boolean seal) {
        for (String t : List.of(checked(table), checked(table + "_h"), checked(table + "_s"))) {
            List<String> values = jdbc.sql("select distinct " + checked(column) + " from " + t + " where "
                    + checked(column) + " is not null").query(String.class).list();
            for (String value : values) {
                jdbc.sql("update " + t + " set " + checked(column) + " = ? where " + checked(column) + " = ?")
                        .params(seal ? sealing.seal(value) : sealing.open(value), value).update();
            }
        }
    }

    public static String tableName(long datasetId) {
        return "lake_ds_" + datasetId;
    }

    /** The column of a data item: its identifier in lower case, prefixed so it never meets a system column. */
    public static String columnName(String itemName) {
        return COLUMNS.get(itemName, name -> checked("c_" + name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Columns already named and checked: every shared read names its dataset's columns. */
    private static final Cache<String, String> COLUMNS = Caffeine.newBuilder().maximumSize(100_000).build();

    void create(String table, List<Column> columns) {
        String values = columns.stream().map(c -> checked(c.columnName()) + " text").collect(Collectors.joining(", "));
        jdbc.sql("create table " + checked(table) + " (record_key varchar(1000) primary key, " + values
                + ", batch_id bigint not null, source_department_id bigint not null,"
                + " valid_from timestamp with time zone not null)").update();
        jdbc.sql("create table " + checked(table + "_h") + " (record_key varchar(1000) not null, " + values
                + ", batch_id bigint not null, source_department_id bigint not null,"
                + " valid_from timestamp with time zone not null, valid_to timestamp with time zone,"
                + " tombstone boolean not null)").update();
        jdbc.sql("create index " + checked(table + "_h_key") + " on " + checked(table + "_h")
                + " (record_key, valid_from)").update();
        // staging holds nothing that must survive a crash (an interrupted batch is discarded at the next start),
        // so on PostgreSQL it is unlogged, and its batch index a BRIN one: batches arrive in order
        boolean postgres = postgres();
        jdbc.sql("create " + (postgres ? "unlogged " : "") + "table " + checked(table + "_s")
                + " (batch_id bigint not null, row_number bigint not null, record_key varchar(1000) not null, " + values
                + ")").update();
        jdbc.sql("create index " + checked(table + "_s_batch") + " on " + checked(table + "_s")
                + (postgres ? " using brin" : "") + " (batch_id)").update();
    }

    /** What applying a batch changed: records that were not current before, and records tombstoned. */
    public record Applied(long added, long tombstoned) {
    }

    /**
     * Applies a staged batch, inside the caller's transaction: the staged records become current, the
     * versions they replace move to the history with the time they ended, and with {@code replace} every
     * record the batch did not contain becomes a tombstone; a record sent again with the same values keeps its
     * version.
     *
     * <p>Set-based, so that millions of rows are a few statements: the statements that find the versions a
     * batch replaces are skipped when there can be none (no current record, no open tombstone), and on
     * PostgreSQL the staging table is analysed first, so the planner joins it to the dataset's tables knowing
     * its size, and emptied by {@code truncate} when no other batch has rows in it. Rows are inserted in key
     * order, so that the key indexes grow at their right edge rather than at random.
     */
    public Applied apply(String table, List<Column> columns, long batchId, long departmentId, OffsetDateTime now,
            boolean replace) {
        String cols = columns.stream().map(Column::columnName).collect(Collectors.joining(", "));
        String current = checked(table);
        String staging = checked(table + "_s");
        boolean postgres = postgres();
        if (postgres) {
            // no concurrent batch of this dataset stages while this one is applied; its COPY waits (see below)
            jdbc.sql("lock table " + staging + " in exclusive mode").update();
            jdbc.sql("analyze " + staging).update();
        }
        boolean hadRecords = exists("select 1 from " + current);
        long tombstoned = 0;
        if (replace && hadRecords) {
            // the records the batch does not contain, found while staging still lists every key of the batch
            String absent = "select record_key from " + current + " c where not exists (select 1 from " + staging
                    + " s where s.batch_id = ? and s.record_key = c.record_key)";
            tombstoned = retire(table, absent, List.of(batchId), batchId, departmentId, now);
        }
        if (hadRecords) {
            // a record sent again unchanged keeps its version (its batch and the time it became valid): nothing
            // is written for it, which makes re-sending a whole file cheap
            String same = columns.stream().map(c -> "c." + c.columnName() + " is not distinct from s." + c.columnName())
                    .collect(Collectors.joining(" and "));
            jdbc.sql("delete from " + staging + " s where s.batch_id = ? and exists (select 1 from " + current
                    + " c where c.record_key = s.record_key and " + same + ")").params(batchId).update();
        }
        String staged = "select record_key from " + staging + " where batch_id = ?";
        closeTombstones(table, staged, List.of(batchId), now);
        long replaced = 0;
        if (hadRecords) {
            replaced = endVersions(table, staged, List.of(batchId), now);
            jdbc.sql("delete from " + current + " where record_key in (" + staged + ")").params(batchId).update();
        }
        long inserted = jdbc.sql("insert into " + current + " (record_key, " + cols + ", batch_id, source_department_id,"
                + " valid_from) select record_key, " + cols + ", ?, ?, ? from " + staging + " where batch_id = ?"
                + " order by record_key").params(batchId, departmentId, now, batchId).update();
        if (postgres && !exists("select 1 from " + staging + " where batch_id <> " + batchId)) {
            // transactional on PostgreSQL, and far cheaper than deleting millions of rows one by one
            jdbc.sql("truncate " + staging).update();
        } else {
            discardStaging(table, batchId);
        }
        return new Applied(inserted - replaced, tombstoned);
    }

    /**
     * Where a first load writes on PostgreSQL: straight into the current table, inside the caller's transaction,
     * when the dataset has no current record. The dataset's row is locked first, so that no other batch or push of the
     * dataset applies until this one commits or rolls back; empty if the dataset is not empty.
     */
    public java.util.Optional<RowTarget> firstLoad(long datasetId, String table, List<Column> columns, long batchId,
            long departmentId, OffsetDateTime now) {
        if (!postgres()) {
            // H2 does not reliably roll back a long transaction cut by a killed process (uncommitted rows have
            // been seen after the restart), so there a first load is staged like any other batch: staging is
            // discarded by LakeRecovery, and only the short apply is one transaction
            return java.util.Optional.empty();
        }
        lockDataset(datasetId);
        if (exists("select 1 from " + checked(table))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(RowTarget.current(table, columns, batchId, departmentId, now));
    }

    /** After a first load: records that had been deleted before and came back end their tombstones. */
    public void afterFirstLoad(String table, long batchId, OffsetDateTime now) {
        closeTombstones(table, "select record_key from " + checked(table) + " where batch_id = ?", List.of(batchId), now);
    }

    /**
     * Serialises the batches and pushes that apply to one dataset, inside the caller's transaction: two applying
     * at once would each decide from a state the other is changing.
     */
    public void lockDataset(long datasetId) {
        jdbc.sql("select id from lake_dataset where id = ? for update").param(datasetId).query(Long.class).single();
    }

    /**
     * Numbers an applied batch in the dataset's order of application, inside the applying transaction (which
     * holds the dataset's lock, so the numbers follow the commits): what an incremental export's cursor counts.
     */
    public long sequence(long datasetId, long batchId) {
        jdbc.sql("update lake_dataset set applied_seq = applied_seq + 1 where id = ?").param(datasetId).update();
        long sequence = jdbc.sql("select applied_seq from lake_dataset where id = ?").param(datasetId)
                .query(Long.class).single();
        jdbc.sql("update lake_batch set applied_seq = ? where id = ?").params(sequence, batchId).update();
        long entryId = jdbc.sql("select entry_id from lake_dataset where id = ?").param(datasetId).query(Long.class)
                .single();
        events.publishEvent(new DatasetChanged(datasetId, entryId, sequence));
        return sequence;
    }

    /** How many of the given record keys are current records of the dataset. */
    public long countCurrent(String table, List<String> keys) {
        long found = 0;
        for (List<String> chunk : chunks(keys)) {
            found += jdbc.sql("select count(*) from " + checked(table) + " where record_key in (" + marks(chunk) + ")")
                    .params(chunk).query(Long.class).single();
        }
        return found;
    }

    /**
     * Deletes records the way a full replace does, inside the caller's transaction (AGG-7): every given key
     * that is current ends its version in the history, gets a tombstone and leaves the current table. Keys
     * that are not current are left alone. Returns how many records were tombstoned.
     */
    public long tombstone(String table, List<String> keys, long batchId, long departmentId, OffsetDateTime now) {
        long tombstoned = 0;
        for (List<String> chunk : chunks(keys)) {
            String inCurrent = "select record_key from " + checked(table) + " where record_key in (" + marks(chunk) + ")";
            tombstoned += retire(table, inCurrent, List.copyOf(chunk), batchId, departmentId, now);
        }
        return tombstoned;
    }

    /**
     * The records the {@code keys} query selects (all of them current) end their versions in the history, get
     * a tombstone there, and leave the current table. Returns how many.
     */
    private long retire(String table, String keys, List<Object> keyParams, long batchId, long departmentId,
            OffsetDateTime now) {
        endVersions(table, keys, keyParams, now);
        List<Object> params = new java.util.ArrayList<>(List.of(batchId, departmentId, now));
        params.addAll(keyParams);
        long tombstoned = jdbc.sql("insert into " + checked(table + "_h") + " (record_key, batch_id,"
                + " source_department_id, valid_from, valid_to, tombstone) select record_key, ?, ?, ?, null, true from "
                + checked(table) + " where record_key in (" + keys + ")").params(params).update();
        jdbc.sql("delete from " + checked(table) + " where record_key in (" + keys + ")").params(keyParams).update();
        return tombstoned;
    }

    /** The current versions of the selected records move to the history, ending now. Returns how many. */
    private long endVersions(String table, String keys, List<Object> keyParams, OffsetDateTime now) {
        String cols = String.join(", ", columns(table));
        List<Object> params = new java.util.ArrayList<>(List.of(now));
        params.addAll(keyParams);
        return jdbc.sql("insert into " + checked(table + "_h") + " (record_key, " + cols + ", batch_id,"
                + " source_department_id, valid_from, valid_to, tombstone) select record_key, " + cols + ", batch_id,"
                + " source_department_id, valid_from, ?, false from " + checked(table) + " where record_key in (" + keys
                + ")").params(params).update();
    }

    /** Tombstones of the selected records end now: the records are current again. */
    private void closeTombstones(String table, String keys, List<Object> keyParams, OffsetDateTime now) {
        String history = checked(table + "_h");
        if (exists("select 1 from " + history + " where valid_to is null")) {
            List<Object> params = new java.util.ArrayList<>(List.of(now));
            params.addAll(keyParams);
            jdbc.sql("update " + history + " set valid_to = ? where valid_to is null and record_key in (" + keys + ")")
                    .params(params).update();
        }
    }

    /** Every data column of a dataset table, retired ones included: a version moves to the history whole. */
    private List<String> columns(String table) {
        return jdbc.sql("""
                select c.column_name from lake_dataset_column c join lake_dataset d on d.id = c.dataset_id
                where d.table_name = ? order by c.position""").param(table).query(String.class).list()
                .stream().map(DatasetTables::checked).toList();
    }

    /**
     * One side of a comparison of two datasets' corresponding items (AGG-6). Two sealed items compare in SQL like
     * two plain ones (equal values seal equal under one key version; while a rotation is under way, a value sealed
     * under an older version differs until it is re-sealed); a sealed item is not compared with a plain one.
     */
    public record Side(long datasetId, long departmentId, String table, String column, String itemName,
            boolean sealed) {
    }

    /**
     * Closes the open discrepancies of one item pair whose recorded values no longer differ as recorded: the
     * record is gone from either dataset, or either value changed. Set-based over the current tables.
     */
    public int closeSettledDiscrepancies(Side a, Side b, OffsetDateTime now) {
        if (a.sealed() != b.sealed()) {
            return 0;
        }
        return jdbc.sql("update lake_discrepancy d set status = 'CLOSED', closed_at = ? where d.status = 'OPEN'"
                + " and d.dataset_a = ? and d.item_a = ? and d.dataset_b = ? and d.item_b = ? and not exists ("
                + "select 1 from " + checked(a.table()) + " x join " + checked(b.table()) + " y on y.record_key = x.record_key"
                + " where x.record_key = d.entity_key and x." + checked(a.column()) + " = d.value_a and y."
                + checked(b.column()) + " = d.value_b)")
                .params(now, a.datasetId(), a.itemName(), b.datasetId(), b.itemName()).update();
    }

    /**
     * Records, in one statement, every entity both datasets hold with two different non-empty values of the
     * item pair, unless the same difference is already recorded (open or resolved). Returns how many were new.
     */
    public int insertDiscrepancies(Side a, Side b, long regionId, String keyStandard, String label, boolean personal,
            OffsetDateTime now, java.time.LocalDate due) {
        if (a.sealed() != b.sealed()) {
            return 0;
        }
        String x = "x." + checked(a.column());
        String y = "y." + checked(b.column());
        return jdbc.sql("insert into lake_discrepancy (region_id, key_standard, entity_key, dataset_a, department_a,"
                + " item_a, value_a, dataset_b, department_b, item_b, value_b, item_label, personal, sealed, status,"
                + " found_at, due_on) select ?, ?, x.record_key, ?, ?, ?, " + x + ", ?, ?, ?, " + y
                + ", ?, ?, ?, 'OPEN', ?, ? from "
                + checked(a.table()) + " x join " + checked(b.table()) + " y on y.record_key = x.record_key"
                + " where " + x + " is not null and " + y + " is not null and " + x + " <> " + y
                + " and not exists (select 1 from lake_discrepancy d where d.dataset_a = ? and d.item_a = ?"
                + " and d.dataset_b = ? and d.item_b = ? and d.entity_key = x.record_key and d.status <> 'CLOSED'"
                + " and d.value_a = " + x + " and d.value_b = " + y + ")")
                .params(regionId, keyStandard, a.datasetId(), a.departmentId(), a.itemName(), b.datasetId(),
                        b.departmentId(), b.itemName(), label, personal, a.sealed(), now, due, a.datasetId(), a.itemName(),
                        b.datasetId(), b.itemName())
                .update();
    }

    private static final int CHUNK = 500;

    private static List<List<String>> chunks(List<String> keys) {
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String marks(List<String> chunk) {
        return chunk.stream().map(k -> "?").collect(Collectors.joining(", "));
    }

    private boolean exists(String query) {
        return jdbc.sql(query + " limit 1").query(Integer.class).optional().isPresent();
    }

    /** Whether the database is PostgreSQL (H2 in its PostgreSQL mode is not). */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = dataSource == null ? false : probe(dataSource);
            postgres = known;
        }
        return known;
    }

    private static boolean probe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database", e);
        }
    }

    public void discardStaging(String table, long batchId) {
        jdbc.sql("delete from " + checked(table + "_s") + " where batch_id = ?").params(batchId).update();
    }

    public static String checked(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + identifier);
        }
        return identifier;
    }
}
