package cn.govdata.org.cdo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.ChiefDataOfficers;
import cn.govdata.org.Directory;
import cn.govdata.org.OrgAuditAction;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * The chief data officer's working group (工作专班, ORG-3, TJ-CDO): beside the officer, each department's and the
 * region's members, each an existing enabled user of that department (of any department of the region for the
 * region's) with a role, appointed from a date and ended with a date and a reason; every term stays as history.
 * The same people appoint as for the officer. A department's appointment or end of term opens a filing to the
 * data authority.
 */
@Service
class WorkingGroup {

    /** One member's term in a role: serving while it has no {@code endedOn}. */
    record Member(long id, long regionId, Long departmentId, String office, long userId, String name,
            WorkingGroupRole role, String roleLabel, String roleEnglishLabel, LocalDate appointedOn, String duties,
            String appointedBy, OffsetDateTime appointedAt, LocalDate endedOn, String endReason, String endedBy,
            OffsetDateTime endedAt, boolean serving, List<AppointmentDocuments.Document> documents) {
    }

    /** An appointment: {@code departmentId} none for the region's working group. */
    record Appointment(Long departmentId, long userId, WorkingGroupRole role, LocalDate appointedOn, String duties) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ChiefDataOfficers officers;
    private final ChangeFilings filings;
    private final AppointmentDocuments documents;
    private final AuditLog audit;

