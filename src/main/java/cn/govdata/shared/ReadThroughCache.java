package cn.govdata.shared;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Database state that a hot path reads on every request (a grant, a published entry, a dataset's columns, a
 * system's token), kept in this node's memory.
 *
 * <p>A change made on this node drops the cached value when its transaction commits ({@link #forgetAfterCommit}),
 * so this node never answers from the old state once the change is visible; a change made on another node (or
 * behind the application's back) is seen when the value's time to live ends, a few seconds. Loading is atomic
 * per key: dropping a key while it loads waits for the load and then drops its result, so a load that read the
 * state before a change cannot outlive the drop.
 *
 * @param <K> what the state is looked up by
 * @param <V> the state; a loader that finds nothing returns an empty {@code Optional} (null is not kept)
 */
public final class ReadThroughCache<K, V> {

    private final Cache<K, V> values;

    public ReadThroughCache(Duration timeToLive, long maximumSize) {
        this.values = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
    }

    /** The cached value, or the loader's (kept unless null). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        return values.get(key, loader);
    }

    /** Drops the value at once: for changes that are already committed, or made outside a transaction. */
    public void forget(K key) {
        values.invalidate(key);
    }

    public void forgetAll() {
        values.invalidateAll();
    }

    /**
     * Drops the value now and again when the current transaction commits (at once without one): a request
     * that loads it in between reads the state before the change and must not keep it.
     */
    public void forgetAfterCommit(K key) {
        values.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    values.invalidate(key);
                }
            });
        }
    }
}
