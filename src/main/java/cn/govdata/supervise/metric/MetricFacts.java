package cn.govdata.supervise.metric;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.ShareFacts;
import cn.govdata.supervise.violation.Violations;

/**
 * The inputs of every department's metrics per year, kept in {@code supervise_metric_fact} (SUP-1, issue #14).
 * An incremental run asks each module which departments it wrote after the last run's watermark (and which
 * records turned overdue since the last run's day), then reads the facts of those departments only and replaces
 * their rows; a full recompute reads the whole region. Both sum the same evidence ({@link MetricValues}), so they
 * agree. A first run, a run under another scoring-method version and a past year are full recomputes.
 */
@Service
class MetricFacts {

    /** What a run did: FULL, INCREMENTAL or NONE (another had just run), and how many departments it read again. */
    record Run(String kind, int departmentsRead) {
    }

    private record Watermark(String methodVersion, OffsetDateTime changesSince, LocalDate lastDay, String lastKind,
            OffsetDateTime lastRunAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MetricValues values;
    private final CatalogFacts catalog;
    private final LakeFacts lake;
    private final ShareFacts share;
    private final Violations violations;
    private final WorkingDayCalendar calendar;
    private final String methodVersion;
    private final Duration overlap;

    MetricFacts(JdbcClient jdbc, JdbcTemplate batch, MetricValues values, CatalogFacts catalog, LakeFacts lake,
            ShareFacts share, Violations violations, WorkingDayCalendar calendar, ActivePolicy policy,
            @Value("${govdata.supervise.metrics.overlap:PT30S}") Duration overlap) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.values = values;
        this.catalog = catalog;
        this.lake = lake;
        this.share = share;
        this.violations = violations;
        this.calendar = calendar;
        this.methodVersion = new ScoringModel(policy.profile().supervision()).methodVersion();
        this.overlap = overlap;
    }

    /** Brings the region's facts of a year up to date, reading only what changed since the last run. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Run refresh(long regionId, int year) {
        return refreshOlderThan(regionId, year, Duration.ZERO);
    }

    /**
     * Brings the region's facts of a year up to date unless a run that finished while this one waited for the
     * region's row left them younger than {@code maxAge} (readers arriving together run once).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Run refreshOlderThan(long regionId, int year, Duration maxAge) {
        OffsetDateTime start = now();
        LocalDate today = calendar.today();
        Watermark last = lock(regionId, year);
        if (!maxAge.isZero() && !"NONE".equals(last.lastKind()) && last.lastRunAt().plus(maxAge).isAfter(start)) {
            return new Run("NONE", 0);
        }
        Map<Long, ShareFacts.Served> servedToday = share.servedSince(regionId, today);
        if ("NONE".equals(last.lastKind()) || !methodVersion.equals(last.methodVersion())
                || year < today.getYear()) {
            return full(regionId, year, start, today, servedToday);
        }
        Set<Long> changed = changedDepartments(regionId, year, last, today, servedToday);
        if (!changed.isEmpty()) {
            write(regionId, year, changed, start);
        }
        mark(regionId, year, start, today, "INCREMENTAL", changed.size(), servedToday);
        return new Run("INCREMENTAL", changed.size());
    }

    /** Recomputes the region's facts of a year from every record. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Run recompute(long regionId, int year) {
        lock(regionId, year);
        LocalDate today = calendar.today();
        return full(regionId, year, now(), today, share.servedSince(regionId, today));
    }

    /** When the region's facts of a year were last brought up to date, if ever. */
    Optional<OffsetDateTime> lastRun(long regionId, int year) {
        return jdbc.sql("""
                select last_run_at from supervise_metric_run
                where region_id = ? and metric_year = ? and last_kind <> 'NONE'""")
                .params(regionId, year).query(OffsetDateTime.class).optional();
    }

