package cn.govdata.supervise.metric;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * What the supervision dashboard draws beside the league table (issue #14): each metric's value per year, a
 * department's card against the region's average and median, and the overdue work by how long it is overdue. The
 * region's view is for the authority's officers and the assessors; every other user reads their own department.
 * Trends and comparisons read the scorecards as they are kept (stored metric facts, frozen past years), so a reading
 * counts no record; the overdue work is what the modules' open deadlines say today.
 */
@Service
public class Dashboards {

    /** At most this many years back in a trend: the platform's years, not an archive. */
    private static final int TREND_YEARS = 10;

    /** Working days overdue: 1–5, 6–10, 11–20, over 20 (the lower bound of each bucket). */
    static final int[] AGE_BUCKETS = { 1, 6, 11, 21 };

    /** One metric's values per year: the department's (when one is read) and the region's average. */
    public record Trend(String metric, String label, Metric.Kind kind, List<Double> department, List<Double> region) {
    }

    /** @param departmentId null for the region's view */
    public record Trends(Long departmentId, String departmentName, List<Integer> years, List<Trend> metrics) {
    }

    /** One metric of a department's card beside the region's average and median. */
    public record Compared(String metric, String label, Metric.Kind kind, Double value, Double regionAverage,
            Double regionMedian) {
    }

    public record Comparison(long departmentId, String departmentName, int year, Double score, Double regionAverageScore,
            Double regionMedianScore, List<Compared> metrics) {
    }

    /**
     * How many open items of one kind are overdue by how many working days.
     *
     * @param kind what the items are, as the modules name their deadlines (e.g. {@code share-application})
     * @param counts per bucket of {@link Overdue#buckets}
     */
    public record OverdueKind(String kind, List<Integer> counts, int total) {
    }

    /** @param buckets each bucket's lower bound in working days overdue (the last has no upper bound) */
    public record Overdue(Long departmentId, LocalDate today, List<Integer> buckets, List<OverdueKind> kinds) {
    }

    private final Scorecards scorecards;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;
    private final List<PendingDeadlines> deadlines;

    Dashboards(Scorecards scorecards, Directory directory, WorkingDayCalendar calendar, JdbcClient jdbc,
            List<PendingDeadlines> deadlines,
            @org.springframework.beans.factory.annotation.Value("${govdata.supervise.dashboard.overdue-max-age:PT1M}")
            java.time.Duration overdueMaxAge) {
        this.scorecards = scorecards;
        this.directory = directory;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.overdueMaxAge = overdueMaxAge;
    }

    /** The platform's overdue items as last taken: when, and for which day. */
    private record OverdueItems(LocalDate today, List<OverdueItem> items, long takenAt) {
    }

    /** An overdue item and how many working days it is late, counted once when taken. */
    private record OverdueItem(Deadline deadline, int workingDaysLate) {
    }

    private final java.time.Duration overdueMaxAge;
    private final java.util.concurrent.atomic.AtomicReference<OverdueItems> overdueItems =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean retaking = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ExecutorService retaker = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("overdue-items").daemon().factory());

    /**
     * Every module's open items past their due date, one per item (an item owed in two stages — an obligation's
     * update and its report — by its earliest due date). Reading every module's deadlines takes most of a second
     * for a large region, so a dashboard reads them as last taken — at most {@code overdue-max-age} old, taken anew
     * in the background when older (the first reading of a day waits for them) — as the scorecards read the metrics
     * of the last run.
     */
    private List<OverdueItem> overdueItems(LocalDate today) {
        OverdueItems last = overdueItems.get();
        if (last == null || !last.today().equals(today) || overdueMaxAge.isZero()) {
            OverdueItems taken = takeOverdueItems(today);
            overdueItems.set(taken);
            return taken.items();
        }
        if (System.nanoTime() - last.takenAt() > overdueMaxAge.toNanos() && retaking.compareAndSet(false, true)) {
            retaker.execute(() -> {
                try {
                    overdueItems.set(takeOverdueItems(today));
                } finally {
                    retaking.set(false);
                }
            });
        }
        return last.items();
    }

    private OverdueItems takeOverdueItems(LocalDate today) {
        Map<String, Deadline> items = new LinkedHashMap<>();
        for (PendingDeadlines module : deadlines) {
            for (Deadline deadline : module.pending()) {
                if (deadline.dueOn().isBefore(today)) {
                    items.merge(item(deadline.key()), deadline, (a, b) -> a.dueOn().isAfter(b.dueOn()) ? b : a);
                }
            }
        }
        List<OverdueItem> late = items.values().stream()
                .map(d -> new OverdueItem(d, calendar.workingDaysBetween(d.dueOn(), today))).toList();
        return new OverdueItems(today, late, System.nanoTime());
    }

    @jakarta.annotation.PreDestroy
    void close() {
        retaker.shutdownNow();
    }

    /** Each metric per year over the years the platform kept metrics for the caller's region, and this one. */
    public Trends trends(Actor actor, Long departmentId) {
        Long department = department(actor, departmentId);
        List<Integer> years = years(actor.regionId());
        Map<Metric, List<Double>> own = new LinkedHashMap<>();
        Map<Metric, List<Double>> region = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            own.put(metric, new ArrayList<>());
            region.put(metric, new ArrayList<>());
        }
        for (int year : years) {
            List<Scorecard> cards = scorecards.region(actor.regionId(), year);
            Scorecard card = department == null ? null : find(cards, department);
            for (Metric metric : Metric.values()) {
                region.get(metric).add(Scorecards.average(cards, metric));
                own.get(metric).add(card == null ? null : card.metrics().get(metric.key()));
            }
        }
        List<Trend> trends = new ArrayList<>();
        for (Scorecards.MetricDefinition definition : scorecards.definitions()) {
            Metric metric = Metric.byKey(definition.key()).orElseThrow();
            trends.add(new Trend(metric.key(), definition.label(), metric.kind(),
                    department == null ? null : own.get(metric), region.get(metric)));
        }
        return new Trends(department, department == null ? null : name(department), years, trends);
    }

    /** A department's card for a year beside the region's average and median (a department user: their own). */
    public Comparison comparison(Actor actor, int year, Long departmentId) {
        Long department = department(actor, departmentId);
        if (department == null) {
            // the region's readers choose a department (in the league table)
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("departmentId"));
        }
        List<Scorecard> cards = scorecards.region(actor.regionId(), year);
        Scorecard card = find(cards, department);
        List<Compared> metrics = new ArrayList<>();
        for (Scorecards.MetricDefinition definition : scorecards.definitions()) {
            Metric metric = Metric.byKey(definition.key()).orElseThrow();
            metrics.add(new Compared(metric.key(), definition.label(), metric.kind(),
                    card == null ? null : card.metrics().get(metric.key()), Scorecards.average(cards, metric),
                    median(cards.stream().map(c -> c.metrics().get(metric.key())).toList())));
        }
        List<Double> scores = cards.stream().map(Scorecard::score).toList();
        Double average = scores.isEmpty() ? null
                : round(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 10);
        Double median = median(scores);
        return new Comparison(department, name(department), year, card == null ? null : card.score(), average,
                median == null ? null : round(median, 10), metrics);
    }

    /**
     * The open items past their due date, per kind and by working days overdue on the policy calendar: for the
     * region (its departments' items) or one department.
     */
    public Overdue overdue(Actor actor, Long departmentId) {
        Long department = department(actor, departmentId);
        Set<Long> departments = new HashSet<>();
        if (department != null) {
            departments.add(department);
        } else {
            directory.departments(actor.regionId()).forEach(d -> departments.add(d.id()));
        }
        LocalDate today = calendar.today();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (OverdueItem item : overdueItems(today)) {
            if (!departments.contains(item.deadline().departmentId())) {
                continue;
            }
            counts.computeIfAbsent(kind(item.deadline().key()), k -> new int[AGE_BUCKETS.length])
                    [bucket(item.workingDaysLate())]++;
        }
        List<OverdueKind> kinds = new ArrayList<>();
        new TreeSet<>(counts.keySet()).forEach(kind -> {
            int[] byAge = counts.get(kind);
            kinds.add(new OverdueKind(kind, java.util.Arrays.stream(byAge).boxed().toList(),
                    java.util.Arrays.stream(byAge).sum()));
        });
        return new Overdue(department, today, java.util.Arrays.stream(AGE_BUCKETS).boxed().toList(), kinds);
    }

    /**
     * The department read: the one asked for (when the caller sees it), else the caller's own unless the caller
     * reads the region (then null: the region's view).
     */
    private Long department(Actor actor, Long departmentId) {
        if (departmentId != null) {
            DepartmentInfo department = directory.department(departmentId)
                    .orElseThrow(() -> DomainException.notFound("department", departmentId));
            SuperviseAccess.requireSees(actor, departmentId, department.regionId());
            if (department.regionId() != actor.regionId()) {
                throw DomainException.notFound("department", departmentId);
            }
            return departmentId;
        }
        return SuperviseAccess.readsRegion(actor, actor.regionId()) ? null : actor.departmentId();
    }

    /** The years with metrics kept or scores frozen for the region, and the current one; the last ten at most. */
    private List<Integer> years(long regionId) {
        int current = calendar.today().getYear();
        TreeSet<Integer> years = new TreeSet<>(jdbc.sql("""
                select metric_year from supervise_metric_run where region_id = ?
                union select score_year from supervise_score where region_id = ?""")
                .params(regionId, regionId).query(Integer.class).list());
        years.add(current);
        return List.copyOf(years.subSet(current - TREND_YEARS + 1, true, current, true));
    }

    private String name(long departmentId) {
        return directory.department(departmentId).map(DepartmentInfo::name).orElse(null);
    }

    private static Scorecard find(List<Scorecard> cards, long departmentId) {
        return cards.stream().filter(c -> c.departmentId() == departmentId).findFirst().orElse(null);
    }

    /** The median of the values present, or null when none is. */
    static Double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return round(median, 10000);
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }

    /** The kind of a deadline's key, e.g. {@code share-application} of {@code share-application:42:PROVIDER}. */
    static String kind(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** The item a deadline is about: its kind and id. */
    private static String item(String key) {
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        return second < 0 ? key : key.substring(0, second);
    }

    static int bucket(int workingDaysLate) {
        for (int i = AGE_BUCKETS.length - 1; i > 0; i--) {
            if (workingDaysLate >= AGE_BUCKETS[i]) {
                return i;
            }
        }
        // past its due date without a working day in between (due on a Friday, read on the Sunday): the first bucket
        return 0;
    }
}
