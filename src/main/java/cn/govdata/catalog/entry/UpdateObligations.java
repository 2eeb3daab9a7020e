package cn.govdata.catalog.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.CatalogUpdate;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import jakarta.validation.constraints.Size;

/**
 * Update obligations (CAT-4, YT10 NX8 AB17): a trigger obliges a department to update its catalog within the
 * profile's working days. Where the profile also asks for a report to the authority (AB17: within 3 working
 * days), saving the updated draft starts that second period and submitting it for review is the report. The
 * obligation is fulfilled when a version submitted after the trigger is published. Profiles that say only
 * "in time" give no due date, so nothing is ever shown overdue on a date the law does not set.
 */
@Service
class UpdateObligations {

    enum Trigger { LAW_CHANGED, DUTIES_CHANGED, SYSTEM_UPDATED, OTHER }

    enum Status { OPEN, SUBMITTED, FULFILLED }

    record NewObligation(Long departmentId, Long entryId, Trigger trigger, LocalDate triggerDate,
            @Size(max = 2000) String description) {
    }

    /**
     * @param overdue the due date (or the report date) has passed without the update (or the report)
     * @param late the update or report was made, but after its date
     */
    record Obligation(long id, long departmentId, String departmentName, Long entryId, String resourceCode,
            Trigger trigger, LocalDate triggerDate, String description, LocalDate dueDate, LocalDate updatedOn,
            LocalDate reportDueDate, Status status, OffsetDateTime submittedAt, Integer fulfilledVersion,
            OffsetDateTime fulfilledAt, String recordedBy, OffsetDateTime recordedAt, boolean overdue, boolean late) {
    }

    private final JdbcClient jdbc;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final Directory directory;
    private final AuditLog audit;

    UpdateObligations(JdbcClient jdbc, ActivePolicy policy, WorkingDayCalendar calendar, Directory directory,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.calendar = calendar;
        this.directory = directory;
        this.audit = audit;
    }

