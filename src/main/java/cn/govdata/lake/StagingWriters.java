package cn.govdata.lake;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

import cn.govdata.lake.Dataset.Column;

/**
 * Opens the staging writer for a batch: {@code COPY} when the connection is PostgreSQL's (behind the pool's
 * proxy or not), JDBC batch inserts on every other database (H2).
 */
@Component
class StagingWriters {

    private final DataSource dataSource;

    StagingWriters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    StagingWriter open(String table, List<Column> columns, long batchId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return connection.isWrapperFor(PGConnection.class)
                    ? new CopyStagingWriter(connection, table, columns, batchId)
                    : new JdbcStagingWriter(connection, table, columns, batchId);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalStateException("cannot open the staging table", e);
        }
    }
}
