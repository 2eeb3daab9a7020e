package cn.govdata.supervise.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;
import cn.govdata.supervise.metric.Metric;
import cn.govdata.supervise.metric.Scorecard;
import cn.govdata.supervise.metric.Scorecards;
import cn.govdata.supervise.report.SelfReport.Figure;
import cn.govdata.supervise.report.SelfReport.Status;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The departments' yearly self-reports on a year (SUP-2, NX17, FZ27): prefilled with the department's figures of
 * the year from the metrics (never typed in), the department writes what it did, its problems and its plans, saves
 * drafts and submits once; then the report is read-only, unless the authority returns it with a reason. Due by the
 * date of the region's profile in the following year, where a text sets one.
 */
@Service
public class SelfReports {

    static final int MAX_SECTION = 8000;

    /** The sections the department writes; a null section is left as it was. */
    public record Sections(String workDone, String problems, String plans) {
    }

    private final JdbcClient jdbc;
    private final Scorecards scorecards;
    private final Directory directory;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final JsonMapper json;

    SelfReports(JdbcClient jdbc, Scorecards scorecards, Directory directory, ActivePolicy policy,
            WorkingDayCalendar calendar, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.directory = directory;
        this.policy = policy;
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
    }

    /**
     * The reports on a year: every department of the region for the authority's officers (those not started too,
     * so it sees who has not submitted), the caller's own department's for everyone else.
     */
    @Transactional
    public List<SelfReport> list(Actor actor, int year) {
        checkYear(year);
        List<SelfReport> reports = new ArrayList<>();
        if (SuperviseAccess.readsRegion(actor, actor.regionId())) {
            for (DepartmentInfo department : directory.departments(actor.regionId())) {
                if (!department.authority()) {
                    reports.add(view(department, year, false));
                }
            }
        } else {
            DepartmentInfo own = department(actor.departmentId());
            reports.add(view(own, year, false));
        }
        return reports;
    }

    /** One department's report on a year, prefilled while not started; its own people and the officers only. */
    @Transactional
    public SelfReport get(Actor actor, long departmentId, int year) {
        checkYear(year);
        DepartmentInfo department = department(departmentId);
        requireReader(actor, department);
        return view(department, year, true);
    }

