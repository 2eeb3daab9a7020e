package cn.govdata.share.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Two nodes on one PostgreSQL database, each with its own ledgers (two instances of each, as two application
 * nodes would hold): a grant's rate limit holds for the two together, not for each, and a daily quota one node
 * used up is refused on the other after its next flush. Only on PostgreSQL (H2 is embedded: one node).
 */
@EnabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class LedgersAcrossNodesTest extends ShareFixtures {

    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    @Test
    void aRateLimitHoldsForAllNodesTogetherUnderConcurrentRequests() throws Exception {
        long grantId = granted(entry("CONDITIONAL"));
        // both nodes in the same second, whatever the test's pace
        Clock second = Clock.fixed(Instant.ofEpochSecond(4_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000)),
                ZoneOffset.UTC);
        RateLedger nodeA = new RateLedger(jdbc, transactions, second);
        RateLedger nodeB = new RateLedger(jdbc, transactions, second);
        int limit = 53;
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RateLedger node = i % 2 == 0 ? nodeA : nodeB;
            callers.add(() -> {
                int served = 0;
                for (int r = 0; r < 40; r++) {
                    served += node.take(grantId, limit) ? 1 : 0;
                }
                return served;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int servedA = 0;
        int servedB = 0;
        try {
            List<Future<Integer>> results = pool.invokeAll(callers);
            for (int i = 0; i < results.size(); i++) {
                if (i % 2 == 0) {
                    servedA += results.get(i).get();
                } else {
                    servedB += results.get(i).get();
                }
            }
        } finally {
            pool.shutdown();
        }
        // 320 requests tried; each node alone would have served 53: together they serve the limit, no more
        assertThat(servedA + servedB).isEqualTo(limit);
        assertThat(servedA).isPositive();
        assertThat(servedB).isPositive();
        assertThat(nodeA.take(grantId, limit)).isFalse();
        assertThat(nodeB.take(grantId, limit)).isFalse();

        // the next second starts afresh
        assertThat(new RateLedger(jdbc, transactions, Clock.offset(second, Duration.ofSeconds(1))).take(grantId, limit))
                .isTrue();
    }

    @Test
    void aDailyQuotaUsedUpOnOneNodeIsRefusedOnTheOtherAfterItsNextFlush() {
        long grantId = granted(entry("CONDITIONAL"));
        QuotaLedger nodeA = new QuotaLedger(jdbc, calendar);
        QuotaLedger nodeB = new QuotaLedger(jdbc, calendar);
        assertThat(nodeA.take(grantId, 100, 60)).isEqualTo(40);
        nodeA.flush();
        assertThat(refusal(() -> nodeB.take(grantId, 100, 41))).isEqualTo(ProblemCode.QUOTA_EXHAUSTED);
        assertThat(nodeB.take(grantId, 100, 40)).isZero();
        nodeB.flush();
        // node A has nothing of its own to write, yet its flush reads node B's forty
        nodeA.flush();
        assertThat(refusal(() -> nodeA.take(grantId, 100, 1))).isEqualTo(ProblemCode.QUOTA_EXHAUSTED);
    }

    private static ProblemCode refusal(Runnable call) {
        DomainException refused = catchThrowableOfType(DomainException.class, call::run);
        assertThat(refused).as("expected a refusal").isNotNull();
        return refused.code();
    }
}
