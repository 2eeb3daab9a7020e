package cn.govdata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Entries cut from the end of the log — with the chain head rewound, as someone with write access to the
 * database would — are found missing behind the signed chain head. On a database of its own, so that cutting
 * the log disturbs no other test.
 */
class AuditTruncationTest {

    @TempDir
    Path keys;

    private DataSourceProperties database;
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private AuditSigningKey key;
    private GroupCommitAuditLog log;

    @BeforeEach
    void setUp() {
        database = new DataSourceProperties();
        database.setUrl("jdbc:h2:mem:audit-truncation-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        key = new AuditSigningKey(keys.resolve("audit-sm2.pem"));
        log = started();
    }

    @AfterEach
    void tearDown() {
        log.stop();
        log.destroy();
        jdbc.sql("shutdown").update();
        dataSource.close();
    }

    @Test
    void aVerificationSignsTheHeadSoThatEntriesCutAfterItAreFoundMissing() {
        record(5);
        assertThat(verify().intact()).isTrue();
        assertThat(signedEntries()).contains(5L);

        cutAfter(3);
        AuditVerification.Result cut = verify();
        assertThat(cut.intact()).isFalse();
        assertThat(cut.firstBroken()).isEqualTo(4);
        assertThat(cut.reason()).contains("cut short").contains("entries 4 to 5 are missing after entry 3");
    }

    @Test
    void theHeadIsSignedAtShutdownSoThatTheLastEntriesCannotBeCutWhileThePlatformIsDown() {
        record(3);
        assertThat(signedEntries()).isEmpty(); // fewer than a checkpoint's worth, and no minute has passed
        log.stop();
        log.destroy();
        assertThat(signedEntries()).containsExactly(3L);

        cutAfter(1);
        log = started(); // the platform starts again on the cut log
        AuditVerification.Result cut = verify();
        assertThat(cut.intact()).isFalse();
        assertThat(cut.firstBroken()).isEqualTo(2);
        assertThat(cut.reason()).contains("entries 2 to 3 are missing after entry 1");
    }

    @Test
    void entriesRemovedWithoutRewindingTheHeadAreFoundMissingToo() {
        record(4);
        verify();
        jdbc.sql("delete from audit_entry where id > 2").update();
        AuditVerification.Result cut = verify();
        assertThat(cut.intact()).isFalse();
        assertThat(cut.firstBroken()).isEqualTo(3);
    }

    private GroupCommitAuditLog started() {
        GroupCommitAuditLog started = new GroupCommitAuditLog(database, key, new SimpleMeterRegistry(), 1000, false);
        started.start();
        return started;
    }

    private void record(int entries) {
        for (int i = 0; i < entries; i++) {
            log.record(AuditEvent.success("test.truncation", "test", i, "截断检测"), new AuditActor("tester", null, null));
        }
    }

    private AuditVerification.Result verify() {
        return new AuditVerification(dataSource, key, log, new DataSourceTransactionManager(dataSource)).verify();
    }

    private java.util.List<Long> signedEntries() {
        return jdbc.sql("select entry_id from audit_checkpoint order by id").query(Long.class).list();
    }

    /** What someone with write access to the database would do: delete the newest entries, rewind the head. */
    private void cutAfter(long lastKept) {
        String hash = jdbc.sql("select hash from audit_entry where id = ?").param(lastKept).query(String.class).single();
        jdbc.sql("delete from audit_entry where id > ?").param(lastKept).update();
        jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where id = 1").params(lastKept, hash).update();
    }
}
