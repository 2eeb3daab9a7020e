package cn.govdata.lake.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import cn.govdata.lake.dataset.RowTarget;

/**
 * Rows on PostgreSQL by {@code COPY … FROM STDIN} (text format) through the driver's {@link CopyManager}: rows
 * are encoded as they arrive into a small buffer that is sent whenever it fills, so memory stays constant
 * whatever the size of the file. A writer that owns its connection ends the {@code COPY} and commits every
 * {@link #CHUNK} rows; one inside a transaction keeps a single {@code COPY} open until {@link #flush()}. The
 * rows written are exactly those {@link JdbcRowWriter} would insert: same columns, same text, {@code NULL}
 * for a blank value.
 */
final class CopyRowWriter implements RowWriter {

    static final int CHUNK = 50_000;
    private static final int BUFFER = 64 * 1024;

    private final Connection connection;
    private final CopyManager copy;
    private final RowTarget target;
    private final boolean owned;
    private final StringBuilder line = new StringBuilder(512);
    private byte[] buffer = new byte[BUFFER];
    private int used;
    private CopyIn in;
    private int pending;

    /** With {@code owned}, takes over the connection (possibly behind a pool's proxy) and closes it at the end. */
    CopyRowWriter(Connection connection, RowTarget target, boolean owned) throws SQLException {
        this.connection = connection;
        this.target = target;
        this.owned = owned;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void add(long row, String recordKey, List<String> values) {
        line.setLength(0);
        target.appendCopyLine(line, row, recordKey, values);
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (in == null) {
                in = copy.copyIn(target.copyStatement());
            }
            if (used + bytes.length > buffer.length) {
                send();
                if (bytes.length > buffer.length) {
                    buffer = new byte[bytes.length];  // one long row; values are bounded by their items' lengths
                }
            }
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
            if (owned && ++pending == CHUNK) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing a record failed", e);
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
            if (owned) {
                connection.commit();
            }
            pending = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("writing the batch failed", e);
        }
    }

    @Override
    public void close() {
        try {
            if (in != null && in.isActive()) {
                in.cancelCopy();  // anything not flushed is not part of the batch
            }
            if (owned) {
                try (connection) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the writer failed", e);
        } finally {
            in = null;
        }
    }
}
