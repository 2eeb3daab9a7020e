package cn.govdata.lake.dataset;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import cn.govdata.lake.dataset.Dataset.Column;

/**
 * Where a batch's accepted records are written, and in which column order: the dataset's staging table
 * (batch, row number, key, values) when the batch is applied afterwards, or its current table directly (key,
 * values, batch, department, valid from) when the batch is the first load of an empty dataset and is written
 * inside the transaction that applies it. Every identifier is checked by {@link DatasetTables#checked}.
 */
public final class RowTarget {

    /** How {@code COPY} reads a timestamp with time zone, to the microsecond PostgreSQL keeps. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private final String table;
    private final String columnList;
    private final int valueCount;
    private final boolean staging;
    private final long batchId;
    private final long departmentId;
    private final OffsetDateTime validFrom;

    private RowTarget(String table, String columnList, int valueCount, boolean staging, long batchId,
            long departmentId, OffsetDateTime validFrom) {
        this.table = DatasetTables.checked(table);
        this.columnList = columnList;
        this.valueCount = valueCount;
        this.staging = staging;
        this.batchId = batchId;
        this.departmentId = departmentId;
        this.validFrom = validFrom;
    }

    public static RowTarget staging(String datasetTable, List<Column> columns, long batchId) {
        return new RowTarget(datasetTable + "_s", "batch_id, row_number, record_key, " + names(columns), columns.size(),
                true, batchId, 0, null);
    }

    public static RowTarget current(String datasetTable, List<Column> columns, long batchId, long departmentId,
            OffsetDateTime validFrom) {
        return new RowTarget(datasetTable, "record_key, " + names(columns) + ", batch_id, source_department_id, valid_from",
                columns.size(), false, batchId, departmentId, validFrom);
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(c -> DatasetTables.checked(c.columnName())).collect(Collectors.joining(", "));
    }

    public String insertStatement() {
        int parameters = valueCount + (staging ? 3 : 4);
        return "insert into " + table + " (" + columnList + ") values ("
                + String.join(", ", java.util.Collections.nCopies(parameters, "?")) + ")";
    }

    public String copyStatement() {
        return "copy " + table + " (" + columnList + ") from stdin";
    }

    public void bind(PreparedStatement insert, long row, String recordKey, List<String> values) throws SQLException {
        int p = 1;
        if (staging) {
            insert.setLong(p++, batchId);
            insert.setLong(p++, row);
        }
        insert.setString(p++, recordKey);
        for (String value : values) {
            insert.setString(p++, value);
        }
        if (!staging) {
            insert.setLong(p++, batchId);
            insert.setLong(p++, departmentId);
            insert.setObject(p, validFrom);
        }
    }

    /** One row in {@code COPY}'s text format, ending with a newline. */
    public void appendCopyLine(StringBuilder line, long row, String recordKey, List<String> values) {
        if (staging) {
            line.append(batchId).append('\t').append(row).append('\t');
        }
        appendText(line, recordKey);
        for (String value : values) {
            line.append('\t');
            appendText(line, value);
        }
        if (!staging) {
            line.append('\t').append(batchId).append('\t').append(departmentId).append('\t')
                    .append(TIMESTAMP.format(validFrom));
        }
        line.append('\n');
    }

    /**
     * A value in {@code COPY}'s text format: {@code \N} for {@code NULL}; backslash, tab, newline and carriage
     * return escaped, so that no value can end a column, a row or the data.
     */
    public static void appendText(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
