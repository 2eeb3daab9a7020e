package cn.govdata.lake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.lake.dataset.DatasetCreated;
import cn.govdata.lake.dataset.DatasetMigrated;
import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.sealing.SealedValues;
import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.ReadThroughCache;
import cn.govdata.shared.replica.ReplicaReads;
import jakarta.annotation.PreDestroy;

/**
 * What other modules may read of the lake (sharing, opening): the current records of a published entry's
 * dataset — only the data items asked for, only the rows the conditions admit. The caller decides who may
 * read what (a grant) and records the use in the audit log; this class only reads, never writes, and never
 * returns an item that was not asked for.
 */
@Service
public class LakeRecords {

    /**
     * The dataset aggregated for a published catalog entry.
     *
     * @param sealedItems the items whose values the lake keeps sealed (personal information); reads answer them
     *        opened, like any other
     */
    public record Source(long datasetId, long entryId, long departmentId, List<String> items, List<String> keyItems,
            long recordCount, long sequence, OffsetDateTime lastSuccessAt, List<String> sealedItems) {

        public Source {
            sealedItems = sealedItems == null ? List.of() : List.copyOf(sealedItems);
        }

        /** Whether the lake stores this dataset's record keys as keyed digests: a key item is sealed. */
        public boolean lookupKeys() {
            return keyItems.stream().anyMatch(sealedItems::contains);
        }

        /**
         * A record's key text from its key items' values, as reads answer it and take it; a dataset with sealed key
         * items stores a keyed digest of it instead, which the lake computes itself.
         */
        public String recordKey(Map<String, String> keyValues) {
            return RecordKey.of(keyItems, keyValues).stored();
        }
    }

    /** How a condition compares an item's stored value. */
    public enum Match {
        EQUALS, STARTS_WITH
    }

    /**
     * One condition on a data item — a grant's row filter (e.g. two districts' division codes) or a query's
     * filter: the item's value equals, or starts with, one of the values. A read's conditions all hold.
     */
    public record Condition(String item, Match match, List<String> values) {

        public Condition {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a condition on " + item + " needs a value");
            }
        }