    /** Saves the department's sections as a draft, the figures read again (they are kept only once submitted). */
    @Transactional
    public SelfReport save(Actor actor, long departmentId, int year, Sections sections) {
        checkYear(year);
        DepartmentInfo department = department(departmentId);
        requireReader(actor, department);
        SuperviseAccess.requireAnswerer(actor, departmentId);
        if (sections == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("workDone"));
        }
        String workDone = checked(sections.workDone(), "workDone");
        String problems = checked(sections.problems(), "problems");
        String plans = checked(sections.plans(), "plans");
        Optional<Stored> stored = stored(departmentId, year);
        stored.ifPresent(s -> requireEditable(s.status()));
        Scorecard card = card(department, year);
        String metrics = json.writeValueAsString(card == null ? Map.of() : card.metrics());
        if (stored.isEmpty()) {
            jdbc.sql("""
                    insert into supervise_self_report (region_id, department_id, report_year, status, score, grade_label,
                        method_version, metrics, work_done, problems, plans, due_on, updated_by, updated_at)
                    values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(department.regionId(), departmentId, year, card == null ? null : card.score(),
                            card == null ? null : card.gradeLabel(), card == null ? null : card.methodVersion(), metrics,
                            workDone, problems, plans, dueOn(year), actor.name(), now())
                    .update();
        } else {
            Stored s = stored.get();
            // a returned report stays returned (with the authority's reason) until submitted again
            jdbc.sql("""
                    update supervise_self_report set score = ?, grade_label = ?, method_version = ?, metrics = ?,
                        work_done = ?, problems = ?, plans = ?, due_on = ?, updated_by = ?, updated_at = ?
                    where id = ? and status <> 'SUBMITTED'""")
                    .params(card == null ? null : card.score(), card == null ? null : card.gradeLabel(),
                            card == null ? null : card.methodVersion(), metrics,
                            workDone == null ? s.workDone() : workDone, problems == null ? s.problems() : problems,
                            plans == null ? s.plans() : plans, dueOn(year), actor.name(), now(), s.id())
                    .update();
        }
        audit.record(AuditEvent.success(SuperviseAuditAction.SELF_REPORT_SAVE, "self-report", departmentId,
                department.name() + " " + year));
        return view(department, year, true);
    }

    /** Submits the report: every section written; from then on it is read-only and its figures are kept. */
    @Transactional
    public SelfReport submit(Actor actor, long departmentId, int year) {
        checkYear(year);
        DepartmentInfo department = department(departmentId);
        requireReader(actor, department);
        SuperviseAccess.requireAnswerer(actor, departmentId);
        Stored stored = stored(departmentId, year)
                .orElseThrow(() -> new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("workDone")));
        requireEditable(stored.status());
        List<String> missing = new ArrayList<>();
        if (blank(stored.workDone())) {
            missing.add("workDone");
        }
        if (blank(stored.problems())) {
            missing.add("problems");
        }
        if (blank(stored.plans())) {
            missing.add("plans");
        }
        if (!missing.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of(missing.getFirst()));
        }
        int changed = jdbc.sql("""
                update supervise_self_report set status = 'SUBMITTED', submitted_by = ?, submitted_at = ?
                where id = ? and status <> 'SUBMITTED'""").params(actor.name(), now(), stored.id()).update();
        if (changed != 1) {
            throw new DomainException(ProblemCode.CONFLICT, "the self-report was submitted already");
        }
        audit.record(AuditEvent.success(SuperviseAuditAction.SELF_REPORT_SUBMIT, "self-report", departmentId,
                department.name() + " " + year));
        return view(department, year, true);
    }

    /** The authority returns a submitted report to the department, with its reason; the department edits again. */
    @Transactional
    public SelfReport returnToDepartment(Actor actor, long departmentId, int year, String reason) {
        checkYear(year);
        DepartmentInfo department = department(departmentId);
        SuperviseAccess.requireOfficer(actor, department.regionId());
        String why = checked(reason, "reason");
        if (why == null || why.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("reason"));
        }
        if (why.length() > 2000) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("reason"), why.length());
        }
        Stored stored = stored(departmentId, year).filter(s -> s.status() == Status.SUBMITTED)
                .orElseThrow(() -> new DomainException(ProblemCode.CONFLICT, "only a submitted self-report is returned"));
        jdbc.sql("""
                update supervise_self_report set status = 'RETURNED', returned_by = ?, returned_at = ?, return_reason = ?
                where id = ? and status = 'SUBMITTED'""").params(actor.name(), now(), why, stored.id()).update();
        audit.record(AuditEvent.success(SuperviseAuditAction.SELF_REPORT_RETURN, "self-report", departmentId,
                department.name() + " " + year + ": " + why));
        return view(department, year, true);
    }

    /** The reports not submitted by their due date (for the workbench and the deadline notices), of every region. */
    List<SelfReport> unsubmitted(int year) {
        LocalDate due = dueOn(year);
        if (due == null) {
            return List.of();
        }
        List<SelfReport> reports = new ArrayList<>();
        for (Directory.RegionInfo region : directory.regions()) {
            for (DepartmentInfo department : directory.departments(region.id())) {
                if (!department.authority()) {
                    SelfReport report = view(department, year, false);
                    if (report.status() != Status.SUBMITTED) {
                        reports.add(report);
                    }
                }
            }
        }
        return reports;
    }

    /** The report a department is writing now: on the year before today's. */
    int currentYear() {
        return calendar.today().getYear() - 1;
    }

    /** The report to export, as a reader may see it, recorded in the audit log. */
    SelfReport forExport(Actor actor, long departmentId, int year, String format) {
        SelfReport report = get(actor, departmentId, year);
        audit.record(AuditEvent.success(SuperviseAuditAction.SELF_REPORT_DOWNLOAD, "self-report", departmentId,
                report.departmentName() + " " + year + " " + format));
        return report;
    }

    LocalDate dueOn(int year) {
        PolicyProfile.SelfReport rule = policy.profile().supervision().selfReport();
        return rule == null ? null : rule.dueFor(year);
    }

    private String dueBasis() {
        PolicyProfile.SelfReport rule = policy.profile().supervision().selfReport();
        return rule == null ? null : rule.basis();
    }

    private record Stored(long id, Status status, Double score, String gradeLabel, String methodVersion,
            String metrics, String workDone, String problems, String plans, String updatedBy, OffsetDateTime updatedAt,
            String submittedBy, OffsetDateTime submittedAt, String returnedBy, OffsetDateTime returnedAt,
            String returnReason) {
    }

    private Optional<Stored> stored(long departmentId, int year) {
        return jdbc.sql("select * from supervise_self_report where department_id = ? and report_year = ?")
                .params(departmentId, year).query(SelfReports::map).optional();
    }

    /**
     * The report as shown: the stored one, its figures as kept once submitted and as computed now before; or, not
     * started, the figures of the year (computed only where asked for one department, a list shows the status).
     */
    private SelfReport view(DepartmentInfo department, int year, boolean withFigures) {
        Optional<Stored> found = stored(department.id(), year);
        LocalDate due = dueOn(year);
        Status status = found.map(Stored::status).orElse(Status.NOT_STARTED);
        boolean overdue = status != Status.SUBMITTED && due != null && calendar.today().isAfter(due);
        Double score = null;
        String grade = null;
        String method = null;
        Map<String, Double> metrics = Map.of();
        if (found.isPresent() && (status == Status.SUBMITTED || !withFigures)) {
            Stored s = found.get();
            score = s.score();
            grade = s.gradeLabel();
            method = s.methodVersion();
            metrics = json.readValue(s.metrics(), new TypeReference<LinkedHashMap<String, Double>>() {
            });
        } else if (withFigures) {
            Scorecard card = card(department, year);
            if (card != null) {
                score = card.score();
                grade = card.gradeLabel();
                method = card.methodVersion();
                metrics = card.metrics();
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            figures.add(new Figure(metric.key(), metric.label(), metric.kind(), metrics.get(metric.key())));
        }
        Stored s = found.orElse(null);
        return new SelfReport(s == null ? null : s.id(), department.id(), department.name(), year, status,
                status.label(), score, grade, method, figures, s == null ? null : s.workDone(),
                s == null ? null : s.problems(), s == null ? null : s.plans(), due, due == null ? null : dueBasis(),
                overdue, s == null ? null : s.updatedBy(), s == null ? null : s.updatedAt(),
                s == null ? null : s.submittedBy(), s == null ? null : s.submittedAt(),
                s == null ? null : s.returnedBy(), s == null ? null : s.returnedAt(),
                s == null ? null : s.returnReason());
    }

    private Scorecard card(DepartmentInfo department, int year) {
        return scorecards.region(department.regionId(), year).stream()
                .filter(c -> c.departmentId() == department.id()).findFirst().orElse(null);
    }

    private DepartmentInfo department(long departmentId) {
        return directory.department(departmentId).orElseThrow(() -> DomainException.notFound("department",
                departmentId));
    }

    /** Another department's report is not found, not forbidden (its existence is not revealed). */
    private static void requireReader(Actor actor, DepartmentInfo department) {
        if (!SuperviseAccess.sees(actor, department.id(), department.regionId())) {
            throw DomainException.notFound("self-report", department.id());
        }
    }

    private static void requireEditable(Status status) {
        if (!status.editable()) {
            throw new DomainException(ProblemCode.CONFLICT, "the self-report was submitted and is read-only");
        }
    }

    /** A section as written, stripped; too long is refused, not cut. */
    private static String checked(String text, String field) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_SECTION) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), stripped.length());
        }
        return stripped;
    }

    /** Only a year that is over (or the current one, to start early) has a report. */
    private void checkYear(int year) {
        if (year < 2000 || year > calendar.today().getYear()) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("year"), year);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), Status.valueOf(rs.getString("status")),
                rs.getObject("score", Double.class), rs.getString("grade_label"), rs.getString("method_version"),
                rs.getString("metrics"), rs.getString("work_done"), rs.getString("problems"), rs.getString("plans"),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("returned_by"), rs.getObject("returned_at", OffsetDateTime.class),
                rs.getString("return_reason"));
    }
}
