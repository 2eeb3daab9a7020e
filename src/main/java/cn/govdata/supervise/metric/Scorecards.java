package cn.govdata.supervise.metric;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The departments' scorecards per year (SUP-1) under the profile's scoring model, computed from the metric inputs
 * kept per department ({@link MetricFacts}), which runs bring up to date incrementally (only what changed since
 * the last run is read), so that a reading computes no record; once a year is over its scores are computed one last time from
 * every record and stored with the model's version, so a later change of weights does not rewrite a past year.
 */
@Service
public class Scorecards {

    private static final Logger log = LoggerFactory.getLogger(Scorecards.class);

    /** A metric's definition as shown beside its number, and its weight in the current model. */
    public record MetricDefinition(String key, String label, String definition, Metric.Kind kind, Double weight) {
    }

    /** The region's averages, to set a department's card against. */
    public record RegionAverages(long regionId, String regionName, int year, String methodVersion, Double score,
            Map<String, Double> metrics) {
    }

    /** The records behind one metric of one department's card. */
    public record DrillDown(long departmentId, int year, String metric, String label, String definition, Double value,
            List<MetricRecord> records) {
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final MetricValues values;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ScoringModel model;
    private final MetricFacts facts;
    private final Duration maxAge;

    Scorecards(JdbcClient jdbc, MetricValues values, MetricFacts facts, Directory directory,
            WorkingDayCalendar calendar, AuditLog audit, JsonMapper json, ActivePolicy policy, MessageSource messages,
            @Value("${govdata.supervise.metrics.max-age:PT1M}") Duration maxAge) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.values = values;
        this.facts = facts;
        this.maxAge = maxAge;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
        this.model = new ScoringModel(policy.profile().supervision());
    }

    public List<MetricDefinition> definitions() {
        Map<Metric, Double> weights = model.weights();
        return java.util.Arrays.stream(Metric.values()).map(m -> new MetricDefinition(m.key(), label(m),
                definition(m), m.kind(), weights.get(m))).toList();
    }

    /*
     * The metrics and grades are named in Chinese in the code, in the regulations' own words; readers who chose
     * English read the names in messages.properties (supervise.metric.<key>, .definition; supervise.grade.<GRADE>).
     */
    private String label(Metric metric) {
        return inEnglish() ? messages.getMessage("supervise.metric." + metric.key(), null, metric.label(), Locale.ENGLISH)
                : metric.label();
    }

    private String definition(Metric metric) {
        return inEnglish() ? messages.getMessage("supervise.metric." + metric.key() + ".definition", null,
                metric.definition(), Locale.ENGLISH) : metric.definition();
    }

    private String label(ScoringModel.Grade grade) {
        return inEnglish() ? messages.getMessage("supervise.grade." + grade.name(), null, grade.label(), Locale.ENGLISH)
                : grade.label();
    }

