package cn.govdata.lake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import cn.govdata.lake.Dataset.Column;

/** Staging by JDBC batch inserts, committed every {@link #CHUNK} records; works on every database. */
final class JdbcStagingWriter implements StagingWriter {

    static final int CHUNK = 1000;

    private final Connection connection;
    private final PreparedStatement insert;
    private final long batchId;
    private int pending;

    /** Takes over the connection and closes it at the end. */
    JdbcStagingWriter(Connection connection, String table, List<Column> columns, long batchId) throws SQLException {
        this.batchId = batchId;
        this.connection = connection;
        connection.setAutoCommit(false);
        insert = connection.prepareStatement(DatasetTables.stagingInsert(table, columns));
    }

    @Override
    public void add(long row, String recordKey, List<String> values) {
        try {
            insert.setLong(1, batchId);
            insert.setLong(2, row);
            insert.setString(3, recordKey);
            for (int i = 0; i < values.size(); i++) {
                insert.setString(4 + i, values.get(i));
            }
            insert.addBatch();
            if (++pending == CHUNK) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staging a record failed", e);
        }
    }

    @Override
    public void flush() {
        try {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("staging the batch failed", e);
        }
    }

    @Override
    public void close() {
        try (connection; insert) {
            connection.rollback();  // anything not flushed is not part of the batch
        } catch (SQLException e) {
            throw new IllegalStateException("closing the staging connection failed", e);
        }
    }
}
