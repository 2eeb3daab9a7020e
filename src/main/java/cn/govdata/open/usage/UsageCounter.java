package cn.govdata.open.usage;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts views ({@code package_show}, {@code resource_show}), downloads (dumps) and API reads
 * ({@code datastore_search}) per opened dataset: in memory on each node, added to the database in one batch every
 * {@code govdata.open.usage-flush-interval} and at shutdown, so that a busy public API does not write a row per
 * request. Totals read here include what this node has not written yet.
 */
@Component
public class UsageCounter {

    /** What a request did with a dataset. */
    public enum Use { VIEW, DOWNLOAD, API_CALL }

    /** A dataset's uses so far. */
    public record Totals(long views, long downloads, long apiCalls) {

        public static final Totals NONE = new Totals(0, 0, 0);

        Totals plus(long[] more) {
            return new Totals(views + more[0], downloads + more[1], apiCalls + more[2]);
        }
    }

    private final JdbcClient jdbc;
    private final Map<Long, AtomicLong[]> pending = new ConcurrentHashMap<>();

    UsageCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void count(long datasetId, Use use) {
        pending.computeIfAbsent(datasetId, id -> new AtomicLong[] { new AtomicLong(), new AtomicLong(), new AtomicLong() })
                [use.ordinal()].incrementAndGet();
    }

    public Totals totals(long datasetId) {
        return totals(List.of(datasetId)).getOrDefault(datasetId, Totals.NONE);
    }

    public Map<Long, Totals> totals(Collection<Long> datasetIds) {
        Map<Long, Totals> totals = new HashMap<>();
        if (datasetIds.isEmpty()) {
            return totals;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(datasetIds.size(), "?"));
        jdbc.sql("select open_dataset_id, views, downloads, api_calls from open_usage where open_dataset_id in (" + marks
                + ")").params(List.copyOf(datasetIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> totals.put(rs.getLong(1),
                        new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        for (Long id : datasetIds) {
            AtomicLong[] counts = pending.get(id);
            if (counts != null) {
                totals.put(id, totals.getOrDefault(id, Totals.NONE)
                        .plus(new long[] { counts[0].get(), counts[1].get(), counts[2].get() }));
            }
        }
        return totals;
    }

    /** All datasets' uses together, this node's unwritten ones included. */
    public Totals overall() {
        Totals stored = jdbc.sql("select coalesce(sum(views), 0), coalesce(sum(downloads), 0), coalesce(sum(api_calls), 0)"
                + " from open_usage").query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        long[] unwritten = new long[3];
        pending.values().forEach(c -> {
            for (int i = 0; i < 3; i++) {
                unwritten[i] += c[i].get();
            }
        });
        return stored.plus(unwritten);
    }

    /** Adds what was counted since the last flush to the stored totals. */
    @Scheduled(fixedDelayString = "${govdata.open.usage-flush-interval:PT5S}")
    @jakarta.annotation.PreDestroy
    void flush() {
        for (Map.Entry<Long, AtomicLong[]> entry : pending.entrySet()) {
            long[] taken = new long[3];
            for (int i = 0; i < 3; i++) {
                taken[i] = entry.getValue()[i].getAndSet(0);
            }
            if (taken[0] + taken[1] + taken[2] == 0) {
                continue;
            }
            try {
                jdbc.sql("insert into open_usage (open_dataset_id, views, downloads, api_calls) values (?, 0, 0, 0)"
                        + " on conflict do nothing").param(entry.getKey()).update();
                jdbc.sql("update open_usage set views = views + ?, downloads = downloads + ?, api_calls = api_calls + ?"
                        + " where open_dataset_id = ?").params(taken[0], taken[1], taken[2], entry.getKey()).update();
            } catch (RuntimeException e) {
                for (int i = 0; i < 3; i++) {  // counted again at the next flush
                    entry.getValue()[i].addAndGet(taken[i]);
                }
                throw e;
            }
        }
    }
}