    private static boolean inEnglish() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en");
    }

    /** Every department's card for the officers of the authority; the caller's own for everyone else. */
    @Transactional
    public List<Scorecard> list(Actor actor, int year) {
        List<Scorecard> cards = region(actor.regionId(), year);
        if (SuperviseAccess.readsRegion(actor, actor.regionId())) {
            return cards;
        }
        return cards.stream().filter(c -> c.departmentId() == actor.departmentId()).toList();
    }

    public RegionAverages averages(Actor actor, int year) {
        List<Scorecard> cards = region(actor.regionId(), year);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            Double average = average(cards, metric);
            if (average != null) {
                metrics.put(metric.key(), average);
            }
        }
        OptionalDouble score = cards.stream().mapToDouble(Scorecard::score).average();
        return new RegionAverages(actor.regionId(),
                directory.region(actor.regionId()).map(Directory.RegionInfo::name).orElse(null), year,
                cards.isEmpty() ? model.methodVersion() : cards.get(0).methodVersion(),
                score.isPresent() ? Math.round(score.getAsDouble() * 10) / 10.0 : null, metrics);
    }

    /** The average of a metric over the cards that have a value for it, or null when none has. */
    static Double average(List<Scorecard> cards, Metric metric) {
        OptionalDouble average = cards.stream().map(c -> c.metrics().get(metric.key()))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average();
        return average.isPresent() ? Math.round(average.getAsDouble() * 10000) / 10000.0 : null;
    }

    public DrillDown drillDown(Actor actor, int year, long departmentId, String metricKey) {
        checkYear(year);
        DepartmentInfo department = directory.department(departmentId)
                .orElseThrow(() -> DomainException.notFound("department", departmentId));
        SuperviseAccess.requireSees(actor, departmentId, department.regionId());
        Metric metric = Metric.byKey(metricKey).orElseThrow(() -> DomainException.notFound("metric", metricKey));
        // the records of this department only; its value computed from them as the scorecard's is from their sums
        MetricValues.Evidence evidence = values.evidence(department.regionId(), year, List.of(departmentId));
        return new DrillDown(departmentId, year, metric.key(), label(metric), definition(metric),
                MetricValues.values(evidence, departmentId).get(metric), evidence.of(departmentId, metric));
    }

    /** The region's cards for a year, ranked; a year that is over is frozen at its first reading. */
    public List<Scorecard> region(long regionId, int year) {
        checkYear(year);
        boolean over = year < calendar.today().getYear();
        if (over) {
            List<Scorecard> frozen = frozen(regionId, year);
            if (!frozen.isEmpty()) {
                return frozen;
            }
        }
        List<Scorecard> cards = compute(regionId, year, over);
        if (over && !cards.isEmpty()) {
            freeze(regionId, year, cards);
        }
        return cards;
    }

    private List<Scorecard> compute(long regionId, int year, boolean frozen) {
        Map<Long, Map<Metric, MetricTotals>> stored = upToDate(regionId, year, frozen);
        record Scored(DepartmentInfo department, double score, Map<String, Double> metrics) {
        }
        List<Scored> scored = new ArrayList<>();
        for (DepartmentInfo department : directory.departments(regionId)) {
            if (department.authority()) {
                continue;
            }
            Map<Metric, Double> metricValues = MetricValues.values(stored.getOrDefault(department.id(), Map.of()));
            Map<String, Double> byKey = new LinkedHashMap<>();
            metricValues.forEach((metric, value) -> {
                if (value != null) {
                    byKey.put(metric.key(), value);
                }
            });
            scored.add(new Scored(department, model.score(metricValues), byKey));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.department().name()));
        List<Scorecard> cards = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ScoringModel.Grade grade = model.grade(s.score());
            int rank = i > 0 && scored.get(i - 1).score() == s.score() ? cards.get(i - 1).rank() : i + 1;
            cards.add(new Scorecard(s.department().id(), s.department().name(), year, s.score(), grade.name(),
                    label(grade), rank, model.methodVersion(), frozen, s.metrics()));
        }
        return cards;
    }

    /**
     * The metric inputs of a year: a year that is over is recomputed in full (it is read once, then frozen); the
     * current one is read as the last run left it (the schedule runs every minute by default) unless that run is
     * older than {@code govdata.supervise.metrics.max-age}, then brought up to date incrementally first. When
     * another request or node is running the region's update, its rows are read as they are.
     */
    private Map<Long, Map<Metric, MetricTotals>> upToDate(long regionId, int year, boolean over) {
        if (over) {
            facts.recompute(regionId, year);
        } else if (facts.lastRun(regionId, year)
                .filter(run -> run.plus(maxAge).isAfter(OffsetDateTime.now(ZoneOffset.UTC))).isEmpty()) {
            try {
                facts.refreshOlderThan(regionId, year, maxAge);
            } catch (TransientDataAccessException running) {
                log.debug("Metrics of region {} are being updated by another run", regionId, running);
            }
        }
        return facts.stored(regionId, year);
    }

    private void freeze(long regionId, int year, List<Scorecard> cards) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int stored = 0;
        for (Scorecard card : cards) {
            stored += jdbc.sql("""
                    insert into supervise_score (region_id, score_year, department_id, method_version, score, grade,
                        metrics, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(regionId, year, card.departmentId(), card.methodVersion(), card.score(), card.grade(),
                            json.writeValueAsString(card.metrics()), now)
                    .update();
        }
        if (stored > 0) {
            audit.record(AuditEvent.success(SuperviseAuditAction.SCORES_FREEZE, "region", regionId,
                    year + ": " + stored + " departments, method " + model.methodVersion()));
        }
    }

    private List<Scorecard> frozen(long regionId, int year) {
        record Row(long departmentId, String methodVersion, double score, String grade, String metrics) {
        }
        List<Row> rows = jdbc.sql("""
                select department_id, method_version, score, grade, metrics from supervise_score
                where region_id = ? and score_year = ? order by score desc, department_id""")
                .params(regionId, year)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        List<Scorecard> cards = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ScoringModel.Grade grade = ScoringModel.Grade.valueOf(row.grade());
            int rank = i > 0 && rows.get(i - 1).score() == row.score() ? cards.get(i - 1).rank() : i + 1;
            Map<String, Double> metrics = json.readValue(row.metrics(), new TypeReference<LinkedHashMap<String, Double>>() {
            });
            cards.add(new Scorecard(row.departmentId(),
                    directory.department(row.departmentId()).map(DepartmentInfo::name).orElse(null), year,
                    row.score(), grade.name(), label(grade), rank, row.methodVersion(), true, metrics));
        }
        return cards;
    }

    private void checkYear(int year) {
        if (year < 2000 || year > calendar.today().getYear()) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("year"), year);
        }
    }
}
