package cn.govdata.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.NoticeRaised;

/**
 * Chief data officers (首席数据官, ORG-3, TJ-CDO): the region's (the government's) and each department's, each an
 * existing user, appointed on a date with their duties and contact. Appointing a successor ends the term of the one
 * in office that day, and a term can be ended without successor; every term stays as history. Other modules ask who
 * is in office, e.g. to send the chief data officer a department's correction orders.
 */
@Service
public class ChiefDataOfficers {

    /** One term of office: the officer in office has no {@code endedOn}. */
    record Term(long id, long regionId, Long departmentId, String office, long userId, String name,
            LocalDate appointedOn, String duties, String contact, String appointedBy, OffsetDateTime appointedAt,
            LocalDate endedOn, String endReason, String endedBy, OffsetDateTime endedAt, boolean inOffice) {
    }

    /** An appointment: {@code departmentId} none for the region's own chief data officer. */
    record Appointment(Long departmentId, long userId, LocalDate appointedOn, String duties, String contact) {
    }

    private final JdbcClient jdbc;
    private final Departments departments;
    private final Regions regions;
    private final UserAccounts users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ChiefDataOfficers(JdbcClient jdbc, Departments departments, Regions regions, UserAccounts users, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.regions = regions;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    /** The user who is the department's chief data officer today, if one is designated. */
    public Optional<Long> ofDepartment(long departmentId) {
        return jdbc.sql("select user_id from org_chief_data_officer where department_id = ? and ended_on is null")
                .param(departmentId).query(Long.class).optional();
    }

    /** The user who is the region's (the government's) chief data officer today, if one is designated. */
    public Optional<Long> ofRegion(long regionId) {
        return jdbc.sql("""
                select user_id from org_chief_data_officer
                where region_id = ? and department_id is null and ended_on is null""")
                .param(regionId).query(Long.class).optional();
    }

    /**
     * The terms the caller may see in their region: the region's chief data officer and every department's for the
     * authority's administrators, otherwise the region's and the caller's own department's; only those in office
     * unless the history is asked for.
     */
    List<Term> list(Actor actor, Long departmentId, boolean withHistory) {
        List<String> where = new ArrayList<>(List.of("c.region_id = ?"));
        List<Object> params = new ArrayList<>(List.of(actor.regionId()));
        if (departmentId != null) {
            Departments.Department department = departments.get(departmentId);
            OrgAccess.require(department.regionId() == actor.regionId()
                    && OrgAccess.maySeeInside(actor, departmentId));
            where.add("c.department_id = ?");
            params.add(departmentId);
        } else if (!OrgAccess.maySeeEveryDepartment(actor)) {
            where.add("(c.department_id is null or c.department_id = ?)");
            params.add(actor.departmentId());
        }
        if (!withHistory) {
            where.add("c.ended_on is null");
        }
        return jdbc.sql(SELECT + " where " + String.join(" and ", where)
                + " order by case when c.department_id is null then 0 else 1 end, d.name, c.appointed_on desc, c.id desc")
                .params(params).query(this::map).list();
    }

    /**
     * Appoints a chief data officer: the authority's system administrator for the region and for any department of
     * it, a department's administrator for their own department. The officer is an enabled user of that department
     * (of any department of the region for the region's). The one in office ends that day.
     */
    @Transactional
    Term appoint(Actor actor, Appointment appointment) {
        long regionId = appointment.departmentId() == null ? actor.regionId()
                : departments.get(appointment.departmentId()).regionId();
        regions.get(regionId);
        OrgAccess.require(OrgAccess.mayAppointChiefDataOfficer(actor, regionId, appointment.departmentId()));
        UserAccounts.User user = users.find(appointment.userId()).filter(UserAccounts.User::enabled)
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("userId"),
                        appointment.userId()));
        boolean eligible = appointment.departmentId() == null
                ? departments.get(user.departmentId()).regionId() == regionId
                : user.departmentId() == appointment.departmentId();
        if (!eligible) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("userId"), appointment.userId());
        }
        Optional<Term> current = inOffice(regionId, appointment.departmentId());
        if (current.isPresent()) {
            if (current.get().userId() == user.id()) {
                throw new DomainException(ProblemCode.CONFLICT, "this user is already the chief data officer");
            }
            if (appointment.appointedOn().isBefore(current.get().appointedOn())) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("appointedOn"),
                        appointment.appointedOn());
            }
            end(actor, current.get(), appointment.appointedOn(), "由" + user.displayName() + "接任");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into org_chief_data_officer (region_id, department_id, user_id, appointed_on, duties, contact,
                        appointed_by, appointed_at, office_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(regionId, appointment.departmentId(), user.id(), appointment.appointedOn(),
                            blankToNull(appointment.duties()), blankToNull(appointment.contact()), actor.name(),
                            Regions.now(), appointment.departmentId() == null ? "region:" + regionId
                                    : "department:" + appointment.departmentId())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // another appointment to the same office committed meanwhile
            throw new DomainException(ProblemCode.CONFLICT, "the office was filled meanwhile");
        }
        long id = keys.getKeyAs(Long.class);
        Term term = find(id);
        audit.record(AuditEvent.success(OrgAuditAction.CHIEF_DATA_OFFICER_APPOINT, "chief-data-officer", id,
                term.office() + ": " + user.username() + " from " + appointment.appointedOn()));
        events.publishEvent(new NoticeRaised("cdo-appointed:" + id, "cdo.appointed",
                "您已被任命为" + term.office() + "首席数据官",
                "自" + appointment.appointedOn() + "起任职。您将收到本单位的整改通知、通报和年度报告。",
                "/chief-data-officers", appointment.departmentId(), List.of(Addressee.user(user.id()))));
        if (term.departmentId() != null) {
            events.publishEvent(new StaffChanged(regionId, term.departmentId(), StaffChanged.Kind.OFFICER_APPOINTED,
                    id, "任命" + user.displayName() + "为首席数据官", appointment.appointedOn()));
        }
        return term;
    }

    /** Ends a term without a successor (removal, 免职), by those who may appoint to the office. */
    @Transactional
    Term end(Actor actor, long id, LocalDate endedOn, String reason) {
        Term term = visible(actor, id);
        OrgAccess.require(OrgAccess.mayAppointChiefDataOfficer(actor, term.regionId(), term.departmentId()));
        if (!term.inOffice()) {
            throw new DomainException(ProblemCode.CONFLICT, "this term has already ended");
        }
        if (endedOn.isBefore(term.appointedOn())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("endedOn"), endedOn);
        }
        end(actor, term, endedOn, reason.strip());
        if (term.departmentId() != null) {
            events.publishEvent(new StaffChanged(term.regionId(), term.departmentId(),
                    StaffChanged.Kind.OFFICER_ENDED, id, "首席数据官" + term.name() + "离任（" + reason.strip() + "）",
                    endedOn));
        }
        return find(id);
    }

    /**
     * Whether the actor appoints and removes in the office of a region ({@code departmentId} none) or department:
     * the same rule for the officer, the working group and their filings.
     */
    public boolean mayAppoint(Actor actor, long regionId, Long departmentId) {
        return OrgAccess.mayAppointChiefDataOfficer(actor, regionId, departmentId);
    }

    /** Whether the actor sees inside a department (its officer, working group, documents and filings). */
    public boolean maySeeInside(Actor actor, long departmentId) {
        return OrgAccess.maySeeInside(actor, departmentId);
    }

    private void end(Actor actor, Term term, LocalDate endedOn, String reason) {
        int changed = jdbc.sql("""
                update org_chief_data_officer set ended_on = ?, end_reason = ?, ended_by = ?, ended_at = ?,
                    office_key = null
                where id = ? and ended_on is null""")
                .params(endedOn, reason, actor.name(), Regions.now(), term.id()).update();
        if (changed != 1) {
            throw new DomainException(ProblemCode.CONFLICT, "the term changed meanwhile");
        }
        audit.record(AuditEvent.success(OrgAuditAction.CHIEF_DATA_OFFICER_END, "chief-data-officer", term.id(),
                term.office() + " ended " + endedOn));
    }

    private Term visible(Actor actor, long id) {
        Term term = find(id);
        boolean sees = term.regionId() == actor.regionId()
                && (term.departmentId() == null || OrgAccess.maySeeInside(actor, term.departmentId()));
        if (!sees) {
            throw DomainException.notFound("chief-data-officer", id);
        }
        return term;
    }

    private Optional<Term> inOffice(long regionId, Long departmentId) {
        if (departmentId == null) {
            return jdbc.sql(SELECT + " where c.region_id = ? and c.department_id is null and c.ended_on is null")
                    .param(regionId).query(this::map).optional();
        }
        return jdbc.sql(SELECT + " where c.department_id = ? and c.ended_on is null").param(departmentId)
                .query(this::map).optional();
    }

    private Term find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("chief-data-officer", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final String SELECT = """
            select c.*, d.name as department_name, r.name as region_name, u.display_name
            from org_chief_data_officer c join region r on r.id = c.region_id
            join user_account u on u.id = c.user_id left join department d on d.id = c.department_id""";

    private Term map(ResultSet rs, int row) throws SQLException {
        Long departmentId = rs.getObject("department_id", Long.class);
        String office = departmentId == null ? rs.getString("region_name") : rs.getString("department_name");
        LocalDate endedOn = rs.getObject("ended_on", LocalDate.class);
        return new Term(rs.getLong("id"), rs.getLong("region_id"), departmentId, office, rs.getLong("user_id"),
                rs.getString("display_name"), rs.getObject("appointed_on", LocalDate.class), rs.getString("duties"),
                rs.getString("contact"), rs.getString("appointed_by"),
                rs.getObject("appointed_at", OffsetDateTime.class), endedOn, rs.getString("end_reason"),
                rs.getString("ended_by"), rs.getObject("ended_at", OffsetDateTime.class), endedOn == null);
    }
}
