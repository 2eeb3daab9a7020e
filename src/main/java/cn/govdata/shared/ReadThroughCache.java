package cn.govdata.shared;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Database state that a hot path reads on every request (a grant, a published entry, a dataset's columns, a
 * system's token), kept in this node's memory. Made by {@link CacheDrops#cache}, under a name that is the same on
 * every node.
 *
 * <p>A change made on this node drops the cached value when its transaction commits ({@link #forgetAfterCommit}),
 * so this node never answers from the old state once the change is visible. The same call tells the other nodes,
 * which drop their whole copy of this cache as soon as they hear it (on PostgreSQL, see {@link CacheDrops}); a
 * change made behind the application's back, or one a node did not hear, is seen when the value's time to live
 * ends, a few seconds. Loading is atomic per key: dropping a key while it loads waits for the load and then drops
 * its result, so a load that read the state before a change cannot outlive the drop.
 *
 * @param <K> what the state is looked up by
 * @param <V> the state; a loader that finds nothing returns an empty {@code Optional} (null is not kept)
 */
public final class ReadThroughCache<K, V> {

    private final String name;
    private final Cache<K, V> values;
    private final Runnable tellOtherNodes;

    /**
     * @param tellOtherNodes announces, within the caller's transaction if there is one, that this cache changed;
     *        the other nodes must not hear it before the change commits
     */
    ReadThroughCache(String name, Duration timeToLive, long maximumSize, Runnable tellOtherNodes) {
        this.name = name;
        this.values = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
        this.tellOtherNodes = tellOtherNodes;
    }

    /** The name the nodes know this cache by, e.g. {@code share.grants}. */
    public String name() {
        return name;
    }

    /** The cached value, or the loader's (kept unless null). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        return values.get(key, loader);
    }

    /**
     * Drops the value on this node only, at once: for changes that other nodes need not hear of (they are
     * already committed, or do not make what the other nodes hold wrong).
     */
    public void forget(K key) {
        values.invalidate(key);
    }

    /** Drops every value on this node only, at once. */
    public void forgetAll() {
        values.invalidateAll();
    }

    /**
     * Drops the value now and again when the current transaction commits (at once without one): a request
     * that loads it in between reads the state before the change and must not keep it. The other nodes are
     * told to drop this whole cache when the change commits (coarse: such changes are rare, and a key need not
     * travel between nodes). Called where the change is made, within its transaction: the other nodes are told
     * on its connection.
     */
    public void forgetAfterCommit(K key) {
        values.invalidate(key);
        afterCompletion(() -> values.invalidate(key));
        tellOtherNodes.run();
    }

    /** {@link #forgetAfterCommit} for every value at once: for a change whose keys are not known. */
    public void forgetAllAfterCommit() {
        values.invalidateAll();
        afterCompletion(values::invalidateAll);
        tellOtherNodes.run();
    }

    private static void afterCompletion(Runnable drop) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop.run();
                }
            });
        }
    }
}
