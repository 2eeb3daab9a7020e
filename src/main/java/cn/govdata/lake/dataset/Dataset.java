package cn.govdata.lake.dataset;

import java.time.OffsetDateTime;
import java.util.List;

import cn.govdata.lake.RecordKey;

/**
 * A catalog entry's data in the lake (AGG-1): its columns follow the entry's data items, the record key
 * identifies a record.
 *
 * @param tableName the current-state table; history and staging tables add {@code _h} and {@code _s}
 * @param schemaVersion the catalog version whose data items the columns follow
 */
public record Dataset(long id, long entryId, String resourceCode, String name, long regionId, long departmentId,
        String tableName, int schemaVersion, long recordCount, Long lastBatchId, OffsetDateTime lastSuccessAt,
        List<Column> columns) {

    /**
     * One data item as a column.
     *
     * @param sealed its values are stored sealed (a personal-information item, SEC-4): see {@code lake.sealing}
     */
    public record Column(String itemName, String columnName, int position, boolean recordKey, boolean retired,
            boolean sealed) {
    }

    public List<Column> liveColumns() {
        return columns.stream().filter(c -> !c.retired()).toList();
    }

    public List<String> keyItems() {
        return columns.stream().filter(Column::recordKey).map(Column::itemName).toList();
    }

    /** A record's key from its key items' values (its text, not yet in its stored form: see {@link #lookupKeys}). */
    public String recordKey(java.util.Map<String, String> record) {
        return RecordKey.of(keyItems(), record).stored();
    }

    /**
     * Whether the tables store each record key as a keyed digest ({@code lake.sealing}): a key item is sealed. Fixed
     * when the dataset is created, since a migration never changes the sealing of a key item.
     */
    public boolean lookupKeys() {
        return columns.stream().anyMatch(c -> c.recordKey() && c.sealed());
    }

    /** A record's values in the order of the live columns, blank values as null. */
    public List<String> columnValues(java.util.Map<String, String> record) {
        List<String> values = new java.util.ArrayList<>();
        for (Column column : liveColumns()) {
            String value = record.get(column.itemName());
            values.add(value == null || value.isBlank() ? null : value.strip());
        }
        return values;
    }
}