        public Condition(String item, Match match, String value) {
            this(item, match, List.of(value));
        }
    }

    /** A current record: its key, the items asked for, and when this version became valid. */
    public record Row(String key, Map<String, String> values, OffsetDateTime validFrom) {
    }

    public record Page(long total, List<Row> rows) {
    }

    /** A change for an export: a record as it is now, or its deletion (values null). */
    public record Change(String key, Map<String, String> values, boolean deleted) {
    }

    /** What an export wrote: the number of changes, and the cursor to pass next time. */
    public record ExportResult(long changes, long cursor) {
    }

    /**
     * Told, before the first change is streamed, how many changes the export will send and the cursor of its
     * snapshot; may refuse (throw), and then nothing is sent. Where a caller counts a quota or sets headers.
     */
    public interface Admission {
        void admit(long changes, long cursor);
    }

    private final JdbcClient jdbc;
    private final SealedValues sealing;
    private final JdbcTemplate streaming;
    /** Where exports read: the primary; whole exports a streaming replica when one is configured and caught up. */
    private final Reads exports;
    private final Reads wholeExports;
    /**
     * Datasets by entry, as every shared read needs them; dropped on every node when a dataset's columns change,
     * and after five seconds otherwise.
     */
    private final ReadThroughCache<Long, Optional<Source>> forReading;
    /** Where whole exports open their rows' sealed values while the reading thread goes on (one per core). */
    private final ExecutorService openers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("lake-opening-", 1).daemon(true).factory());

    LakeRecords(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, CacheDrops caches,
            SealedValues sealing, ReplicaReads replica) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.forReading = caches.cache("lake.datasets-for-reading", Duration.ofSeconds(5), 100_000);
        this.exports = Reads.on(jdbc, dataSource, transactions);
        this.streaming = exports.streaming();
        this.wholeExports = replica.onReplica() ? Reads.on(replica.jdbc(), replica.dataSource(),
                new DataSourceTransactionManager(replica.dataSource())) : exports;
    }

    @PreDestroy
    void stopOpening() {
        openers.shutdownNow();
    }

    /** The statements of an export and the snapshot they share, on one database. */
    private record Reads(JdbcClient jdbc, JdbcTemplate streaming, DataSource dataSource, TransactionTemplate snapshot) {

        static Reads on(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
            JdbcTemplate streaming = new JdbcTemplate(dataSource);
            streaming.setFetchSize(1000);  // PostgreSQL streams with a cursor inside a transaction
            TransactionTemplate snapshot = new TransactionTemplate(transactions);
            snapshot.setReadOnly(true);
            snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            return new Reads(jdbc, streaming, dataSource, snapshot);
        }

        long appliedSequence(long datasetId) {
            return jdbc.sql("select applied_seq from lake_dataset where id = ?").param(datasetId).query(Long.class)
                    .single();
        }
    }

    /** The current record count of every aggregated entry's dataset, by entry: one statement for figures of many. */
    public Map<Long, Long> recordCountsByEntry() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select entry_id, record_count from lake_dataset")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** The dataset of a published entry, if it has been aggregated. */
    public Optional<Source> ofEntry(long entryId) {
        // one statement for the dataset and its live columns (a row per column): it runs on every shared read
        return jdbc.sql("""
                select d.id, d.entry_id, d.department_id, d.record_count, d.applied_seq, d.last_success_at,
                    c.item_name, c.record_key, c.sealed
                from lake_dataset d join lake_dataset_column c on c.dataset_id = d.id and not c.retired
                where d.entry_id = ? order by c.position""").param(entryId).query(rs -> {
                    if (!rs.next()) {
                        return Optional.<Source>empty();
                    }
                    long id = rs.getLong("id");
                    long departmentId = rs.getLong("department_id");
                    long recordCount = rs.getLong("record_count");
                    long sequence = rs.getLong("applied_seq");
                    OffsetDateTime lastSuccessAt = rs.getObject("last_success_at", OffsetDateTime.class);
                    List<String> items = new ArrayList<>();
                    List<String> keyItems = new ArrayList<>();
                    List<String> sealedItems = new ArrayList<>();
                    do {
                        items.add(rs.getString("item_name"));
                        if (rs.getBoolean("record_key")) {
                            keyItems.add(rs.getString("item_name"));
                        }
                        if (rs.getBoolean("sealed")) {
                            sealedItems.add(rs.getString("item_name"));
                        }
                    } while (rs.next());
                    return Optional.of(new Source(id, entryId, departmentId, List.copyOf(items), List.copyOf(keyItems),
                            recordCount, sequence, lastSuccessAt, sealedItems));
                });
    }


    /**
     * The dataset of a published entry as the read paths (verification, query, exchange) need it: its table, items
     * and key. Kept in memory for a few seconds and dropped at once on every node when the dataset's columns
     * change, so its record count and sequence may lag; read {@link #ofEntry} where they matter.
     */
    public Optional<Source> forReading(long entryId) {
        // an entry without a dataset is kept so too (the portal shows many): its creation drops it on every node
        return forReading.get(entryId, this::ofEntry);
    }

    @EventListener
    void onDatasetCreated(DatasetCreated created) {
        forReading.forgetAfterCommit(created.entryId());
    }

    /**
     * Drops the dataset's layout this node keeps, now and when the changing transaction ends, and tells the other
     * nodes to drop theirs when it commits.
     */
    @EventListener
    void onDatasetMigrated(DatasetMigrated migrated) {
        forReading.forgetAfterCommit(migrated.entryId());
    }

    /** The current record with this key, if the conditions admit it; only the given items. */
    public Optional<Row> byKey(Source source, String recordKey, List<String> items, List<Condition> conditions) {
        Query query = new Query(source, items, conditions);
        List<Object> params = new ArrayList<>(query.params);
        params.add(source.lookupKeys() ? sealing.lookupKey(recordKey) : recordKey);
        // the key is the one asked for: its sealed items are neither read nor opened
        return jdbc.sql(query.selectWithoutKeys() + query.from() + " and record_key = ?").params(params)
                .query((rs, n) -> query.row(rs, recordKey)).optional().filter(query::admits).map(query::asked);
    }

    /** Current records the conditions admit, in key order, one page; only the given items. */
    public Page query(Source source, List<String> items, List<Condition> conditions, int page, int size) {
        Query query = new Query(source, items, conditions);
        if (query.filtersAfterOpening()) {
            // a prefix of a sealed value cannot be compared in SQL: every row the other conditions admit is read,
            // opened and filtered here, in key order, and the page is cut from what remains
            long[] total = { 0 };
            List<Row> rows = new ArrayList<>();
            streaming.query(query.select() + query.from() + " order by record_key", rs -> {
                Row row = query.row(rs, 0);
                if (query.admits(row) && total[0]++ >= (long) page * size && rows.size() < size) {
                    rows.add(query.asked(row));
                }
            }, query.params.toArray());
            return new Page(total[0], rows);
        }
        // without conditions the total is the count each batch keeps, not a count of a whole table per page
        long total = query.filters.isEmpty()
                ? jdbc.sql("select record_count from lake_dataset where id = ?").param(source.datasetId())
                        .query(Long.class).single()
                : jdbc.sql("select count(*)" + query.from()).params(query.params).query(Long.class).single();
        List<Object> params = new ArrayList<>(query.params);
        params.add(size);
        params.add((long) page * size);
        List<Row> rows = jdbc.sql(query.select() + query.from() + " order by record_key limit ? offset ?").params(params)
                .query(query::row).list();
        return new Page(total, rows);
    }

    /**
     * Streams the records the conditions admit to the sink, in constant memory: all current records when
     * {@code since} is 0, otherwise only the records changed by batches applied after that cursor — new and
     * changed versions, then deletions (a deletion is reported when the deleted version was admitted), in the
     * order they were applied. Reads one consistent snapshot; returns the cursor of that snapshot. A record
     * changed so that the conditions no longer admit it is not reported (the reader keeps its last admitted
     * version). A whole export ({@code since} 0) reads a streaming replica when one is configured
     * ({@link ReplicaReads}) and has applied at least the dataset's batches that the primary had when it was asked
     * for; else, like every export since a cursor, the primary.
     */
    public ExportResult export(Source source, List<String> items, List<Condition> conditions, long since,
            Admission admission, Consumer<Change> sink) {
        if (since <= 0 && wholeExports != exports) {
            // a whole export may read a replica, but never an older state than the primary's when it was asked for
            long current = exports.appliedSequence(source.datasetId());
            ExportResult onReplica = wholeExports.snapshot().execute(status -> {
                long cursor = wholeExports.appliedSequence(source.datasetId());
                return cursor < current ? null : export(wholeExports, cursor, source, items, conditions, since,
                        admission, sink);
            });
            if (onReplica != null) {
                return onReplica;
            }
        }
        return exports.snapshot().execute(status -> export(exports, exports.appliedSequence(source.datasetId()),
                source, items, conditions, since, admission, sink));
    }

    private ExportResult export(Reads reads, long cursor, Source source, List<String> items, List<Condition> conditions,
            long since, Admission admission, Consumer<Change> sink) {
        long[] changes = { 0 };
        Query query = new Query(source, items, conditions);
        if (since <= 0 && query.filtersAfterOpening()) {
            long[] admitted = { 0 };
            reads.streaming().query(query.select() + query.from(), rs -> {
                admitted[0] += query.admits(query.row(rs, 0)) ? 1 : 0;
            }, query.params.toArray());
            admission.admit(admitted[0], cursor);
            reads.streaming().query(query.select() + query.from(), rs -> {
                Row row = query.row(rs, 0);
                if (query.admits(row)) {
                    sink.accept(new Change(row.key(), query.values(row), false));
                    changes[0]++;
                }
            }, query.params.toArray());
            return new ExportResult(changes[0], cursor);
        }
        if (since <= 0) {
            admission.admit(reads.jdbc().sql("select count(*)" + query.from()).params(query.params).query(Long.class)
                    .single(), cursor);
            // PostgreSQL: COPY, several times faster than a cursor's fetches; elsewhere (H2) the cursor
            // the rows' sealed values opened on other threads while this one reads and writes (OpenedAhead)
            OpenedAhead<Change> ahead = new OpenedAhead<>(openers, rows -> {
                Map<String, String> opened = new HashMap<>();  // one chunk's, on one thread
                List<Change> changed = new ArrayList<>(rows.size());
                for (String[] fields : rows) {
                    changed.add(new Change(query.key(fields, opened), query.values(fields, opened), false));
                }
                return changed;
            }, change -> {
                sink.accept(change);
                changes[0]++;
            });
            boolean copied;
            try {
                copied = CopyOutRows.stream(reads.dataSource(), "select record_key, " + query.columns(query.table)
                        + query.keys(query.table) + query.from(), query.params, ahead);
                ahead.finish();
            } catch (RuntimeException e) {
                ahead.abandon();
                throw e;
            }
            if (!copied) {
                reads.streaming().query(query.select() + query.from(), rs -> {
                    sink.accept(new Change(query.key(rs), query.values(rs), false));
                    changes[0]++;
                }, query.params.toArray());
            }
            return new ExportResult(changes[0], cursor);
        }
        String table = DatasetTables.checked(DatasetTables.tableName(source.datasetId()));
        // changed or new versions, with the sequence of the batch that applied them
        List<Object> params = new ArrayList<>();
        params.add(since);
        params.addAll(query.params);
        String changed = "select c.record_key, " + query.columns("c") + query.hidden("c") + query.keys("c")
                + ", false as deleted, b.applied_seq from "
                + table + " c join lake_batch b on b.id = c.batch_id where b.applied_seq > ?" + query.where("c");
        // deletions: a tombstone applied after the cursor whose deleted version the conditions admitted
        params.add(since);
        params.addAll(query.params);
        String deleted = "select t.record_key, " + query.nulls() + query.hidden("v") + query.keys("v")
                + ", true as deleted, b.applied_seq from "
                + table + "_h t join lake_batch b on b.id = t.batch_id join " + table + "_h v on v.record_key ="
                + " t.record_key and v.valid_to = t.valid_from and not v.tombstone where t.tombstone and"
                + " b.applied_seq > ?" + query.where("v");
        String union = "select * from (" + changed + " union all " + deleted + ") x";
        if (query.filtersAfterOpening()) {
            long[] admitted = { 0 };
            reads.streaming().query(union, rs -> {
                admitted[0] += query.admitsHidden(rs) ? 1 : 0;
            }, params.toArray());
            admission.admit(admitted[0], cursor);
        } else {
            admission.admit(reads.jdbc().sql("select count(*) from (" + union + ") n").params(params).query(Long.class)
                    .single(), cursor);
        }
        reads.streaming().query(union + " order by applied_seq, record_key", rs -> {
            if (!query.admitsHidden(rs)) {
                return;
            }
            boolean gone = rs.getBoolean("deleted");
            sink.accept(new Change(query.key(rs), gone ? null : query.values(rs), gone));
            changes[0]++;
        }, params.toArray());
        return new ExportResult(changes[0], cursor);
    }

    /** The SQL of a read: the asked-for items as columns, the conditions as a where clause. */
    private final class Query {

        final List<String[]> selected = new ArrayList<>();  // {item, column}
        final List<String> filters = new ArrayList<>();  // "(%1$s.c_x = ? or %1$s.c_x = ?)", the alias left open
        final List<Object> params = new ArrayList<>();
        final String table;
        final java.util.Set<String> sealed;
        /** Prefix conditions on sealed items, checked on the opened values rather than in SQL. */
        final List<Condition> afterOpening = new ArrayList<>();
        final Map<String, String> columnOf = new LinkedHashMap<>();
        /** The key items' columns, when the stored key is a digest; empty when it is the key text. */
        final List<String> keyColumns = new ArrayList<>();
        final List<String> keyItems = new ArrayList<>();

        Query(Source source, List<String> items, List<Condition> conditions) {
            sealed = java.util.Set.copyOf(source.sealedItems());
            if (source.lookupKeys()) {
                keyItems.addAll(source.keyItems());
                source.keyItems().forEach(item -> keyColumns.add(DatasetTables.columnName(item)));
            }
            table = DatasetTables.checked(DatasetTables.tableName(source.datasetId()));
            // a live item's column is named from its identifier when the dataset is created or migrated
            Map<String, String> columns = new LinkedHashMap<>();
            for (String item : source.items()) {
                columns.put(item, DatasetTables.columnName(item));
            }
            for (String item : items) {
                String column = columns.get(item);
                if (column == null) {
                    throw new IllegalArgumentException("not an item of the dataset: " + item);
                }
                selected.add(new String[] { item, column });
            }
            for (Condition condition : conditions) {
                String column = columns.get(condition.item());
                if (column == null) {
                    throw new IllegalArgumentException("not an item of the dataset: " + condition.item());
                }
                columnOf.put(condition.item(), column);
                if (sealed.contains(condition.item()) && condition.match() == Match.STARTS_WITH) {
                    afterOpening.add(condition);
                    continue;
                }
                List<String> alternatives = new ArrayList<>();
                for (String value : condition.values()) {
                    if (condition.match() == Match.EQUALS && sealed.contains(condition.item())) {
                        // equal values seal equal under one key version: the value sealed under each live version
                        for (String needle : sealing.needles(value)) {
                            alternatives.add("%1$s." + column + " = ?");
                            params.add(needle);
                        }
                    } else if (condition.match() == Match.EQUALS) {
                        alternatives.add("%1$s." + column + " = ?");
                        params.add(value);
                    } else {
                        alternatives.add("%1$s." + column + " like ? escape '\\'");
                        params.add(value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                    }
                }
                filters.add("(" + String.join(" or ", alternatives) + ")");
            }
        }

        /**
         * The key items' columns, under names of their own, when the stored key is a digest: the key text is rebuilt
         * from them.
         */
        String keys(String alias) {
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < keyColumns.size(); i++) {
                keys.append(", ").append(alias).append('.').append(keyColumns.get(i)).append(" as k_").append(i);
            }
            return keys.toString();
        }

        /** The key text of a row read with {@link #keys}. */
        String key(ResultSet rs) throws SQLException {
            if (keyColumns.isEmpty()) {
                return rs.getString("record_key");
            }
            List<String> values = new ArrayList<>(keyColumns.size());
            for (int i = 0; i < keyColumns.size(); i++) {
                values.add(opened(keyItems.get(i), rs.getString("k_" + i)));
            }
            return new RecordKey(values).stored();
        }

        /** The key text of a row read by COPY: the key columns follow the selected ones. */
        String key(String[] fields, Map<String, String> opened) {
            if (keyColumns.isEmpty()) {
                return fields[0];
            }
            int first = 1 + Math.max(1, selected.size());  // after the key and the selected columns (or no_items)
            List<String> values = new ArrayList<>(keyColumns.size());
            for (int i = 0; i < keyColumns.size(); i++) {
                values.add(opened(keyItems.get(i), fields[first + i], opened));
            }
            return new RecordKey(values).stored();
        }

        boolean filtersAfterOpening() {
            return !afterOpening.isEmpty();
        }

        /** The columns of the conditions checked after opening, under names of their own. */
        String hidden(String alias) {
            StringBuilder hidden = new StringBuilder();
            for (int i = 0; i < afterOpening.size(); i++) {
                hidden.append(", ").append(alias).append('.').append(columnOf.get(afterOpening.get(i).item()))
                        .append(" as h_").append(i);
            }
            return hidden.toString();
        }

        /** Whether the prefix conditions on sealed items admit the opened values of a row read with them. */
        boolean admits(Row row) {
            return afterOpening.isEmpty() || admits(condition -> row.values().get(condition.item()));
        }

        boolean admitsHidden(ResultSet rs) throws SQLException {
            for (int i = 0; i < afterOpening.size(); i++) {
                String value = open(rs.getString("h_" + i));
                if (value == null || afterOpening.get(i).values().stream().noneMatch(value::startsWith)) {
                    return false;
                }
            }
            return true;
        }

        private boolean admits(java.util.function.Function<Condition, String> valueOf) {
            for (Condition condition : afterOpening) {
                String value = valueOf.apply(condition);
                if (value == null || condition.values().stream().noneMatch(value::startsWith)) {
                    return false;
                }
            }
            return true;
        }

        /** The conditions, each {@code and}-ed, on the columns of the table with this alias. */
        String where(String alias) {
            StringBuilder where = new StringBuilder();
            for (String filter : filters) {
                where.append(" and ").append(filter.formatted(alias));
            }
            return where.toString();
        }

        String columns(String alias) {
            return selected.isEmpty() ? "null as no_items"
                    : String.join(", ", selected.stream().map(s -> alias + "." + s[1] + " as " + s[1]).toList());
        }

        String nulls() {
            return selected.isEmpty() ? "null as no_items"
                    : String.join(", ", selected.stream().map(s -> "null as " + s[1]).toList());
        }

        String select() {
            return selectWithoutKeys() + keys(table);
        }

        /** As {@link #select}, for a row whose key is known already. */
        String selectWithoutKeys() {
            return "select record_key, valid_from, " + columns(table) + hidden(table);
        }

        String from() {
            return " from " + table + " where 1 = 1" + where(table);
        }

        Map<String, String> values(ResultSet rs) throws SQLException {
            Map<String, String> values = new LinkedHashMap<>();
            for (String[] s : selected) {
                values.put(s[0], opened(s[0], rs.getString(s[1])));
            }
            return values;
        }

        /** The values of a row read by COPY: its record key, then the selected columns in order. */
        Map<String, String> values(String[] fields, Map<String, String> opened) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < selected.size(); i++) {
                values.put(selected.get(i)[0], opened(selected.get(i)[0], fields[i + 1], opened));
            }
            return values;
        }

        /** A row's asked-for values, without the items read only to check a prefix condition. */
        Map<String, String> values(Row row) {
            if (!filtersAfterOpening()) {
                return row.values();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String[] s : selected) {
                values.put(s[0], row.values().get(s[0]));
            }
            return values;
        }

        Row asked(Row row) {
            return filtersAfterOpening() ? new Row(row.key(), values(row), row.validFrom()) : row;
        }

        private String opened(String item, String stored) {
            return opened(item, stored, recentlyOpened);
        }

        private String opened(String item, String stored, Map<String, String> opened) {
            return sealed.contains(item) ? open(stored, opened) : stored;
        }

        /**
         * A sealed value opened. Sealing is deterministic, so one stored text is one value: a key item delivered as
         * an item too, and the names and places that recur through an export, are opened once (opening is most of an
         * export's time).
         */
        private String open(String stored) {
            return open(stored, recentlyOpened);
        }

        private String open(String stored, Map<String, String> opened) {
            if (stored == null) {
                return null;
            }
            String clear = opened.get(stored);
            if (clear == null) {
                clear = sealing.open(stored);
                opened.put(stored, clear);
            }
            return clear;
        }

        /** The values this read opened last; a read is one request's or one export's, on one thread. */
        private final Map<String, String> recentlyOpened = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 4096;
            }
        };

        Row row(ResultSet rs, int n) throws SQLException {
            return row(rs, key(rs));
        }

        Row row(ResultSet rs, String key) throws SQLException {
            Map<String, String> values = values(rs);
            if (filtersAfterOpening()) {
                // the prefix conditions' items, opened, beside the asked-for ones; taken out again by asked()
                Map<String, String> checked = new LinkedHashMap<>(values);
                for (int i = 0; i < afterOpening.size(); i++) {
                    checked.putIfAbsent(afterOpening.get(i).item(), open(rs.getString("h_" + i)));
                }
                return new Row(key, checked, rs.getObject("valid_from", OffsetDateTime.class));
            }
            return new Row(key, values, rs.getObject("valid_from", OffsetDateTime.class));
        }
    }
}
