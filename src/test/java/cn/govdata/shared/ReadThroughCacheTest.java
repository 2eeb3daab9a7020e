package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReadThroughCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    /** How often the cache told the other nodes to drop it. */
    private final AtomicInteger announced = new AtomicInteger();
    private final ReadThroughCache<String, String> cache = new ReadThroughCache<>("test.values", Duration.ofMinutes(1),
            100, announced::incrementAndGet);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void keepsWhatItLoadedUntilForgotten() {
        assertThat(cache.get("grant", this::load)).isEqualTo("grant#1");
        assertThat(cache.get("grant", this::load)).isEqualTo("grant#1");
        cache.forget("grant");
        assertThat(cache.get("grant", this::load)).isEqualTo("grant#2");
    }

    @Test
    void keepsNothingForANullLoad() {
        assertThat(cache.get("absent", key -> null)).isNull();
        assertThat(cache.get("absent", this::load)).isEqualTo("absent#1");
    }

    @Test
    void aLoadThatReadTheOldStateDoesNotOutliveAForgetDuringIt() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("grant", key -> {
            loading.countDown();
            await(release);
            return "before the revocation";
        }));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> forget = CompletableFuture.runAsync(() -> cache.forget("grant"));
        Thread.sleep(100);  // the forget reaches the cache while the load still runs
        assertThat(forget).isNotDone();  // it waits for the load
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("before the revocation");
        forget.get(5, TimeUnit.SECONDS);
        assertThat(cache.get("grant", key -> "after the revocation")).isEqualTo("after the revocation");
    }

    @Test
    void forgetsAgainWhenTheChangingTransactionEnds() {
        cache.get("entry", this::load);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.forgetAfterCommit("entry");
            // another request loads while the change is not yet committed: it reads the old state
            assertThat(cache.get("entry", key -> "old state")).isEqualTo("old state");
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("entry", key -> "new state")).isEqualTo("new state");
    }

    @Test
    void forgetsAtOnceOutsideATransaction() {
        cache.get("entry", this::load);
        cache.forgetAfterCommit("entry");
        assertThat(cache.get("entry", this::load)).isEqualTo("entry#2");
    }

    @Test
    void tellsTheOtherNodesOnlyOfChangesThatCommit() {
        cache.get("grant", this::load);
        cache.forget("grant");
        cache.forgetAll();
        assertThat(announced).as("a drop on this node only").hasValue(0);
        cache.forgetAfterCommit("grant");
        cache.forgetAllAfterCommit();
        assertThat(announced).hasValue(2);
    }

    @Test
    void forgetsEverythingAgainWhenTheChangingTransactionEnds() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.forgetAllAfterCommit();
            assertThat(cache.get("a", key -> "old state")).isEqualTo("old state");
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("a", key -> "new state")).isEqualTo("new state");
        assertThat(cache.get("b", this::load)).isEqualTo("b#3");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
