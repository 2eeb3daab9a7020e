package cn.govdata.supervise.violation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.org.OrgFacts;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.ShareFacts;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.NoticeRaised;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;

/**
 * Violations and their correction orders (SUP-3): detection over the modules' facts, idempotent (one violation
 * per subject and missed due date); the authority issues a correction order (整改通知) with a due date in working
 * days, the department answers what it did, the authority re-checks (the rule must no longer fire) and closes,
 * or escalates to a notice (通报) when the order ran out or the re-check still fires.
 */
@Service
public class Violations {

    private final JdbcClient jdbc;
    private final CatalogFacts catalog;
    private final LakeFacts lake;
    private final ShareFacts share;
    private final Directory directory;
    private final OrgFacts org;
    private final WorkingDayCalendar calendar;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final ViolationRules rules;
    private final ApplicationEventPublisher events;

    Violations(JdbcClient jdbc, CatalogFacts catalog, LakeFacts lake, ShareFacts share, Directory directory,
            OrgFacts org, WorkingDayCalendar calendar, ActivePolicy policy, AuditLog audit, ApplicationEventPublisher events,
            @Value("${govdata.supervise.repeated-collection-working-days:20}") int repeatedCollectionWorkingDays) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.lake = lake;
        this.share = share;
        this.directory = directory;
        this.org = org;
        this.calendar = calendar;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.rules = new ViolationRules(repeatedCollectionWorkingDays,
                (day, workingDays) -> calendar.dueAfter(day, workingDays).due());
    }

    /** What the modules recorded for a region, as of today. */
    public RegionFacts facts(long regionId) {
        LocalDate today = calendar.today();
        return new RegionFacts(regionId, today, catalog.obligations(regionId, today), lake.datasets(regionId, today),
                share.applications(regionId), share.objections(regionId), lake.repeatedCollections(regionId),
                lake.discrepancies(regionId), org.unreportedFilings(regionId));
    }

    /** Detection now, on demand (an officer or the authority's connected system), for the caller's region. */
    @Transactional
    public DetectionReport detect(Actor actor) {
        SuperviseAccess.requireDetector(actor);
        DetectionReport report = run(actor.regionId());
        audit.record(AuditEvent.success(SuperviseAuditAction.DETECT, "region", actor.regionId(), summary(report)));
        return report;
    }

    /** Detection by the platform's schedule. */
    @Transactional
    public DetectionReport detectScheduled(long regionId) {
        DetectionReport report = run(regionId);
        if (report.opened() + report.resolved() > 0) {
            audit.record(AuditEvent.success(SuperviseAuditAction.DETECT, "region", regionId, summary(report)),
                    AuditActor.PLATFORM);
        }
        return report;
    }

    private DetectionReport run(long regionId) {
        RegionFacts facts = facts(regionId);
        List<Detection> detections = rules.detect(facts);
        OffsetDateTime now = now();
        int opened = 0;
        for (Detection d : detections) {
            // on conflict: another run recorded it in the meantime; the same violation is never recorded twice
            opened += jdbc.sql("""
                    insert into supervise_violation (region_id, department_id, type, subject_key, subject_id, subject,
                        missed_due_on, detected_on, detected_at, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DETECTED') on conflict do nothing""")
                    .params(regionId, d.departmentId(), d.type().name(), d.subjectKey(), d.subjectId(),
                            truncate(d.subject(), 500), d.missedDueOn(), facts.today(), now)
                    .update();
        }
        Set<String> firing = detections.stream().map(d -> d.type() + ":" + d.subjectId() + ":" + d.departmentId())
                .collect(Collectors.toSet());
        int resolved = 0;
        for (ViolationView v : jdbc.sql(SELECT + " where region_id = ? and status = 'DETECTED'").param(regionId)
                .query(this::map).list()) {
            if (!firing.contains(v.type() + ":" + v.subjectId() + ":" + v.departmentId())) {
                resolved += jdbc.sql("""
                        update supervise_violation set status = 'RESOLVED', rechecked_at = ?, recheck_fires = false
                        where id = ? and status = 'DETECTED'""").params(now, v.id()).update();
            }
        }
        events.publishEvent(new DetectionRan(regionId));
        return new DetectionReport(facts.today(), opened, detections.size() - opened, resolved);
    }

    /**
     * The region's violations for the authority (optionally of one department); the caller's own department's
     * for everyone else.
     */
    public List<ViolationView> list(Actor actor, Long departmentId, ViolationStatus status, Integer year) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("region_id = ?");
        params.add(actor.regionId());
        Long department = departmentId;
        if (department == null && !SuperviseAccess.readsRegion(actor, actor.regionId())) {
            department = actor.departmentId();
        }
        if (department != null) {
            long id = department;
            DepartmentInfo info = directory.department(id).orElseThrow(() -> DomainException.notFound("department", id));
            SuperviseAccess.requireSees(actor, id, info.regionId());
            where.add("department_id = ?");
            params.add(id);
        }
        if (status != null) {
            where.add("status = ?");
            params.add(status.name());
        }
        if (year != null) {
            where.add("detected_on between ? and ?");
            params.add(LocalDate.of(year, 1, 1));
            params.add(LocalDate.of(year, 12, 31));
        }
        return jdbc.sql(SELECT + " where " + String.join(" and ", where) + " order by detected_on desc, id desc")
                .params(params).query(this::map).list();
    }

    /** Every violation of a region detected in a year, for the metrics and the report. */
    public List<ViolationView> inRegion(long regionId, int year) {
        return inRegion(regionId, year, null);
    }

    /** The violations of some departments of a region (all when null) detected in a year. */
    public List<ViolationView> inRegion(long regionId, int year, java.util.Collection<Long> departments) {
        String among = departments == null ? "" : " and department_id in (" + (departments.isEmpty() ? "null"
                : departments.stream().map(String::valueOf).collect(Collectors.joining(", "))) + ")";
        return jdbc.sql(SELECT + " where region_id = ? and detected_on between ? and ?" + among + " order by id")
                .params(regionId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(this::map).list();
    }

    /** The departments of a region with a violation detected after {@code since}. */
    public Set<Long> departmentsDetectedSince(long regionId, OffsetDateTime since) {
        return Set.copyOf(jdbc.sql("select distinct department_id from supervise_violation where region_id = ? and detected_at > ?")
                .params(regionId, since).query(Long.class).list());
    }

    /** Every correction order of every region waiting for the department's answer, for the deadline notices. */
    List<ViolationView> ordersAwaitingAnswer() {
        return jdbc.sql(SELECT + " where status = 'ORDERED' and due_on is not null order by id").query(this::map)
                .list();
    }

    public ViolationView get(Actor actor, long id) {
        ViolationView violation = find(id);
        if (!SuperviseAccess.sees(actor, violation.departmentId(), violation.regionId())) {
            throw DomainException.notFound("violation", id);
        }
        return violation;
    }

    /** The authority orders the department to correct it, by a due date in working days (the profile's period). */
    @Transactional
    public ViolationView issueOrder(Actor actor, long id, String note) {
        ViolationView violation = get(actor, id);
        SuperviseAccess.requireOfficer(actor, violation.regionId());
        requireStatus(violation, "issued an order", ViolationStatus.DETECTED);
        int workingDays = policy.profile().supervision().orderWorkingDays();
        LocalDate due = calendar.dueAfter(calendar.today(), workingDays).due();
        String text = note == null || note.isBlank()
                ? "请于" + due + "前完成整改并反馈整改情况（" + violation.typeLabel() + "）。" : note.strip();
        change(id, ViolationStatus.DETECTED, """
                update supervise_violation set status = 'ORDERED', order_issued_by = ?, order_issued_at = ?,
                    order_text = ?, due_on = ? where id = ? and status = ?""",
                actor.name(), now(), truncate(text, 2000), due, id);
        audit.record(AuditEvent.success(SuperviseAuditAction.ORDER_ISSUE, "violation", id,
                violation.departmentName() + " " + violation.type() + " due " + due));
        // the department's administrators answer it; its chief data officer follows its orders (ORG-3)
        events.publishEvent(new NoticeRaised("violation-ordered:" + id, "supervise.order",
                "整改通知：" + violation.typeLabel() + "，请于" + due + "前反馈", truncate(text, 1000),
                "/supervise/violations", violation.departmentId(),
                List.of(Addressee.role(violation.departmentId(), Role.DEPARTMENT_ADMIN),
                        Addressee.chiefDataOfficerOf(violation.departmentId()))));
        return find(id);
    }

    /** The department answers what it did to correct the violation. */
    @Transactional
    public ViolationView answer(Actor actor, long id, String description) {
        ViolationView violation = get(actor, id);
        SuperviseAccess.requireAnswerer(actor, violation.departmentId());
        if (description == null || description.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("description"));
        }
        requireStatus(violation, "answered", ViolationStatus.ORDERED);
        change(id, ViolationStatus.ORDERED, """
                update supervise_violation set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ?
                where id = ? and status = ?""", truncate(description.strip(), 4000), actor.name(), now(), id);
        audit.record(AuditEvent.success(SuperviseAuditAction.ORDER_ANSWER, "violation", id, violation.type().name()));
        return find(id);
    }

    /**
     * The authority re-checks: when the rule no longer fires for the subject the violation is closed; when it
     * still fires an answered order goes back to the department (its due date unchanged).
     */
    @Transactional
    public ViolationView recheck(Actor actor, long id) {
        ViolationView violation = get(actor, id);
        long regionId = violation.regionId();
        SuperviseAccess.requireOfficer(actor, regionId);
        requireStatus(violation, "re-checked", ViolationStatus.ORDERED, ViolationStatus.ANSWERED);
        boolean fires = rules.stillFires(facts(regionId), violation.type(), violation.subjectId(),
                violation.departmentId());
        OffsetDateTime now = now();
        if (fires) {
            change(id, violation.status(), """
                    update supervise_violation set status = 'ORDERED', rechecked_at = ?, recheck_fires = true
                    where id = ? and status = ?""", now, id);
            audit.record(AuditEvent.success(SuperviseAuditAction.RECHECK, "violation", id, "still fires"));
        } else {
            change(id, violation.status(), """
                    update supervise_violation set status = 'CLOSED', rechecked_at = ?, recheck_fires = false,
                        closed_by = ?, closed_at = ? where id = ? and status = ?""", now, actor.name(), now, id);
            audit.record(AuditEvent.success(SuperviseAuditAction.CLOSE, "violation", id, "corrected"));
        }
        return find(id);
    }

    /** A notice (通报) when the order ran out unanswered or the re-check still found the violation. */
    @Transactional
    public ViolationView escalate(Actor actor, long id, String note) {
        ViolationView violation = get(actor, id);
        SuperviseAccess.requireOfficer(actor, violation.regionId());
        requireStatus(violation, "escalated", ViolationStatus.ORDERED, ViolationStatus.ANSWERED);
        boolean lapsed = violation.dueOn() != null && calendar.today().isAfter(violation.dueOn());
        if (!lapsed && !Boolean.TRUE.equals(violation.recheckFires())) {
            throw new DomainException(ProblemCode.INVALID_STATE, violation.statusLabel(),
                    "escalated before its order ran out or a re-check found it still there");
        }
        if (note == null || note.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("note"));
        }
        change(id, violation.status(), """
                update supervise_violation set status = 'ESCALATED', notice_text = ?, escalated_by = ?,
                    escalated_at = ? where id = ? and status = ?""", truncate(note.strip(), 2000), actor.name(),
                now(), id);
        audit.record(AuditEvent.success(SuperviseAuditAction.ESCALATE, "violation", id,
                violation.departmentName() + " " + violation.type()));
        // a notice (通报) goes up to the region's chief data officer, and to the department's
        events.publishEvent(new NoticeRaised("violation-escalated:" + id, "supervise.escalation",
                "通报：" + violation.departmentName() + "未按期整改（" + violation.typeLabel() + "）",
                truncate(note.strip(), 1000), "/supervise/violations", violation.departmentId(),
                List.of(Addressee.regionChiefDataOfficer(violation.regionId()),
                        Addressee.chiefDataOfficerOf(violation.departmentId()),
                        Addressee.role(violation.departmentId(), Role.DEPARTMENT_ADMIN))));
        return find(id);
    }

    private void change(long id, ViolationStatus from, String sql, Object... params) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = from.name();
        if (jdbc.sql(sql).params(all).update() != 1) {
            throw new DomainException(ProblemCode.INVALID_STATE, from.label(), "changed (it changed meanwhile)");
        }
    }

    private static void requireStatus(ViolationView violation, String action, ViolationStatus... allowed) {
        if (!List.of(allowed).contains(violation.status())) {
            throw new DomainException(ProblemCode.INVALID_STATE, violation.statusLabel(), action);
        }
    }

    private ViolationView find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("violation", id));
    }

    private static String summary(DetectionReport report) {
        return report.opened() + " opened, " + report.stillOpen() + " already recorded, " + report.resolved()
                + " resolved";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static final String SELECT = "select * from supervise_violation";

    private ViolationView map(ResultSet rs, int n) throws SQLException {
        ViolationType type = ViolationType.valueOf(rs.getString("type"));
        ViolationStatus status = ViolationStatus.valueOf(rs.getString("status"));
        long departmentId = rs.getLong("department_id");
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        Integer left = due != null && (status == ViolationStatus.ORDERED || status == ViolationStatus.ANSWERED)
                ? calendar.workingDaysBetween(calendar.today(), due) : null;
        return new ViolationView(rs.getLong("id"), type, type.label(), rs.getLong("region_id"), departmentId,
                directory.department(departmentId).map(DepartmentInfo::name).orElse(null), rs.getLong("subject_id"),
                rs.getString("subject"), rs.getObject("missed_due_on", LocalDate.class),
                rs.getObject("detected_on", LocalDate.class), status, status.label(), rs.getString("order_text"),
                rs.getString("order_issued_by"), rs.getObject("order_issued_at", OffsetDateTime.class), due, left,
                rs.getString("answer"), rs.getString("answered_by"), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("rechecked_at", OffsetDateTime.class), rs.getObject("recheck_fires", Boolean.class),
                rs.getString("closed_by"), rs.getObject("closed_at", OffsetDateTime.class), rs.getString("notice_text"),
                rs.getString("escalated_by"), rs.getObject("escalated_at", OffsetDateTime.class));
    }
}
