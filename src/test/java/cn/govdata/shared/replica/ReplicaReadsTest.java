package cn.govdata.shared.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Reads that tolerate lag go to the replica exactly when its URL is set (issue #16). Two in-memory H2 databases
 * stand for the primary and the replica; each answers which it is. What a real PostgreSQL streaming replica adds
 * (lag, failover) is not tested here: see docs/operations.md.
 */
class ReplicaReadsTest {

    private final String primaryUrl = database("primary");
    private final String replicaUrl = database("replica");
    private final DataSourceProperties primaryProperties = properties(primaryUrl);
    private final DataSource primaryPool = new DriverManagerDataSource(primaryUrl, "sa", "");

    @Test
    void withoutAReplicaTheReadsGoToThePrimaryPool() {
        try (ReplicaReads reads = new ReplicaConfiguration().replicaReads(settings(""), primaryProperties, primaryPool)) {
            assertThat(reads.onReplica()).isFalse();
            assertThat(reads.dataSource()).isSameAs(primaryPool);
            assertThat(whichDatabase(reads.jdbc())).isEqualTo("primary");
        }
    }

    @Test
    void withAReplicaTheyGoToItThroughAReadOnlyPoolOfItsOwnWithThePrimarysLogin() {
        ReplicaReads reads = new ReplicaConfiguration().replicaReads(settings(replicaUrl), primaryProperties,
                primaryPool);
        try (reads) {
            assertThat(reads.onReplica()).isTrue();
            assertThat(whichDatabase(reads.jdbc())).isEqualTo("replica");
            // H2 ignores a connection's read-only flag; PostgreSQL makes its transactions read-only
            assertThat(reads.dataSource()).isInstanceOfSatisfying(HikariDataSource.class, pool -> {
                assertThat(pool.isReadOnly()).isTrue();
                assertThat(pool.getUsername()).isEqualTo("sa");
                assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            });
        }
        assertThatThrownBy(() -> whichDatabase(reads.jdbc())).as("closed with the application")
                .isInstanceOf(DataAccessException.class);
        assertThat(whichDatabase(JdbcClient.create(primaryPool))).isEqualTo("primary");
    }

    private static String whichDatabase(JdbcClient jdbc) {
        return jdbc.sql("select name from which_database").query(String.class).single();
    }

    private static ReplicaSettings settings(String url) {
        return new ReplicaSettings(url, null, null, 2);
    }

    private static DataSourceProperties properties(String url) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername("sa");
        properties.setPassword("");
        return properties;
    }

    private static String database(String name) {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        jdbc.sql("create table which_database (name varchar(20))").update();
        jdbc.sql("insert into which_database values (?)").param(name).update();
        return url;
    }
}
