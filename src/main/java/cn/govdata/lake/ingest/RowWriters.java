package cn.govdata.lake.ingest;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import cn.govdata.lake.dataset.RowTarget;

/**
 * Opens the writer for a batch's rows: {@code COPY} when the connection is PostgreSQL's (behind the pool's
 * proxy or not), JDBC batch inserts on every other database (H2).
 */
@Component
class RowWriters {

    private final DataSource dataSource;

    RowWriters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A writer on a connection of its own, committing as it goes (staging). */
    RowWriter open(RowTarget target) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return writer(connection, target, true);
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

    /** A writer on the connection of the caller's Spring transaction, which commits or rolls back the rows. */
    RowWriter inTransaction(RowTarget target) {
        try {
            return writer(DataSourceUtils.getConnection(dataSource), target, false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the dataset", e);
        }
    }

    private static RowWriter writer(Connection connection, RowTarget target, boolean owned) throws SQLException {
        return connection.isWrapperFor(PGConnection.class) ? new CopyRowWriter(connection, target, owned)
                : new JdbcRowWriter(connection, target, owned);
    }
}
