package cn.govdata.share.grant;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Counts the records delivered under each grant per Beijing day against its daily quota. Counting is in
 * memory and written to {@code share_grant_usage} about once a second, because every verification or query
 * of a grant would otherwise update the same row and wait for each other's commits (a few hundred requests a
 * second at most). The price: a crash loses at most the last second's counts (every use is still in the audit
 * log). On several nodes each node reads the others' counts back at every flush, written or not, so a day's
 * deliveries can exceed the quota by at most what the other nodes delivered within one flush interval.
 */
@Component
public class QuotaLedger {

    /** One grant's day: what the database holds, what is being written, what is not yet. */
    private static final class Day {
        final LocalDate day;
        long stored;
        long writing;
        long pendingRecords;
        long pendingRequests;

        Day(LocalDate day, long stored) {
            this.day = day;
            this.stored = stored;
        }

        long used() {
            return stored + writing + pendingRecords;
        }
    }

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Map<Long, Day> days = new ConcurrentHashMap<>();
    /** Days that have ended with counts not yet written; written by the next flush, never by a request. */
    private final java.util.Queue<Map.Entry<Long, Day>> ended = new java.util.concurrent.ConcurrentLinkedQueue<>();

    QuotaLedger(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /**
     * Counts a delivery of {@code records} all or nothing: over the quota it is refused and not counted.
     *
     * @return the records that remain today after it
     * @throws DomainException {@code QUOTA_EXHAUSTED} (429)
     */
    public long take(long grantId, long quota, long records) {
        Day day = today(grantId);
        synchronized (day) {
            long used = day.used();
            if (used + records > quota) {
                throw new DomainException(ProblemCode.QUOTA_EXHAUSTED, grantId, quota, Math.max(0, quota - used));
            }
            day.pendingRecords += records;
            day.pendingRequests++;
            return quota - used - records;
        }
    }

    /** Records counted today that the database does not hold yet. */
    long unwritten(long grantId) {
        Day day = days.get(grantId);
        if (day == null || !day.day.equals(calendar.today())) {
            return 0;
        }
        synchronized (day) {
            return day.writing + day.pendingRecords;
        }
    }

    private Day today(long grantId) {
        LocalDate today = calendar.today();
        Day day = days.get(grantId);
        if (day != null && day.day.equals(today)) {
            return day;
        }
        return days.compute(grantId, (id, old) -> {
            if (old != null && old.day.equals(today)) {
                return old;
            }
            if (old != null) {
                ended.add(Map.entry(id, old));  // yesterday's last counts
            }
            long stored = jdbc.sql("select records from share_grant_usage where grant_id = ? and usage_day = ?")
                    .params(id, today).query(Long.class).optional().orElse(0L);
            return new Day(today, stored);
        });
    }

    /** Writes what was counted since the last flush; runs about once a second and at shutdown. */
    @Scheduled(fixedDelayString = "${govdata.share.usage-flush-interval:PT1S}")
    @jakarta.annotation.PreDestroy
    void flush() {
        for (Map.Entry<Long, Day> day = ended.poll(); day != null; day = ended.poll()) {
            write(day.getKey(), day.getValue());
        }
        days.forEach(this::write);
    }

    private void write(long grantId, Day day) {
        long records;
        long requests;
        boolean nothingToWrite;
        synchronized (day) {
            nothingToWrite = day.pendingRecords == 0 && day.pendingRequests == 0;
        }
        if (nothingToWrite) {
            refresh(grantId, day);
            return;
        }
        synchronized (day) {
            records = day.pendingRecords;
            requests = day.pendingRequests;
            day.writing += records;
            day.pendingRecords = 0;
            day.pendingRequests = 0;
        }
        long stored;
        try {
            jdbc.sql("insert into share_grant_usage (grant_id, usage_day, records, requests) values (?, ?, 0, 0)"
                    + " on conflict do nothing").params(grantId, day.day).update();
            jdbc.sql("update share_grant_usage set records = records + ?, requests = requests + ? where grant_id = ?"
                    + " and usage_day = ?").params(records, requests, grantId, day.day).update();
            stored = jdbc.sql("select records from share_grant_usage where grant_id = ? and usage_day = ?")
                    .params(grantId, day.day).query(Long.class).single();
        } catch (RuntimeException e) {
            synchronized (day) {  // tried again at the next flush
                day.writing -= records;
                day.pendingRecords += records;
                day.pendingRequests += requests;
            }
            throw e;
        }
        synchronized (day) {
            day.writing -= records;
            day.stored = stored;
        }
    }

    /** With nothing of its own to write: reads what the other nodes have written (today's grants only). */
    private void refresh(long grantId, Day day) {
        if (!day.day.equals(calendar.today())) {
            return;
        }
        jdbc.sql("select records from share_grant_usage where grant_id = ? and usage_day = ?").params(grantId, day.day)
                .query(Long.class).optional().ifPresent(stored -> {
                    synchronized (day) {
                        if (day.writing == 0) {  // else a write of this node's is under way and reads it back itself
                            day.stored = stored;
                        }
                    }
                });
    }
}
