package cn.govdata.security.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.security.SecurityAccess;
import cn.govdata.security.SecurityAuditAction;
import cn.govdata.security.assessment.AssessmentChecklist.Item;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * The departments' periodic security risk self-assessments (SEC-6; YT29, TJ20). Each year the authority's security
 * administrator opens one per department of the region, due on the year's last working day (per the working-day
 * calendar); the department's administrator answers every item of the checklist with evidence links and submits;
 * the security administrator accepts it or returns it with a comment. An assessment not submitted by its due date
 * is overdue, which the authority sees.
 */
@Service
class Assessments {

    enum Status { OPEN, SUBMITTED, RETURNED, ACCEPTED }

    /** How far an item is met; NOT_APPLICABLE needs a note saying why, the others evidence. */
    enum Answer { MET, PARTLY_MET, NOT_MET, NOT_APPLICABLE }

    record AnswerForm(Answer answer, String note, List<String> evidence) {
    }

    record Review(String outcome, String comment) {
    }

    record ItemAnswer(Item item, Answer answer, String note, List<String> evidence, String answeredBy,
            OffsetDateTime answeredAt) {
    }

    record Assessment(long id, long departmentId, String departmentName, int year, LocalDate dueOn, Status status,
            boolean overdue, String submittedBy, OffsetDateTime submittedAt, String reviewedBy,
            OffsetDateTime reviewedAt, String reviewComment, List<ItemAnswer> items) {
    }

    private static final int MAX_EVIDENCE = 10;

