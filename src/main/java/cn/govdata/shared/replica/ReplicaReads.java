package cn.govdata.shared.replica;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where reads that tolerate a few seconds of lag go — a rebuild of the catalog's search index, bulk reads for
 * statistics and exports: a PostgreSQL streaming replica when {@code govdata.datasource.replica.url} is set, so
 * that their long scans leave the primary to the requests, else the primary itself. Never for a read that decides
 * a request (a grant, a token, a quota) or follows the caller's own write: those read the primary.
 */
public final class ReplicaReads implements AutoCloseable {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** The pool of the replica's connections, this class's own; null when the reads go to the primary. */
    private final HikariDataSource replicaPool;

    /** Reads on the primary, through the application's pool. */
    ReplicaReads(DataSource primary) {
        this(primary, null);
    }

    /** Reads on the replica, through a pool of its own. */
    ReplicaReads(HikariDataSource replicaPool) {
        this(replicaPool, replicaPool);
    }

    private ReplicaReads(DataSource dataSource, HikariDataSource replicaPool) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.replicaPool = replicaPool;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** For bulk reads below JdbcClient (a cursor, {@code COPY … TO STDOUT}). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether these reads go to a replica rather than the primary. */
    public boolean onReplica() {
        return replicaPool != null;
    }

    /** Closes the replica's pool when the application stops; the primary's is Spring Boot's to close. */
    @Override
    public void close() {
        if (replicaPool != null) {
            replicaPool.close();
        }
    }
}
