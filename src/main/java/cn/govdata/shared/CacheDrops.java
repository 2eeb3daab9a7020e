package cn.govdata.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes every node drop what it keeps in memory when any node changes it. Application nodes are stateless and
 * several may run against one PostgreSQL database; each keeps hot state in {@link ReadThroughCache}s, made here
 * under a name. When a node drops a key with {@link ReadThroughCache#forgetAfterCommit} it also sends
 * {@code pg_notify('govdata_cache_drop', <cache name>)}, and every node, listening on that channel, drops all
 * entries of the named cache: a revocation (of a grant, a system, a token) then takes effect at once everywhere,
 * not when the other nodes' copies expire.
 *
 * <p>The notification is sent within the changing transaction, on its connection: PostgreSQL delivers it only
 * when that transaction commits, and never if it rolls back, so another node cannot reload the old state because
 * it heard too early, and a node that dies right after its commit has still told the others.
 *
 * <p>Listening takes a connection of its own, outside the application's pool (it is held for good, and a pool's
 * connections are reset and recycled). If it breaks, the listener reconnects with backoff and then drops every
 * cache, since drops may have been missed meanwhile; until then the caches' times to live bound how stale a value
 * can be. On H2 (embedded, a single node) nothing is sent and nothing listens.
 *
 * <p>The same channel carries notices that name what changed ({@link #tellOtherNodes}), e.g. a catalog entry
 * whose search document every other node must replace: {@code <topic> <node> <detail>}, which a node of an
 * older version ignores as the name of a cache it does not keep.
 */
@Component
public class CacheDrops implements SmartLifecycle {

    static final String CHANNEL = "govdata_cache_drop";
    /** Names travel between nodes, possibly of different versions: short, plain and stable. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");
    /** How long a wait for notifications lasts before the listener checks whether it should stop. */
    private static final int POLL_MILLIS = 500;
    /**
     * How often the listener makes sure its connection still answers, unless notifications came meanwhile: a
     * dead network need not raise an error on a connection that only waits.
     */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    /** After a break the listener retries soon, then ever less often while PostgreSQL cannot be reached. */
    private static final long FIRST_RETRY_MILLIS = 250;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private static final Logger log = LoggerFactory.getLogger(CacheDrops.class);

    private final Map<String, ReadThroughCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final Map<String, Consumer<String>> noticeHandlers = new ConcurrentHashMap<>();
    /** Tells this node's own notices from the others' (it hears its own too). */
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final JdbcClient jdbc;
    private final DataSourceProperties dataSource;
    private final boolean postgres;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Thread listener;
    /** Only the listener's thread uses it. */
    private long retryMillis = FIRST_RETRY_MILLIS;

    public CacheDrops(JdbcClient jdbc, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        // the application's own pool is built from the same properties, so its URL tells the database
        this.postgres = dataSource.determineUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * A cache that is dropped on every node when a key of it is forgotten after a commit on any node.
     *
     * @param name the same on every node, unique, e.g. {@code share.grants}
     * @param timeToLive how stale a value may be on a node that misses a drop (the safety net)
     */
    public <K, V> ReadThroughCache<K, V> cache(String name, Duration timeToLive, long maximumSize) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a cache name is lower case words joined by dots or hyphens: " + name);
        }
        ReadThroughCache<K, V> cache = new ReadThroughCache<>(name, timeToLive, maximumSize, () -> announce(name));
        if (caches.putIfAbsent(name, cache) != null) {
            throw new IllegalStateException("two caches are named " + name);
        }
        return cache;
    }

    /**
     * Has the other nodes hear of a change, e.g. {@code ("catalog.entry", "42")}: in the caller's transaction if
     * there is one (delivered when it commits, never if it rolls back), at once otherwise. Nothing on H2.
     *
     * @param topic a name as a cache's, that the other nodes handle with {@link #onNotice}
     * @param detail what changed, without spaces
     */
    public void tellOtherNodes(String topic, String detail) {
        if (!NAME.matcher(topic).matches() || detail.isEmpty() || detail.contains(" ")) {
            throw new IllegalArgumentException("a notice is a name and a detail without spaces: " + topic);
        }
        if (postgres) {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, topic + " " + node + " " + detail).query().listOfRows();
        }
    }

    /** Handles other nodes' notices of the topic, on the listening thread (briefly, then). */
    public void onNotice(String topic, Consumer<String> handler) {
        if (noticeHandlers.putIfAbsent(topic, handler) != null) {
            throw new IllegalStateException("two handlers of notices " + topic);
        }
    }

    /** Whether this node hears other nodes' drops now: listening on PostgreSQL; never on H2. */
    public boolean listening() {
        return listening;
    }

    /**
     * Tells the other nodes that a cache changed: in the caller's transaction if there is one (delivered when
     * it commits), at once otherwise.
     */
    private void announce(String name) {
        if (postgres) {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, name).query().listOfRows();
        }
    }

    /** A notification: a node changed the named cache, or tells of a change. */
    void heard(String payload) {
        String[] notice = payload.split(" ", 3);
        if (notice.length < 3) {
            dropped(payload);
            return;
        }
        Consumer<String> handler = noticeHandlers.get(notice[0]);
        if (handler != null && !notice[1].equals(node)) {
            try {
                handler.accept(notice[2]);
            } catch (RuntimeException e) {
                log.warn("Could not handle another node's notice {}", payload, e);
            }
        }
    }

    /** A node changed the named cache: every entry of it goes, whatever key changed. */
    void dropped(String name) {
        ReadThroughCache<?, ?> cache = caches.get(name);
        if (cache == null) {
            // a node of another version may keep a cache this one does not
            log.debug("Ignored a drop of an unknown cache {}", name);
        } else {
            cache.forgetAll();
        }
    }

    void dropAll() {
        caches.values().forEach(ReadThroughCache::forgetAll);
    }

    // --- listening ---------------------------------------------------------------------------------------------------

    /** Never blocks startup: the listener connects on its own thread, and retries if PostgreSQL refuses. */
    @Override
    public void start() {
        running = true;
        if (postgres) {
            listener = Thread.ofPlatform().name("cache-drops").daemon(true).start(this::listen);
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        Thread thread = listener;
        if (thread != null) {
            try {
                // it notices within one poll, unless it is connecting (bounded by the driver's connect timeout)
                thread.join(Duration.ofMillis(4L * POLL_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server and stops after it, so that a node serving requests is listening (once its
     * connection is up: a value cached before that is dropped when listening starts).
     */
    @Override
    public int getPhase() {
        return 0;
    }

    private void listen() {
        boolean missedSome = false;  // whether drops may have gone unheard since listening last started
        while (running && !Thread.currentThread().isInterrupted()) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                // what was loaded before LISTEN took effect may have changed unheard: drop it all. At the first
                // start this costs nearly nothing (the caches are still nearly empty).
                dropAll();
                if (missedSome) {
                    log.warn("Listening again for other nodes' cache drops on PostgreSQL; dropped every cache, "
                            + "since drops may have been missed meanwhile");
                } else {
                    log.info("Listening for other nodes' cache drops on PostgreSQL channel {}", CHANNEL);
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                missedSome = true;
                log.warn("Not hearing other nodes' cache drops ({}); retrying in {} ms. Meanwhile a change on "
                        + "another node is seen here when the cached value expires", e.toString(), retryMillis);
                sleep(retryMillis);
                retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
            }
        }
        listening = false;
    }

    /** Applies notifications until stopped; returns by an exception when the connection breaks. */
    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long checkedAt = System.nanoTime();
        boolean heard = false;
        while (running) {
            for (PGNotification notification : notifications.getNotifications(POLL_MILLIS)) {
                // this node's own notifications come back too; dropping again is harmless
                heard(notification.getParameter());
                heard = true;
            }
            if (System.nanoTime() - checkedAt > CHECK_EVERY.toNanos()) {
                if (!heard && !connection.isValid(5)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                // it has lasted: the next break is not this one flapping, so it is retried quickly again
                retryMillis = FIRST_RETRY_MILLIS;
                checkedAt = System.nanoTime();
                heard = false;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String user = dataSource.determineUsername();
        String password = dataSource.determinePassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "govdata-cache-drops");  // recognisable in pg_stat_activity
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(dataSource.determineUrl(), properties);
    }

    private void sleep(long millis) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(millis);  // stop() wakes it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();  // ends the listener
                }
            }
        }
    }
}