    /** Records a trigger, by the department's editor or the region's authority. */
    @Transactional
    Obligation record(Actor actor, NewObligation request) {
        long departmentId = request.departmentId() == null ? actor.departmentId() : request.departmentId();
        DepartmentInfo department = directory.department(departmentId)
                .orElseThrow(() -> DomainException.notFound("department", departmentId));
        CatalogAccess.requireDepartmentKeeper(actor, departmentId, department.regionId());
        List<Violation> violations = new java.util.ArrayList<>();
        if (request.trigger() == null) {
            violations.add(Violation.of("trigger", ProblemCode.FIELD_REQUIRED, FieldName.of("trigger")));
        }
        if (request.triggerDate() == null) {
            violations.add(Violation.of("triggerDate", ProblemCode.FIELD_REQUIRED, FieldName.of("triggerDate")));
        } else if (request.triggerDate().isAfter(calendar.today())) {
            violations.add(Violation.of("triggerDate", ProblemCode.INVALID_VALUE, FieldName.of("triggerDate"), "not in the future"));
        }
        if (request.description() == null || request.description().isBlank()) {
            violations.add(Violation.of("description", ProblemCode.FIELD_REQUIRED, FieldName.of("description")));
        }
        if (request.entryId() != null && jdbc.sql("select count(*) from catalog_entry where id = ? and department_id = ?")
                .params(request.entryId(), departmentId).query(Integer.class).single() == 0) {
            violations.add(Violation.of("entryId", ProblemCode.INVALID_VALUE, FieldName.of("entryId"), request.entryId()));
        }
        if (!violations.isEmpty()) {
            throw CatalogEntries.invalid(violations);
        }
        CatalogUpdate rule = policy.profile().catalogUpdate();
        LocalDate due = rule.workingDays() == null ? null : calendar.dueAfter(request.triggerDate(), rule.workingDays()).due();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into catalog_obligation (region_id, department_id, entry_id, trigger_kind, trigger_date,
                    description, due_date, report_working_days, status, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(department.regionId(), departmentId, request.entryId(), request.trigger().name(),
                        request.triggerDate(), request.description().strip(), due, rule.reportToAuthorityWorkingDays(),
                        actor.name(), CatalogEntries.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(CatalogAuditAction.OBLIGATION_RECORD, "catalog-obligation", id,
                department.name() + " " + request.trigger() + " " + request.triggerDate() + " due " + due));
        return get(id);
    }

    /**
     * Obligations of one department (for its own people and the authority); without a department, the whole
     * region for the authority and the caller's own department for everyone else.
     */
    List<Obligation> list(Actor actor, Long requestedDepartment, boolean openOnly) {
        Long departmentId = requestedDepartment == null && !CatalogAccess.isReviewer(actor, actor.regionId())
                ? Long.valueOf(actor.departmentId()) : requestedDepartment;
        String where;
        Object param;
        if (departmentId != null) {
            DepartmentInfo department = directory.department(departmentId)
                    .orElseThrow(() -> DomainException.notFound("department", departmentId));
            CatalogAccess.requireDepartmentReader(actor, departmentId, department.regionId());
            where = "o.department_id = ?";
            param = departmentId;
        } else {
            CatalogAccess.requireReviewer(actor, actor.regionId());
            where = "o.region_id = ?";
            param = actor.regionId();
        }
        return jdbc.sql(SELECT + " where " + where + (openOnly ? " and o.status <> 'FULFILLED'" : "")
                + " order by o.due_date nulls last, o.id").param(param).query(this::map).list();
    }

    /** Every open obligation of every region, for the deadline notices. */
    List<Obligation> openEverywhere() {
        return jdbc.sql(SELECT + " where o.status = 'OPEN' order by o.id").query(this::map).list();
    }

    Obligation get(long id) {
        return jdbc.sql(SELECT + " where o.id = ?").param(id).query(this::map).single();
    }

    /** A draft of the department's catalog was saved: starts the report period where the profile has one. */
    @Transactional(propagation = Propagation.MANDATORY)
    void updated(long departmentId, long entryId, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
        record Pending(long id, Integer reportWorkingDays) {
        }
        List<Pending> pending = jdbc.sql("""
                select id, report_working_days from catalog_obligation
                where department_id = ? and (entry_id is null or entry_id = ?) and status = 'OPEN' and updated_on is null
                    and recorded_at <= ?""")
                .params(departmentId, entryId, at)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getObject(2, Integer.class))).list();
        for (Pending obligation : pending) {
            Integer days = obligation.reportWorkingDays();
            jdbc.sql("update catalog_obligation set updated_on = ?, report_due_date = ? where id = ?")
                    .params(day, days == null ? null : calendar.dueAfter(day, days).due(), obligation.id()).update();
        }
    }

    /** A version was submitted for review: the update is made (and, under AB17, reported). */
    @Transactional(propagation = Propagation.MANDATORY)
    void submitted(long departmentId, long entryId, OffsetDateTime at) {
        updated(departmentId, entryId, at);
        jdbc.sql("""
                update catalog_obligation set status = 'SUBMITTED', submitted_at = ?
                where department_id = ? and (entry_id is null or entry_id = ?) and status = 'OPEN' and recorded_at <= ?""")
                .params(at, departmentId, entryId, at).update();
    }

    /** A version submitted after the trigger was published: the obligation is fulfilled. */
    @Transactional(propagation = Propagation.MANDATORY)
    void published(long departmentId, long entryId, int version, OffsetDateTime submittedAt, OffsetDateTime at) {
        jdbc.sql("""
                update catalog_obligation set status = 'FULFILLED', fulfilled_version = ?, fulfilled_at = ?,
                    entry_id = coalesce(entry_id, ?)
                where department_id = ? and (entry_id is null or entry_id = ?) and status = 'SUBMITTED'
                    and recorded_at <= ?""")
                .params(version, at, entryId, departmentId, entryId, submittedAt).update();
    }

    private static final String SELECT = """
            select o.*, e.resource_code from catalog_obligation o left join catalog_entry e on e.id = o.entry_id""";

    private Obligation map(ResultSet rs, int n) throws SQLException {
        LocalDate today = calendar.today();
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        LocalDate updatedOn = rs.getObject("updated_on", LocalDate.class);
        LocalDate reportDue = rs.getObject("report_due_date", LocalDate.class);
        Status status = Status.valueOf(rs.getString("status"));
        OffsetDateTime submittedAt = rs.getObject("submitted_at", OffsetDateTime.class);
        LocalDate submittedOn = submittedAt == null ? null
                : submittedAt.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
        boolean reportStep = rs.getObject("report_working_days", Integer.class) != null;
        // without a report step the due date is for the submission; with one, for the update, then the report
        LocalDate updateMadeOn = reportStep ? updatedOn : submittedOn;
        boolean overdue = status == Status.OPEN && ((due != null && updateMadeOn == null && today.isAfter(due))
                || (reportDue != null && today.isAfter(reportDue)));
        boolean late = (due != null && updateMadeOn != null && updateMadeOn.isAfter(due))
                || (reportDue != null && submittedOn != null && submittedOn.isAfter(reportDue));
        long departmentId = rs.getLong("department_id");
        return new Obligation(rs.getLong("id"), departmentId,
                directory.department(departmentId).map(DepartmentInfo::name).orElse(null),
                rs.getObject("entry_id", Long.class), rs.getString("resource_code"),
                Trigger.valueOf(rs.getString("trigger_kind")), rs.getObject("trigger_date", LocalDate.class),
                rs.getString("description"), due, updatedOn, reportDue, status, submittedAt,
                rs.getObject("fulfilled_version", Integer.class), rs.getObject("fulfilled_at", OffsetDateTime.class),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class), overdue, late);
    }
}
