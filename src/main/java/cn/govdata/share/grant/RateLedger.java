package cn.govdata.share.grant;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the requests made under each grant per second against its rate limit, across all the nodes on one
 * database. A node does not ask the database per request (that cost a verification five times its time): it
 * leases a chunk of the second's requests — a tenth of the limit, at least one — from the grant's row in
 * {@code share_grant_rate}, serves requests from it in memory, and leases again when it is used up. The database
 * never hands out more than the limit in a second, so the cluster never exceeds it; a node may hold unused leased
 * requests when the second ends, so under load from several nodes a second may admit up to (nodes − 1) chunks
 * fewer than the limit. Seconds are the nodes' clocks' (kept by NTP); a lagging node leases from the newest
 * second the row has seen.
 */
@Component
public class RateLedger {

    /** One grant's current second on this node: what it leased and what it has served of that. */
    private static final class Window {
        final ReentrantLock lock = new ReentrantLock();
        long second = Long.MIN_VALUE;
        long leased;
        long served;
        /** The database had nothing left for this second: no need to ask again before the next. */
        boolean exhausted;
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate lease;
    private final Clock clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    RateLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    RateLedger(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        // a lease is the cluster's, committed at once, whatever the caller's transaction does next
        this.lease = new TransactionTemplate(transactions);
        this.lease.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes one request from the grant's limit for the current second.
     *
     * @return false when the cluster has served the limit this second
     */
    public boolean take(long grantId, int limit) {
        Window window = windows.computeIfAbsent(grantId, id -> new Window());
        // held while leasing, so that a node's concurrent requests wait for one lease instead of each taking one
        window.lock.lock();
        try {
            // read under the lock, and never behind the window: a request that waited for the lock across the turn
            // of a second (or a clock stepped back) counts in the newer second, instead of starting the older one
            // again, which leased a new chunk of the newer second's requests each time and refused requests well
            // under the limit when many threads waited (seen at 64 connections)
            long second = Math.max(clock.millis() / 1000, window.second);
            if (window.second != second) {
                window.second = second;
                window.leased = 0;
                window.served = 0;
                window.exhausted = false;
            }
            if (window.served == window.leased) {
                long leased = window.exhausted ? 0 : lease(grantId, second, limit);
                if (leased == 0) {
                    window.exhausted = true;
                    return false;
                }
                window.leased += leased;
            }
            window.served++;
            return true;
        } finally {
            window.lock.unlock();
        }
    }

    /** Leases the next chunk of the second's requests from the grant's row; 0 when none are left. */
    private long lease(long grantId, long second, int limit) {
        long chunk = Math.max(1, limit / 10);
        Long granted = lease.execute(status -> {
            jdbc.sql("insert into share_grant_rate (grant_id, window_second, taken) values (?, ?, 0) on conflict do nothing")
                    .params(grantId, second).update();
            long[] row = jdbc.sql("select window_second, taken from share_grant_rate where grant_id = ? for update")
                    .param(grantId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
            boolean sameSecond = row[0] >= second;
            long window = Math.max(row[0], second);
            long taken = sameSecond ? row[1] : 0;
            long given = Math.max(0, Math.min(chunk, limit - taken));
            if (given > 0 || !sameSecond) {
                jdbc.sql("update share_grant_rate set window_second = ?, taken = ? where grant_id = ?")
                        .params(window, taken + given, grantId).update();
            }
            return given;
        });
        return granted == null ? 0 : granted;
    }
}
