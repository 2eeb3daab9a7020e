package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.support.Api;

/**
 * Several nodes against one PostgreSQL database: a grant revoked on another node is refused on this one as soon as
 * that node's notification arrives, not when this node's cached copy expires. The other node is simulated: its
 * revocation is an update of the grant behind this node's back, its notification a {@code pg_notify} sent from a
 * connection of its own, where it also listens for this node's. Also: a broken listening connection is opened
 * again and what was kept before is dropped, and a stopped node stops listening. Only on PostgreSQL (H2 is
 * embedded: one node).
 */
@EnabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class CacheDropsAcrossNodesTest extends ShareFixtures {

    /** How long {@code ShareGrants} keeps a department's grants on an entry. */
    private static final Duration GRANTS_KEPT = Duration.ofSeconds(2);

    @Autowired
    private CacheDrops cacheDrops;

    @Autowired
    private DataSourceProperties dataSource;

    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() throws InterruptedException {
        setUpShare();
        awaitListening();
    }

    @Test
    void aGrantRevokedOnAnotherNodeIsRefusedHereAsSoonAsThatNodeNotifies() throws Exception {
        long entry = entry("CONDITIONAL");
        long grantId = granted(entry);
        long cachedAt = System.nanoTime();
        assertThat(shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of()).grantId()).isEqualTo(grantId);

        revokeOnAnotherNode(grantId);
        assertThat(shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of()).grantId())
                .as("without a notification this node still uses the grant it keeps").isEqualTo(grantId);

        try (Connection otherNode = connect(); PreparedStatement notify = otherNode.prepareStatement(
                "select pg_notify('govdata_cache_drop', 'share.grants')")) {
            notify.execute();
        }
        assertRefusedBeforeTheCachedGrantExpires(entry, cachedAt);
    }

    @Test
    void aBrokenListeningConnectionIsOpenedAgainAndEverythingKeptBeforeIsDropped() throws Exception {
        long entry = entry("CONDITIONAL");
        long grantId = granted(entry);
        long cachedAt = System.nanoTime();
        assertThat(shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of()).grantId()).isEqualTo(grantId);

        revokeOnAnotherNode(grantId);
        assertThat(shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of()).grantId())
                .as("nothing was heard, and the grant is still kept").isEqualTo(grantId);
        // the other node's notification is lost: this node's listening connection ends (a restart of the
        // database, a network failure) before it could hear it
        try (Connection database = connect(); PreparedStatement terminate = database.prepareStatement("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where application_name = 'govdata-cache-drops' and datname = current_database()""")) {
            ResultSet ended = terminate.executeQuery();
            ended.next();
            assertThat(ended.getInt(1)).as("listening connections ended").isPositive();
        }

        assertRefusedBeforeTheCachedGrantExpires(entry, cachedAt);
        awaitListening();
    }

    @Test
    void aChangeHereIsAnnouncedToTheOtherNodesWhenItCommitsAndNeverIfItRollsBack() throws Exception {
        long entry = entry("CONDITIONAL");
        long grantId = granted(entry);
        try (Connection otherNode = connect()) {
            try (Statement listen = otherNode.createStatement()) {
                listen.execute("LISTEN govdata_cache_drop");
            }
            PGConnection heard = otherNode.unwrap(PGConnection.class);

            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                shareGrants.forget(civil.id(), entry);
                status.setRollbackOnly();
            });
            assertThat(grantDrops(heard, 500)).as("a change rolled back").isZero();

            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                shareGrants.forget(civil.id(), entry);
                assertThat(grantDrops(heard, 500)).as("before the change commits").isZero();
            });
            assertThat(grantDrops(heard, 5_000)).as("once it has committed").isEqualTo(1);

            // the platform's own revocation, through the API
            Api.Response revoked = policeApprover.post("/api/v1/share/grants/" + grantId + "/revoke",
                    Map.of("reason", "发现超范围使用"));
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(grantDrops(heard, 5_000)).isPositive();
        }
    }

    @Test
    void aNodeThatStopsStopsListening() throws Exception {
        CacheDrops node = new CacheDrops(jdbc, dataSource);
        node.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!node.listening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(node.listening()).isTrue();
        node.stop();
        assertThat(node.isRunning()).isFalse();
        assertThat(node.listening()).isFalse();
    }

    /** How many drops of {@code share.grants} arrive within the time (waiting no longer once one has). */
    private static int grantDrops(PGConnection connection, int millis) {
        try {
            int count = 0;
            for (PGNotification notification : connection.getNotifications(millis)) {
                if (notification.getParameter().equals("share.grants")) {
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grant's revocation committed on another node: this node's cache is not told. */
    private void revokeOnAnotherNode(long grantId) {
        assertThat(jdbc.sql("""
                update share_grant set revoked_at = current_timestamp, revoke_reason = '另一节点撤销' where id = ?""")
                .param(grantId).update()).isEqualTo(1);
    }

    /**
     * Asks until the grant is refused as revoked, which must happen before the copy loaded after {@code cachedAt}
     * expires by itself: a refusal after that would prove nothing.
     */
    private void assertRefusedBeforeTheCachedGrantExpires(long entry, long cachedAt) throws InterruptedException {
        long expires = cachedAt + GRANTS_KEPT.toNanos();
        while (System.nanoTime() < expires) {
            try {
                shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of());
            } catch (DomainException refused) {
                assertThat(refused.code()).isEqualTo(ProblemCode.GRANT_REVOKED);
                return;
            }
            Thread.sleep(20);
        }
        fail("the revoked grant was still used until the copy this node kept expired: the drop did not arrive");
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cacheDrops.listening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(cacheDrops.listening()).as("this node listens for other nodes' drops").isTrue();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
    }
}
