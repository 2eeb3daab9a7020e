package cn.govdata.org.cdo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.ChiefDataOfficers;
import cn.govdata.org.OrgAuditAction;
import cn.govdata.org.StaffChanged;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Filings to the data authority (ORG-2, ORG-3, TJ-CDO): every appointment, end of term and roster change of a
 * department opens one, due 5 working days after the change took effect by the platform's calendar; the
 * department's administrator reports it and the authority acknowledges it. The chief data officer's yearly summary
 * (年度工作总结) is a filing of the same kind, due 15 December, opened for each year a department's officer is in
 * office on or before that day and submitted by the officer. An unreported filing past its due date is what
 * supervision detects as a violation ({@link cn.govdata.org.OrgFacts#unreportedFilings}).
 */
@Service
class ChangeFilings {

    static final int WORKING_DAYS_TO_REPORT = 5;

    enum Status {
        OPEN("待报送", "Not reported"), REPORTED("已报送", "Reported"), ACKNOWLEDGED("已确认", "Acknowledged");

        private final String label;
        private final String englishLabel;

        Status(String label, String englishLabel) {
            this.label = label;
            this.englishLabel = englishLabel;
        }

        String label() {
            return label;
        }

        String englishLabel() {
            return englishLabel;
        }
    }

    /** A filing as the department and the authority see it; {@code workingDaysLeft} only while it is open. */
    record Filing(long id, long regionId, long departmentId, String departmentName, FilingKind kind, String kindLabel,
            String kindEnglishLabel, long subjectId, String subject, LocalDate effectiveOn, LocalDate dueOn,
            Integer workingDaysLeft, boolean overdue, Status status, String statusLabel, String statusEnglishLabel,
            String reportText, String reportedBy, OffsetDateTime reportedAt, String acknowledgedBy,
            OffsetDateTime acknowledgedAt, List<AppointmentDocuments.Document> documents) {
    }

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final ChiefDataOfficers officers;
    private final AppointmentDocuments documents;
    private final AuditLog audit;

    ChangeFilings(JdbcClient jdbc, WorkingDayCalendar calendar, ChiefDataOfficers officers,
            AppointmentDocuments documents, AuditLog audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.officers = officers;
        this.documents = documents;
        this.audit = audit;
    }

    /** Opens the filing of a change, once: the same change recorded again opens nothing new. */
    void open(long regionId, long departmentId, FilingKind kind, long subjectId, String subject,
            LocalDate effectiveOn) {
        LocalDate due = kind == FilingKind.YEARLY_SUMMARY ? summaryDueOn((int) subjectId)
                : calendar.dueAfter(effectiveOn, WORKING_DAYS_TO_REPORT).due();
        jdbc.sql("""
                insert into org_change_filing (region_id, department_id, kind, subject_id, subject, effective_on, due_on,
                    opened_at, status, filing_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""")
                .params(regionId, departmentId, kind.name(), subjectId, truncate(subject, 500), effectiveOn, due, now(),
                        kind.name() + ":" + departmentId + ":" + subjectId)
                .update();
    }

    /** A chief data officer appointed or ended, or a roster changed: in the transaction that records it. */
    @EventListener
    void on(StaffChanged change) {
        open(change.regionId(), change.departmentId(), FilingKind.valueOf(change.kind().name()), change.subjectId(),
                change.subject(), change.effectiveOn());
        if (change.kind() == StaffChanged.Kind.OFFICER_APPOINTED) {
            // the officer owes the summary of every year in office from the appointment on
            for (int year = change.effectiveOn().getYear(); year <= calendar.today().getYear(); year++) {
                if (!change.effectiveOn().isAfter(summaryDueOn(year))) {
                    openYearlySummary(change.regionId(), change.departmentId(), year);
                }
            }
        }
    }

    /**
     * This year's summaries of every department whose officer is in office by 15 December; idempotent, so every
     * node may run it.
     */
    @Scheduled(initialDelayString = "${govdata.org.yearly-summary-first-run:PT10M}",
            fixedDelayString = "${govdata.org.yearly-summary-interval:PT6H}")
    @Transactional
    void openThisYearsSummaries() {
        int year = calendar.today().getYear();
        jdbc.sql("""
                select region_id, department_id from org_chief_data_officer
                where department_id is not null and ended_on is null and appointed_on <= ?""")
                .param(summaryDueOn(year))
                .query((rs, n) -> new long[] { rs.getLong("region_id"), rs.getLong("department_id") }).list()
                .forEach(office -> openYearlySummary(office[0], office[1], year));
    }

    private void openYearlySummary(long regionId, long departmentId, int year) {
        open(regionId, departmentId, FilingKind.YEARLY_SUMMARY, year, year + "年度首席数据官工作总结",
                LocalDate.of(year, 1, 1));
    }

    static LocalDate summaryDueOn(int year) {
        return LocalDate.of(year, 12, 15);
    }

    /**
     * The filings of the caller's region the caller may see: every department's for the authority's officers and
     * administrators, otherwise the caller's own department's; optionally of one department and one status.
     */
    List<Filing> list(Actor actor, Long departmentId, Status status) {
        List<String> where = new ArrayList<>(List.of("f.region_id = ?"));
        List<Object> params = new ArrayList<>(List.of(actor.regionId()));
        Long department = departmentId;
        if (department == null && !CdoAccess.seesEveryDepartment(actor)) {
            department = actor.departmentId();
        }
        if (department != null) {
            CdoAccess.require(sees(actor, actor.regionId(), department));
            where.add("f.department_id = ?");
            params.add(department);
        }
        if (status != null) {
            where.add("f.status = ?");
            params.add(status.name());
        }
        return jdbc.sql(SELECT + " where " + String.join(" and ", where)
                + " order by case when f.status = 'OPEN' then 0 else 1 end, f.due_on, f.id")
                .params(params).query(this::map).list();
    }

    Filing get(Actor actor, long id) {
        Filing filing = find(id);
        if (!sees(actor, filing.regionId(), filing.departmentId())) {
            throw DomainException.notFound("filing", id);
        }
        return filing;
    }

    /**
     * Reports a filing to the authority: a change by the department's administrator, the yearly summary by the
     * department's chief data officer in office, with its text.
     */
    @Transactional
    Filing report(Actor actor, long id, String text) {
        Filing filing = get(actor, id);
        CdoAccess.require(mayReport(actor, filing));
        if (filing.kind() == FilingKind.YEARLY_SUMMARY && (text == null || text.isBlank())) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("text"));
        }
        int changed = jdbc.sql("""
                update org_change_filing set status = 'REPORTED', report_text = ?, reported_by = ?, reported_at = ?
                where id = ? and status = 'OPEN'""")
                .params(text == null || text.isBlank() ? null : text.strip(), actor.name(), now(), id).update();
        if (changed != 1) {
            throw new DomainException(ProblemCode.INVALID_STATE, filing.statusLabel(), "reported");
        }
        audit.record(AuditEvent.success(
                filing.kind() == FilingKind.YEARLY_SUMMARY ? OrgAuditAction.YEARLY_SUMMARY_SUBMIT
                        : OrgAuditAction.FILING_REPORT,
                "department", filing.departmentId(), filing.kind() + " " + filing.subjectId() + " (filing " + id + ")"));
        return find(id);
    }

    /** A document sent with a filing still open (the yearly summary's), by who reports it. */
    @Transactional
    AppointmentDocuments.Document addDocument(Actor actor, long id, MultipartFile file) {
        Filing filing = get(actor, id);
        CdoAccess.require(mayReport(actor, filing));
        if (filing.status() != Status.OPEN) {
            throw new DomainException(ProblemCode.INVALID_STATE, filing.statusLabel(), "given a document");
        }
        return documents.store(actor, AppointmentDocuments.Owner.FILING, id, file);
    }

    /** The data authority's officer acknowledges a reported filing. */
    @Transactional
    Filing acknowledge(Actor actor, long id) {
        Filing filing = get(actor, id);
        CdoAccess.require(CdoAccess.isAuthorityOfficer(actor, filing.regionId()));
        int changed = jdbc.sql("""
                update org_change_filing set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?
                where id = ? and status = 'REPORTED'""").params(actor.name(), now(), id).update();
        if (changed != 1) {
            throw new DomainException(ProblemCode.INVALID_STATE, filing.statusLabel(), "acknowledged");
        }
        audit.record(AuditEvent.success(OrgAuditAction.FILING_ACKNOWLEDGE, "department", filing.departmentId(),
                filing.kind() + " " + filing.subjectId() + " (filing " + id + ")"));
        return find(id);
    }

    /** Who reports a filing, or sends its document: the officer their summary, the administrator the rest. */
    boolean mayReport(Actor actor, Filing filing) {
        if (actor.kind() != Actor.Kind.USER || actor.departmentId() != filing.departmentId()) {
            return false;
        }
        if (filing.kind() == FilingKind.YEARLY_SUMMARY) {
            return officers.ofDepartment(filing.departmentId()).filter(user -> user == actor.id()).isPresent();
        }
        return actor.has(Role.DEPARTMENT_ADMIN);
    }

    /** Every open filing of every region, for the deadline notices and the workbench. */
    List<Filing> open() {
        return jdbc.sql(SELECT + " where f.status = 'OPEN' order by f.due_on, f.id").query(this::map).list();
    }

    /** The open filings of one department, for its workbench. */
    List<Filing> open(long departmentId) {
        return jdbc.sql(SELECT + " where f.status = 'OPEN' and f.department_id = ? order by f.due_on, f.id")
                .param(departmentId).query(this::map).list();
    }

    boolean sees(Actor actor, long regionId, long departmentId) {
        return actor.regionId() == regionId
                && (officers.maySeeInside(actor, departmentId) || CdoAccess.isAuthorityOfficer(actor, regionId));
    }

    private Filing find(long id) {
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("filing", id));
    }

    private static final String SELECT = """
            select f.*, d.name as department_name from org_change_filing f join department d on d.id = f.department_id""";

    private Filing map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        FilingKind kind = FilingKind.valueOf(rs.getString("kind"));
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        LocalDate today = calendar.today();
        boolean open = status == Status.OPEN;
        return new Filing(id, rs.getLong("region_id"), rs.getLong("department_id"), rs.getString("department_name"),
                kind, kind.label(), kind.englishLabel(), rs.getLong("subject_id"), rs.getString("subject"),
                rs.getObject("effective_on", LocalDate.class), due,
                open ? calendar.workingDaysBetween(today, due) : null, open && today.isAfter(due), status,
                status.label(), status.englishLabel(), rs.getString("report_text"), rs.getString("reported_by"),
                rs.getObject("reported_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
                rs.getObject("acknowledged_at", OffsetDateTime.class),
                documents.of(AppointmentDocuments.Owner.FILING, id));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
