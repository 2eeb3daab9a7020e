package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What needs no PostgreSQL: the caches' names, a notification dropping its cache, and the embedded H2 database
 * (one node) where nothing is sent or listened for. Listening on PostgreSQL is tested in
 * {@code share.CacheDropsAcrossNodesTest}.
 */
class CacheDropsTest {

    private final String url = "jdbc:h2:mem:cache-drops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final JdbcClient h2 = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
    private final CacheDrops drops = new CacheDrops(h2, properties(url));

    private static DataSourceProperties properties(String url) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername("sa");
        return properties;
    }

    @AfterEach
    void stop() {
        drops.stop();
        h2.sql("shutdown").update();
    }

    @Test
    void eachCacheHasAPlainNameOfItsOwn() {
        assertThat(drops.cache("share.grants", Duration.ofSeconds(2), 10).name()).isEqualTo("share.grants");
        assertThat(drops.cache("org.system-actors", Duration.ofSeconds(2), 10).name()).isEqualTo("org.system-actors");
        assertThatThrownBy(() -> drops.cache("share.grants", Duration.ofSeconds(5), 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share.grants");
        for (String name : new String[] { "", "Share.Grants", "share grants", "share..grants", ".grants", "授权", null }) {
            assertThatThrownBy(() -> drops.cache(name, Duration.ofSeconds(2), 10)).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aNotificationDropsEveryEntryOfTheNamedCacheAndNothingElse() {
        ReadThroughCache<Long, String> grants = drops.cache("share.grants", Duration.ofMinutes(1), 10);
        ReadThroughCache<Long, String> entries = drops.cache("catalog.published-entries", Duration.ofMinutes(1), 10);
        grants.get(1L, key -> "grant 1");
        grants.get(2L, key -> "grant 2");
        entries.get(1L, key -> "entry 1");

        drops.dropped("share.grants");

        assertThat(grants.get(1L, key -> "reloaded")).isEqualTo("reloaded");
        assertThat(grants.get(2L, key -> "reloaded")).isEqualTo("reloaded");
        assertThat(entries.get(1L, key -> "reloaded")).isEqualTo("entry 1");

        drops.dropped("lake.a-cache-this-version-does-not-have");  // from a node of another version: ignored
        assertThat(entries.get(1L, key -> "reloaded")).isEqualTo("entry 1");

        drops.dropAll();  // what the listener does when it has listened again after a break
        assertThat(entries.get(1L, key -> "reloaded")).isEqualTo("reloaded");
        assertThat(grants.get(1L, key -> "reloaded again")).isEqualTo("reloaded again");
    }

    @Test
    void aNoticeOfAnotherNodeReachesItsTopicsHandlerAndANodesOwnNoticeDoesNot() {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        drops.onNotice("catalog.entry", heard::add);
        assertThatThrownBy(() -> drops.onNotice("catalog.entry", heard::add)).isInstanceOf(IllegalStateException.class);

        drops.heard("catalog.entry othernode 42");
        drops.heard("catalog.entry othernode 43");
        drops.heard("lake.unknown-topic othernode 44"); // another version's topic: ignored
        assertThat(heard).containsExactly("42", "43");

        // a cache drop on the same channel still drops the cache
        ReadThroughCache<Long, String> grants = drops.cache("share.grants", Duration.ofMinutes(1), 10);
        grants.get(1L, key -> "grant 1");
        drops.heard("share.grants");
        assertThat(grants.get(1L, key -> "reloaded")).isEqualTo("reloaded");

        assertThatThrownBy(() -> drops.tellOtherNodes("catalog.entry", "4 2")).isInstanceOf(IllegalArgumentException.class);
        drops.tellOtherNodes("catalog.entry", "42"); // on H2: nothing is sent, nothing fails
    }

    @Test
    void onTheEmbeddedDatabaseNothingIsSentAndNothingListens() {
        // H2 has no pg_notify: had anything been sent, forgetting would fail
        assertThatThrownBy(() -> h2.sql("select pg_notify('govdata_cache_drop', 'share.grants')").query().listOfRows())
                .rootCause().hasMessageContaining("PG_NOTIFY");
        ReadThroughCache<Long, String> grants = drops.cache("share.grants", Duration.ofMinutes(1), 10);
        grants.get(1L, key -> "grant 1");
        grants.forgetAfterCommit(1L);
        TransactionSynchronizationManager.initSynchronization();
        try {
            grants.forgetAllAfterCommit();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(grants.get(1L, key -> "reloaded")).isEqualTo("reloaded");

        long listeners = listenerThreads();  // other contexts of a test run on PostgreSQL have theirs
        drops.start();
        assertThat(drops.isRunning()).isTrue();
        assertThat(drops.listening()).isFalse();
        assertThat(listenerThreads()).isEqualTo(listeners);
        drops.stop();
        assertThat(drops.isRunning()).isFalse();
    }

    @Test
    void startupGoesOnWhenPostgresqlCannotBeReachedAndTheListenerKeepsTrying() throws InterruptedException {
        // nothing listens on port 1: every attempt is refused at once (only the listener is exercised here)
        CacheDrops unreachable = new CacheDrops(h2, properties("jdbc:postgresql://127.0.0.1:1/govdata"));
        ReadThroughCache<Long, String> grants = unreachable.cache("share.grants", Duration.ofMinutes(1), 10);
        long listeners = listenerThreads();
        long started = System.nanoTime();
        unreachable.start();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(grants.get(1L, key -> "usable meanwhile")).isEqualTo("usable meanwhile");
        Thread.sleep(1_000);  // a few attempts, backing off
        assertThat(unreachable.listening()).isFalse();
        assertThat(listenerThreads()).isEqualTo(listeners + 1);

        unreachable.stop();  // wakes it from waiting for the next attempt
        assertThat(listenerThreads()).isEqualTo(listeners);
    }

    private static long listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("cache-drops"))
                .count();
    }
}
