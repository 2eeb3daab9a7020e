package cn.govdata.lake.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.lake.UpdateCycleOverride;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Whether each dataset is aggregated on time (AGG-2, TJ13): the next aggregation is due one cycle after the
 * last successful one (or after the dataset was created), the cycle being the catalog entry's update cycle —
 * daily and real-time data by the next working day on the working-day calendar, longer cycles by calendar
 * period — unless the authority accepted an agreed period the department filed because its data cannot
 * follow the cycle. Entries whose cycle is "other" have no due date. A cycle another module raised for now
 * ({@link UpdateCycleOverride}: emergency open data) applies while it makes the delivery due sooner.
 */
@Service
public class AggregationStatus {

    enum ExceptionStatus { FILED, ACCEPTED, REJECTED }

    public record DatasetStatus(long datasetId, long entryId, String resourceCode, String name, long departmentId,
            String departmentName, UpdateCycle updateCycle, Integer agreedDays, OffsetDateTime lastSuccessAt,
            LocalDate dueOn, boolean overdue) {
    }

    record CycleException(long id, long datasetId, int agreedDays, String reason, ExceptionStatus status,
            String filedBy, OffsetDateTime filedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote) {
    }

    private final JdbcClient jdbc;
    private final LakeDatasets datasets;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ObjectProvider<UpdateCycleOverride> overrides;

    AggregationStatus(JdbcClient jdbc, LakeDatasets datasets, PublishedCatalog catalog, Directory directory,
            WorkingDayCalendar calendar, AuditLog audit, ObjectProvider<UpdateCycleOverride> overrides) {
        this.overrides = overrides;
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.catalog = catalog;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The department's datasets, or the region's for the data authority, overdue first. */
    List<DatasetStatus> status(Actor actor) {
        return datasets.list(actor).stream().map(this::statusOf)
                .sorted(java.util.Comparator.comparing(DatasetStatus::overdue).reversed()
                        .thenComparing(s -> s.dueOn() == null ? LocalDate.MAX : s.dueOn()))
                .toList();
    }

    public DatasetStatus statusOf(Dataset dataset) {
        UpdateCycle cycle = catalog.byId(dataset.entryId()).map(e -> e.content().updateCycle()).orElse(UpdateCycle.OTHER);
        Integer agreed = jdbc.sql("""
                select agreed_days from lake_cycle_exception where dataset_id = ? and status = 'ACCEPTED'
                order by decided_at desc, id desc""").param(dataset.id()).query(Integer.class).list().stream()
                .findFirst().orElse(null);
        OffsetDateTime since = dataset.lastSuccessAt() != null ? dataset.lastSuccessAt()
                : jdbc.sql("select created_at from lake_dataset where id = ?").param(dataset.id())
                        .query(OffsetDateTime.class).single();
        LocalDate from = since.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
        LocalDate due = dueAfter(calendar, from, cycle, agreed);
        // a cycle raised for now (emergency data, OPN-7) applies while it makes the delivery due sooner
        for (UpdateCycle raised : overrides.orderedStream().flatMap(o -> o.raisedCycle(dataset.entryId()).stream())
                .toList()) {
            LocalDate sooner = dueAfter(calendar, from, raised, null);
            if (sooner != null && (due == null || sooner.isBefore(due))) {
                due = sooner;
                cycle = raised;
                agreed = null;
            }
        }
        return new DatasetStatus(dataset.id(), dataset.entryId(), dataset.resourceCode(), dataset.name(),
                dataset.departmentId(), directory.department(dataset.departmentId()).map(DepartmentInfo::name).orElse(null),
                cycle, agreed, dataset.lastSuccessAt(), due, due != null && calendar.today().isAfter(due));
    }

    /**
     * When the next delivery is due after one on {@code from}: the agreed period in calendar days where the authority
     * accepted one (TJ13), else the catalog's update cycle (AGG-2); null for a cycle without a period. The one rule,
     * used by the status and by the lake's facts for supervision.
     */
    public static LocalDate dueAfter(WorkingDayCalendar calendar, LocalDate from, UpdateCycle cycle, Integer agreedDays) {
        if (agreedDays != null) {
            return calendar.dueAfterCalendarDays(from, agreedDays);
        }
        return switch (cycle) {
            case REALTIME, DAILY -> calendar.dueAfter(from, 1).due();
            case WEEKLY -> from.plusWeeks(1);
            case MONTHLY -> from.plusMonths(1);
            case QUARTERLY -> from.plusMonths(3);
            case HALF_YEARLY -> from.plusMonths(6);
            case YEARLY -> from.plusYears(1);
            case OTHER -> null;
        };
    }

    /** The providing department files the period it can keep, with the reason (TJ13). */
    @Transactional
    CycleException file(Actor actor, long datasetId, Integer agreedDays, String reason) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeAccess.fileCycleException(actor, dataset);
        if (agreedDays == null || agreedDays < 1 || agreedDays > 366) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("agreedDays"), "1–366");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("reason"));
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_cycle_exception (dataset_id, agreed_days, reason, status, filed_by, filed_at)
                values (?, ?, ?, 'FILED', ?, ?)""")
                .params(datasetId, agreedDays, reason.strip(), actor.name(), LakeDatasets.now()).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(LakeAuditAction.CYCLE_EXCEPTION_FILE, "dataset", datasetId, agreedDays + " days"));
        return get(id);
    }

    List<CycleException> exceptions(Actor actor, long datasetId) {
        datasets.get(actor, datasetId);
        return jdbc.sql(SELECT + " where dataset_id = ? order by id desc").param(datasetId).query(this::map).list();
    }

    /** The data authority accepts or rejects a filed period. */
    @Transactional
    CycleException decide(Actor actor, long exceptionId, boolean accept, String note) {
        CycleException exception = jdbc.sql(SELECT + " where id = ?").param(exceptionId).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("cycle exception", exceptionId));
        Dataset dataset = datasets.find(exception.datasetId());
        LakeAccess.decideCycleException(actor, dataset);
        if (exception.status() != ExceptionStatus.FILED) {
            throw new DomainException(ProblemCode.INVALID_STATE, exception.status(), "decided again");
        }
        jdbc.sql("""
                update lake_cycle_exception set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                where id = ?""")
                .params(accept ? "ACCEPTED" : "REJECTED", actor.name(), LakeDatasets.now(), note, exceptionId).update();
        audit.record(AuditEvent.success(accept ? LakeAuditAction.CYCLE_EXCEPTION_ACCEPT : LakeAuditAction.CYCLE_EXCEPTION_REJECT, "dataset",
                dataset.id(), exception.agreedDays() + " days"));
        return get(exceptionId);
    }

    private CycleException get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).single();
    }

    private static final String SELECT = """
            select id, dataset_id, agreed_days, reason, status, filed_by, filed_at, decided_by, decided_at, decision_note
            from lake_cycle_exception""";

    private CycleException map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CycleException(rs.getLong("id"), rs.getLong("dataset_id"), rs.getInt("agreed_days"),
                rs.getString("reason"), ExceptionStatus.valueOf(rs.getString("status")), rs.getString("filed_by"),
                rs.getObject("filed_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"));
    }
}