    private final JdbcClient jdbc;
    private final AssessmentChecklist checklist;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    Assessments(JdbcClient jdbc, AssessmentChecklist checklist, Directory directory, WorkingDayCalendar calendar,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.checklist = checklist;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Opens the year's assessment for every department of the region that has none yet; returns how many. */
    @Transactional
    int open(Actor actor, int year) {
        SecurityAccess.requireSecurityAdministrator(actor);
        int thisYear = calendar.today().getYear();
        if (year < thisYear - 1 || year > thisYear + 1) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("year"), (thisYear - 1) + "–" + (thisYear + 1));
        }
        LocalDate due = LocalDate.of(year, 12, 31);
        while (!calendar.isWorkingDay(due)) {
            due = due.minusDays(1);
        }
        int opened = 0;
        for (Directory.DepartmentInfo department : directory.departments(actor.regionId())) {
            if (department.authority()) {
                continue;  // the authority reviews; it does not assess itself here
            }
            opened += jdbc.sql("""
                    insert into security_assessment (region_id, department_id, assessment_year, due_on, status, opened_by,
                        opened_at)
                    select ?, ?, ?, ?, 'OPEN', ?, ? where not exists
                        (select 1 from security_assessment where department_id = ? and assessment_year = ?)""")
                    .params(actor.regionId(), department.id(), year, due, actor.name(), now(), department.id(), year)
                    .update();
        }
        audit.record(AuditEvent.success(SecurityAuditAction.ASSESSMENT_OPEN, "security-assessment", year,
                opened + " departments, due " + due));
        return opened;
    }

    @Transactional
    Assessment answer(Actor actor, long id, String itemCode, AnswerForm form) {
        Assessment assessment = get(actor, id);
        SecurityAccess.requireAnswersAssessment(actor, assessment.departmentId());
        requireStatus(assessment, "answer", Status.OPEN, Status.RETURNED);
        if (!checklist.has(itemCode)) {
            throw DomainException.notFound("checklist item", itemCode);
        }
        List<String> evidence = evidence(form);
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (note != null && note.length() > 2000) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, FieldName.of("note"), 2000);
        }
        if (form.answer() == Answer.NOT_APPLICABLE ? note == null : evidence.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED,
                    FieldName.of(form.answer() == Answer.NOT_APPLICABLE ? "note" : "evidence"));
        }
        jdbc.sql("delete from security_assessment_answer where assessment_id = ? and item_code = ?")
                .params(id, itemCode).update();
        jdbc.sql("""
                insert into security_assessment_answer (assessment_id, item_code, answer, note, evidence, answered_by,
                    answered_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, itemCode, form.answer().name(), note, evidence.isEmpty() ? null : String.join("\n", evidence),
                        actor.name(), now())
                .update();
        audit.record(AuditEvent.success(SecurityAuditAction.ASSESSMENT_ANSWER, "security-assessment", id,
                itemCode + " " + form.answer()));
        return get(actor, id);
    }

    @Transactional
    Assessment submit(Actor actor, long id) {
        Assessment assessment = get(actor, id);
        SecurityAccess.requireAnswersAssessment(actor, assessment.departmentId());
        requireStatus(assessment, "submit", Status.OPEN, Status.RETURNED);
        List<Violation> unanswered = assessment.items().stream().filter(item -> item.answer() == null)
                .map(item -> Violation.of("items." + item.item().code(), ProblemCode.FIELD_REQUIRED,
                        FieldName.of(item.item().code())))
                .toList();
        if (!unanswered.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION_FAILED, unanswered);
        }
        jdbc.sql("update security_assessment set status = 'SUBMITTED', submitted_by = ?, submitted_at = ? where id = ?")
                .params(actor.name(), now(), id).update();
        audit.record(AuditEvent.success(SecurityAuditAction.ASSESSMENT_SUBMIT, "security-assessment", id,
                "department " + assessment.departmentId() + " " + assessment.year()));
        return get(actor, id);
    }

    /** ACCEPT closes it; RETURN sends it back to the department with the comment, which is then required. */
    @Transactional
    Assessment review(Actor actor, long id, Review review) {
        Assessment assessment = get(actor, id);
        SecurityAccess.requireSecurityAdministrator(actor);
        requireStatus(assessment, "review", Status.SUBMITTED);
        String outcome = review == null || review.outcome() == null ? "" : review.outcome().strip();
        String comment = review == null || review.comment() == null || review.comment().isBlank() ? null
                : review.comment().strip();
        Status next = switch (outcome) {
            case "ACCEPT" -> Status.ACCEPTED;
            case "RETURN" -> Status.RETURNED;
            default -> throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("outcome"), "ACCEPT / RETURN");
        };
        if (next == Status.RETURNED && comment == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("comment"));
        }
        jdbc.sql("""
                update security_assessment set status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?
                where id = ? and status = 'SUBMITTED'""").params(next.name(), actor.name(), now(), comment, id).update();
        audit.record(AuditEvent.success(SecurityAuditAction.ASSESSMENT_REVIEW, "security-assessment", id,
                next + (comment == null ? "" : ": " + comment)));
        return get(actor, id);
    }

    /** The region's assessments of a year for the authority's administrator, the caller's own for a department. */
    List<Assessment> list(Actor actor, Integer year) {
        int of = year == null ? calendar.today().getYear() : year;
        boolean administrator = SecurityAccess.securityAdministratorOf(actor, actor.regionId());
        List<Long> ids = administrator
                ? jdbc.sql("select id from security_assessment where region_id = ? and assessment_year = ? order by id")
                        .params(actor.regionId(), of).query(Long.class).list()
                : jdbc.sql("select id from security_assessment where department_id = ? and assessment_year = ? order by id")
                        .params(actor.departmentId(), of).query(Long.class).list();
        return ids.stream().map(this::load).toList();
    }

    Assessment get(Actor actor, long id) {
        record Owner(long departmentId, long regionId) {
        }
        jdbc.sql("select department_id, region_id from security_assessment where id = ?").param(id)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2))).optional()
                .filter(o -> SecurityAccess.seesDepartment(actor, o.departmentId(), o.regionId()))
                .orElseThrow(() -> DomainException.notFound("assessment", id));
        return load(id);
    }

    // --- parts ----------------------------------------------------------------------------------------------

    private static List<String> evidence(AnswerForm form) {
        if (form == null || form.answer() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("answer"));
        }
        List<String> links = form.evidence() == null ? List.of()
                : form.evidence().stream().filter(link -> link != null && !link.isBlank()).map(String::strip).toList();
        if (links.size() > MAX_EVIDENCE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("evidence"), "≤ " + MAX_EVIDENCE);
        }
        for (String link : links) {
            if (!(link.startsWith("https://") || link.startsWith("http://") || link.startsWith("/")) || link.length() > 300) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("evidence"), "https://… or /…");
            }
        }
        return links;
    }

    private static void requireStatus(Assessment assessment, String what, Status... allowed) {
        if (!Arrays.asList(allowed).contains(assessment.status())) {
            throw new DomainException(ProblemCode.INVALID_STATE, assessment.status(), what);
        }
    }

    private Assessment load(long id) {
        record Stored(Answer answer, String note, String evidence, String by, OffsetDateTime at) {
        }
        Map<String, Stored> answers = jdbc.sql("select * from security_assessment_answer where assessment_id = ?")
                .param(id).query((rs, n) -> Map.entry(rs.getString("item_code"), new Stored(
                        Answer.valueOf(rs.getString("answer")), rs.getString("note"), rs.getString("evidence"),
                        rs.getString("answered_by"), rs.getObject("answered_at", OffsetDateTime.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ItemAnswer> items = new ArrayList<>();
        for (Item item : checklist.items()) {
            Stored stored = answers.get(item.code());
            items.add(stored == null ? new ItemAnswer(item, null, null, List.of(), null, null)
                    : new ItemAnswer(item, stored.answer(), stored.note(),
                            stored.evidence() == null ? List.of() : List.of(stored.evidence().split("\n")), stored.by(),
                            stored.at()));
        }
        LocalDate today = calendar.today();
        return jdbc.sql("select * from security_assessment where id = ?").param(id).query((rs, n) -> {
            Status status = Status.valueOf(rs.getString("status"));
            LocalDate due = rs.getObject("due_on", LocalDate.class);
            long department = rs.getLong("department_id");
            return new Assessment(id, department,
                    directory.department(department).map(Directory.DepartmentInfo::name).orElse(null),
                    rs.getInt("assessment_year"), due, status,
                    (status == Status.OPEN || status == Status.RETURNED) && today.isAfter(due),
                    rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                    rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
                    rs.getString("review_comment"), items);
        }).single();
    }
}
