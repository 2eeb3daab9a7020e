package cn.govdata.lake.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import cn.govdata.lake.dataset.RowTarget;

/** Rows by JDBC batch inserts of {@link #CHUNK} records; works on every database. */
final class JdbcRowWriter implements RowWriter {

    static final int CHUNK = 1000;

    private final Connection connection;
    private final PreparedStatement insert;
    private final RowTarget target;
    private final boolean owned;
    private int pending;

    /** With {@code owned}, takes over the connection, commits every chunk and closes it at the end. */
    JdbcRowWriter(Connection connection, RowTarget target, boolean owned) throws SQLException {
        this.connection = connection;
        this.target = target;
        this.owned = owned;
        this.insert = connection.prepareStatement(target.insertStatement());
    }

    @Override
    public void add(long row, String recordKey, List<String> values) {
        try {
            target.bind(insert, row, recordKey, values);
            insert.addBatch();
            if (++pending == CHUNK) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing a record failed", e);
        }
    }

    @Override
    public void flush() {
        try {
            insert.executeBatch();
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
        try (insert) {
            if (owned) {
                try (connection) {
                    connection.rollback();  // anything not flushed is not part of the batch
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the writer failed", e);
        }
    }
}
