package cn.govdata.share.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.govdata.share.ShareFixtures;

/** A grant's rate limit on one node, against the database's count of the second. */
class RateLedgerTest extends ShareFixtures {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    /** A clock the test moves: what a thread reads before it waits for the window's lock. */
    private static final class SteppedClock extends Clock {
        Instant now;

        SteppedClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * Requests that read the clock just before a second turned, and took the lock after the next second's first
     * request, count in the newer second: they do not start the older one again and lease another chunk of the newer
     * second's requests each time (which refused requests well under the limit when many threads waited).
     */
    @Test
    void requestsFromTheSecondBeforeCountInTheCurrentOneAndAreNotRefusedUnderTheLimit() {
        long grantId = granted(entry("CONDITIONAL"));
        Instant later = Instant.ofEpochSecond(4_100_000_000L + ThreadLocalRandom.current().nextInt(1_000_000));
        SteppedClock clock = new SteppedClock(later);
        RateLedger ledger = new RateLedger(jdbc, transactions, clock);
        int limit = 100;  // leased ten at a time
        for (int i = 0; i < 30; i++) {
            clock.now = later;
            assertThat(ledger.take(grantId, limit)).as("request %d in the current second", i).isTrue();
            clock.now = later.minusSeconds(1);
            assertThat(ledger.take(grantId, limit)).as("request %d read the clock a second before", i).isTrue();
        }
        // sixty requests, all in the current second: six chunks leased from the database, not one per turn
        assertThat(jdbc.sql("select window_second, taken from share_grant_rate where grant_id = ?").param(grantId)
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2)).single())
                .isEqualTo(later.getEpochSecond() + ":60");
    }
}