    WorkingGroup(JdbcClient jdbc, Directory directory, ChiefDataOfficers officers, ChangeFilings filings,
            AppointmentDocuments documents, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.officers = officers;
        this.filings = filings;
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * The members the caller may see in their region: every department's for the authority's administrators and
     * officers, otherwise the region's and the caller's own department's; only those serving unless the history is
     * asked for.
     */
    List<Member> list(Actor actor, Long departmentId, boolean withHistory) {
        List<String> where = new ArrayList<>(List.of("m.region_id = ?"));
        List<Object> params = new ArrayList<>(List.of(actor.regionId()));
        if (departmentId != null) {
            directory.department(departmentId).filter(d -> d.regionId() == actor.regionId())
                    .orElseThrow(() -> DomainException.notFound("department", departmentId));
            CdoAccess.require(filings.sees(actor, actor.regionId(), departmentId));
            where.add("m.department_id = ?");
            params.add(departmentId);
        } else if (!CdoAccess.seesEveryDepartment(actor)) {
            where.add("(m.department_id is null or m.department_id = ?)");
            params.add(actor.departmentId());
        }
        if (!withHistory) {
            where.add("m.ended_on is null");
        }
        return jdbc.sql(SELECT + " where " + String.join(" and ", where)
                + " order by case when m.department_id is null then 0 else 1 end, d.name, m.ended_on desc nulls first,"
                + " m.role, m.appointed_on desc, m.id desc")
                .params(params).query(this::map).list();
    }

    @Transactional
    Member appoint(Actor actor, Appointment appointment) {
        long regionId = appointment.departmentId() == null ? actor.regionId()
                : directory.department(appointment.departmentId())
                        .orElseThrow(() -> DomainException.notFound("department", appointment.departmentId()))
                        .regionId();
        CdoAccess.require(officers.mayAppoint(actor, regionId, appointment.departmentId()));
        record User(long id, long departmentId, String displayName, String username, boolean enabled) {
        }
        User user = jdbc.sql("select id, department_id, display_name, username, enabled from user_account where id = ?")
                .param(appointment.userId()).query(User.class).optional().filter(User::enabled)
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("userId"),
                        appointment.userId()));
        boolean eligible = appointment.departmentId() == null
                ? directory.department(user.departmentId()).filter(d -> d.regionId() == regionId).isPresent()
                : user.departmentId() == appointment.departmentId();
        if (!eligible) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("userId"), appointment.userId());
        }
        boolean serving = jdbc.sql("""
                select count(*) from org_working_group_member
                where region_id = ? and coalesce(department_id, -1) = ? and user_id = ? and role = ?
                    and ended_on is null""")
                .params(regionId, appointment.departmentId() == null ? -1L : appointment.departmentId(), user.id(),
                        appointment.role().name())
                .query(Integer.class).single() > 0;
        if (serving) {
            throw new DomainException(ProblemCode.CONFLICT, "this user already serves in this role");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_working_group_member (region_id, department_id, user_id, role, appointed_on, duties,
                    appointed_by, appointed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(regionId, appointment.departmentId(), user.id(), appointment.role().name(),
                        appointment.appointedOn(), blankToNull(appointment.duties()), actor.name(), ChangeFilings.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        Member member = find(id);
        audit.record(AuditEvent.success(OrgAuditAction.WORKING_GROUP_APPOINT, "working-group-member", id,
                member.office() + ": " + user.username() + " as " + appointment.role() + " from "
                        + appointment.appointedOn()));
        if (appointment.departmentId() != null) {
            filings.open(regionId, appointment.departmentId(), FilingKind.MEMBER_APPOINTED, id,
                    "任命" + user.displayName() + "为" + appointment.role().label(), appointment.appointedOn());
        }
        return member;
    }

    /** Ends a member's term, with the day and the reason, by those who appoint to the office. */
    @Transactional
    Member end(Actor actor, long id, LocalDate endedOn, String reason) {
        Member member = visible(actor, id);
        CdoAccess.require(officers.mayAppoint(actor, member.regionId(), member.departmentId()));
        if (!member.serving()) {
            throw new DomainException(ProblemCode.CONFLICT, "this term has already ended");
        }
        if (endedOn.isBefore(member.appointedOn())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("endedOn"), endedOn);
        }
        int changed = jdbc.sql("""
                update org_working_group_member set ended_on = ?, end_reason = ?, ended_by = ?, ended_at = ?
                where id = ? and ended_on is null""")
                .params(endedOn, reason.strip(), actor.name(), ChangeFilings.now(), id).update();
        if (changed != 1) {
            throw new DomainException(ProblemCode.CONFLICT, "the term changed meanwhile");
        }
        audit.record(AuditEvent.success(OrgAuditAction.WORKING_GROUP_END, "working-group-member", id,
                member.office() + " " + member.role() + " ended " + endedOn));
        if (member.departmentId() != null) {
            filings.open(member.regionId(), member.departmentId(), FilingKind.MEMBER_ENDED, id,
                    member.roleLabel() + member.name() + "离任（" + reason.strip() + "）", endedOn);
        }
        return find(id);
    }

    /** A document of a member's appointment. */
    @Transactional
    AppointmentDocuments.Document addDocument(Actor actor, long id, MultipartFile file) {
        visible(actor, id);
        return documents.addToAppointment(actor, AppointmentDocuments.Owner.MEMBER, id, file);
    }

    private Member visible(Actor actor, long id) {
        Member member = find(id);
        boolean sees = member.regionId() == actor.regionId()
                && (member.departmentId() == null || filings.sees(actor, actor.regionId(), member.departmentId()));
        if (!sees) {
            throw DomainException.notFound("working-group-member", id);
        }
        return member;
    }

    private Member find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("working-group-member", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final String SELECT = """
            select m.*, d.name as department_name, r.name as region_name, u.display_name
            from org_working_group_member m join region r on r.id = m.region_id
            join user_account u on u.id = m.user_id left join department d on d.id = m.department_id""";

    private Member map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Long departmentId = rs.getObject("department_id", Long.class);
        WorkingGroupRole role = WorkingGroupRole.valueOf(rs.getString("role"));
        LocalDate endedOn = rs.getObject("ended_on", LocalDate.class);
        return new Member(id, rs.getLong("region_id"), departmentId,
                departmentId == null ? rs.getString("region_name") : rs.getString("department_name"),
                rs.getLong("user_id"), rs.getString("display_name"), role, role.label(), role.englishLabel(),
                rs.getObject("appointed_on", LocalDate.class), rs.getString("duties"), rs.getString("appointed_by"),
                rs.getObject("appointed_at", OffsetDateTime.class), endedOn, rs.getString("end_reason"),
                rs.getString("ended_by"), rs.getObject("ended_at", OffsetDateTime.class), endedOn == null,
                documents.of(AppointmentDocuments.Owner.MEMBER, id));
    }
}
