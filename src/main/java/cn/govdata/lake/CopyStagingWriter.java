package cn.govdata.lake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import cn.govdata.lake.Dataset.Column;

/**
 * Staging on PostgreSQL by {@code COPY … FROM STDIN} (text format) through the driver's {@link CopyManager}:
 * rows are encoded as they arrive into a small buffer that is sent whenever it fills, and every {@link #CHUNK}
 * rows the {@code COPY} is ended and committed, so memory stays constant whatever the size of the file. The
 * rows staged are exactly those {@link JdbcStagingWriter} would insert: same columns, same text, {@code NULL}
 * for a blank value.
 */
final class CopyStagingWriter implements StagingWriter {

    static final int CHUNK = 50_000;
    private static final int BUFFER = 64 * 1024;

    private final Connection connection;
    private final CopyManager copy;
    private final String sql;
    private final long batchId;
    private final StringBuilder line = new StringBuilder(512);
    private byte[] buffer = new byte[BUFFER];
    private int used;
    private CopyIn in;
    private int pending;

    /** Takes over the connection (a PostgreSQL one, possibly behind a pool's proxy) and closes it at the end. */
    CopyStagingWriter(Connection connection, String table, List<Column> columns, long batchId) throws SQLException {
        this.connection = connection;
        this.batchId = batchId;
        connection.setAutoCommit(false);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = copyStatement(table, columns);
    }

    /** The {@code COPY} of a batch into the staging table: batch, row number, key, then the columns in order. */
    static String copyStatement(String table, List<Column> columns) {
        return "copy " + DatasetTables.checked(table + "_s") + " (batch_id, row_number, record_key, "
                + columns.stream().map(c -> DatasetTables.checked(c.columnName())).collect(Collectors.joining(", "))
                + ") from stdin";
    }

    @Override
    public void add(long row, String recordKey, List<String> values) {
        line.setLength(0);
        line.append(batchId).append('\t').append(row).append('\t');
        appendText(line, recordKey);
        for (String value : values) {
            line.append('\t');
            appendText(line, value);
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (in == null) {
                in = copy.copyIn(sql);
            }
            if (used + bytes.length > buffer.length) {
                send();
                if (bytes.length > buffer.length) {
                    buffer = new byte[bytes.length];  // one long row; values are bounded by their items' lengths
                }
            }
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
            if (++pending == CHUNK) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staging a record failed", e);
        }
    }

    /**
     * A value in {@code COPY}'s text format: {@code \N} for {@code NULL}; backslash, tab, newline and carriage
     * return escaped, so that no value can end a column, a row or the data.
     */
    static void appendText(StringBuilder out, String value) {
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

    private void send() throws SQLException {
        if (used > 0) {
            in.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() {
        try {
            if (in != null) {
                send();
                in.endCopy();
                in = null;
            }
            connection.commit();
            pending = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("staging the batch failed", e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            if (in != null && in.isActive()) {
                in.cancelCopy();  // anything not flushed is not part of the batch
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the staging connection failed", e);
        } finally {
            in = null;
        }
    }
}
