package cn.govdata.open.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.open.desensitise.DesensitisationGate;

/**
 * The figures of the portal's home: datasets open to the public, the records they hold, the departments opening
 * them, views, downloads and API reads so far, and the apps built on them. Kept for a short while, since every visit to
 * the home asks, and computed by one caller at a time with a statement per figure (the records of all datasets in
 * one), so that a region's hundred thousand datasets cost one read, not one each.
 */
@Component
public class OpenStats {

    /**
     * @param datasets datasets the public sees (unconditional and on application)
     * @param records current records of those datasets
     * @param departments departments with at least one of them
     * @param apps apps and results built on open data that the portal shows (approved)
     */
    public record Summary(long datasets, long records, long departments, long views, long downloads, long apiCalls,
            long apps) {
    }

    private static final Duration KEPT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final DesensitisationGate gate;
    private final UsageCounter counter;
    private volatile Summary last;
    private volatile Instant lastAt = Instant.EPOCH;

    OpenStats(JdbcClient jdbc, DesensitisationGate gate, UsageCounter counter) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.counter = counter;
    }

    public synchronized Summary summary() {
        if (last != null && Instant.now().isBefore(lastAt.plus(KEPT))) {
            return last;
        }
        List<Long> entries = jdbc.sql("select entry_id from open_dataset where public_state = 'active'")
                .query(Long.class).list();
        long records = gate.records(entries);
        long departments = jdbc.sql("select count(distinct department_id) from open_dataset where public_state = 'active'")
                .query(Long.class).single();
        long apps = jdbc.sql("select count(*) from open_reuse where status = 'APPROVED'").query(Long.class).single();
        UsageCounter.Totals uses = counter.overall();
        Summary summary = new Summary(entries.size(), records, departments, uses.views(), uses.downloads(),
                uses.apiCalls(), apps);
        last = summary;
        lastAt = Instant.now();
        return summary;
    }
}