    /** The stored inputs of the region's departments for a year, by department and metric. */
    Map<Long, Map<Metric, MetricTotals>> stored(long regionId, int year) {
        Map<Long, Map<Metric, MetricTotals>> stored = new HashMap<>();
        jdbc.sql("""
                select department_id, metric, records, good_records, amount, good_amount, out_of
                from supervise_metric_fact where region_id = ? and metric_year = ?""")
                .params(regionId, year)
                .query(rs -> {
                    Optional<Metric> metric = Metric.byKey(rs.getString(2));
                    if (metric.isPresent()) {
                        MetricTotals totals = new MetricTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7));
                        stored.computeIfAbsent(rs.getLong(1), d -> new EnumMap<>(Metric.class)).put(metric.get(), totals);
                    }
                });
        return stored;
    }

    /**
     * The departments whose facts the run reads again: those any module wrote after the watermark (less the
     * overlap, so that a transaction committing late is not missed), those with records turned overdue since the
     * last run's day, and those whose records in the lake no longer add up to the stored count (records written
     * without a batch).
     */
    private Set<Long> changedDepartments(long regionId, int year, Watermark last, LocalDate today,
            Map<Long, ShareFacts.Served> servedToday) {
        OffsetDateTime since = last.changesSince();
        Set<Long> changed = new HashSet<>(catalog.departmentsChangedSince(regionId, since, last.lastDay(), today));
        changed.addAll(lake.departmentsChangedSince(regionId, since));
        changed.addAll(share.departmentsChangedSince(regionId, since, last.lastDay(), today));
        changed.addAll(violations.departmentsDetectedSince(regionId, since));
        changed.addAll(servedChanged(regionId, year,
                last.lastDay().equals(today) ? servedToday : share.servedSince(regionId, last.lastDay())));
        Map<Long, Long> records = lake.recordsByDepartment(regionId);
        Map<Long, Long> storedRecords = new HashMap<>();
        jdbc.sql("""
                select department_id, amount from supervise_metric_fact
                where region_id = ? and metric_year = ? and metric = ?""")
                .params(regionId, year, Metric.RECORDS.key())
                .query(rs -> {
                    storedRecords.put(rs.getLong(1), rs.getLong(2));
                });
        Set<Long> departments = new HashSet<>(records.keySet());
        departments.addAll(storedRecords.keySet());
        for (long department : departments) {
            if (records.getOrDefault(department, 0L).longValue() != storedRecords.getOrDefault(department, 0L)) {
                changed.add(department);
            }
        }
        return changed;
    }

    /**
     * The providing departments whose grants served more since the last run's day ({@code now}: what they served
     * from that day on) than that run saw.
     */
    private Set<Long> servedChanged(long regionId, int year, Map<Long, ShareFacts.Served> now) {
        Map<Long, ShareFacts.Served> seen = new HashMap<>();
        jdbc.sql("select department_id, records, requests from supervise_metric_served where region_id = ? and metric_year = ?")
                .params(regionId, year)
                .query(rs -> {
                    seen.put(rs.getLong(1), new ShareFacts.Served(rs.getLong(2), rs.getLong(3)));
                });
        Set<Long> changed = new HashSet<>();
        for (Map.Entry<Long, ShareFacts.Served> served : now.entrySet()) {
            if (!served.getValue().equals(seen.get(served.getKey()))) {
                changed.add(served.getKey());
            }
        }
        return changed;
    }

    /**
     * What the grants served from today on, read before the run reads the facts (usage counted in between is read
     * again by the next run), for the next run to compare: its last day is today.
     */
    private void rememberServed(long regionId, int year, Map<Long, ShareFacts.Served> servedToday) {
        jdbc.sql("delete from supervise_metric_served where region_id = ? and metric_year = ?").params(regionId, year)
                .update();
        List<Object[]> rows = new ArrayList<>();
        servedToday.forEach((department, served) -> rows.add(
                new Object[] { regionId, year, department, served.records(), served.requests() }));
        batch.batchUpdate("""
                insert into supervise_metric_served (region_id, metric_year, department_id, records, requests)
                values (?, ?, ?, ?, ?)""", rows);
    }

    private Run full(long regionId, int year, OffsetDateTime start, LocalDate today,
            Map<Long, ShareFacts.Served> servedToday) {
        int departments = write(regionId, year, null, start);
        mark(regionId, year, start, today, "FULL", departments, servedToday);
        return new Run("FULL", departments);
    }

    /** Replaces the rows of some departments (all when null) by their facts read afresh; how many departments. */
    private int write(long regionId, int year, Collection<Long> departments, OffsetDateTime now) {
        MetricValues.Evidence evidence = values.evidence(regionId, year, departments);
        if (departments == null) {
            jdbc.sql("delete from supervise_metric_fact where region_id = ? and metric_year = ?")
                    .params(regionId, year).update();
        } else {
            for (List<Long> chunk : chunks(departments)) {
                jdbc.sql("delete from supervise_metric_fact where region_id = ? and metric_year = ? and department_id in ("
                        + String.join(", ", chunk.stream().map(String::valueOf).toList()) + ")")
                        .params(regionId, year).update();
            }
        }
        Collection<Long> read = departments == null ? evidence.byDepartment().keySet() : departments;
        List<Object[]> rows = new ArrayList<>();
        for (long department : read) {
            MetricValues.totals(evidence, department).forEach((metric, totals) -> {
                if (totals.records() > 0) {
                    rows.add(new Object[] { regionId, year, department, metric.key(), totals.records(),
                            totals.goodRecords(), totals.amount(), totals.goodAmount(), totals.outOf(), now });
                }
            });
        }
        batch.batchUpdate("""
                insert into supervise_metric_fact (region_id, metric_year, department_id, metric, records, good_records,
                    amount, good_amount, out_of, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return read.size();
    }

    /** The run's row, created when missing and locked, so that runs of one region and year never overlap. */
    private Watermark lock(long regionId, int year) {
        ensureRun(regionId, year);
        return jdbc.sql("""
                select method_version, changes_since, last_day, last_kind, last_run_at from supervise_metric_run
                where region_id = ? and metric_year = ? for update""")
                .params(regionId, year)
                .query((rs, n) -> new Watermark(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .single();
    }

    private void ensureRun(long regionId, int year) {
        jdbc.sql("""
                insert into supervise_metric_run (region_id, metric_year, method_version, changes_since, last_day,
                    last_run_at, last_kind, departments_read) values (?, ?, ?, ?, ?, ?, 'NONE', 0)
                on conflict do nothing""")
                .params(regionId, year, methodVersion, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        LocalDate.of(2000, 1, 1), now())
                .update();
    }

    private void mark(long regionId, int year, OffsetDateTime start, LocalDate today, String kind, int departments,
            Map<Long, ShareFacts.Served> servedToday) {
        rememberServed(regionId, year, servedToday);
        jdbc.sql("""
                update supervise_metric_run set method_version = ?, changes_since = ?, last_day = ?, last_run_at = ?,
                    last_kind = ?, departments_read = ? where region_id = ? and metric_year = ?""")
                .params(methodVersion, start.minus(overlap), today, now(), kind, departments, regionId, year)
                .update();
    }

    /**
     * Whether this node is the one to run the scheduled slot for the region and year (the first to write the
     * slot into the run's row; the others see it there and skip).
     */
    boolean claim(long regionId, int year, long slot) {
        ensureRun(regionId, year);
        return jdbc.sql("""
                update supervise_metric_run set claimed_slot = ?
                where region_id = ? and metric_year = ? and (claimed_slot is null or claimed_slot < ?)""")
                .params(slot, regionId, year, slot).update() == 1;
    }

    private static List<List<Long>> chunks(Collection<Long> departments) {
        List<Long> all = List.copyOf(departments);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
