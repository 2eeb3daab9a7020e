package cn.govdata.supervise.assessor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;

/**
 * Third-party assessors' access (SUP-5, AB42 TJ25): the data authority's officers grant a user holding the assessor
 * role, in a department of the region other than the authority (the assessing firm), read access to the region's
 * supervision data from one Beijing date to another, and may revoke it. An assessor's supervision request is let
 * through only on a day inside a grant that is not revoked.
 */
@Service
class AssessorAccess {

    static final int MAX_DAYS = 366;

    record Grant(long id, long regionId, long userId, long departmentId, String departmentName, LocalDate validFrom,
            LocalDate validUntil, String note, String grantedBy, OffsetDateTime grantedAt, String revokedBy,
            OffsetDateTime revokedAt, boolean activeToday) {
    }

    record GrantRequest(Long userId, Long departmentId, LocalDate validFrom, LocalDate validUntil, String note) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    AssessorAccess(JdbcClient jdbc, Directory directory, WorkingDayCalendar calendar, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    Grant grant(Actor actor, GrantRequest request) {
        SuperviseAccess.requireOfficer(actor, actor.regionId());
        if (request == null || request.userId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("userId"));
        }
        if (request.departmentId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("departmentId"));
        }
        if (request.validFrom() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("validFrom"));
        }
        if (request.validUntil() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("validUntil"));
        }
        if (request.validUntil().isBefore(request.validFrom())
                || request.validFrom().plusDays(MAX_DAYS).isBefore(request.validUntil())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("validUntil"), request.validUntil());
        }
        String note = request.note() == null ? null : request.note().strip();
        if (note != null && note.length() > 500) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("note"), note.length());
        }
        long departmentId = request.departmentId();
        DepartmentInfo department = directory.department(departmentId)
                .filter(d -> d.regionId() == actor.regionId())
                .orElseThrow(() -> DomainException.notFound("department", departmentId));
        // an assessor is outside the authority: an authority account would read what the authority reads
        if (department.authority()) {
            throw new DomainException(ProblemCode.CONFLICT, "an assessor does not belong to the data authority");
        }
        if (!directory.usersWithRole(departmentId, Role.ASSESSOR).contains(request.userId())) {
            throw new DomainException(ProblemCode.CONFLICT, "the user is not an enabled assessor of the department");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervise_assessor (region_id, user_id, department_id, valid_from, valid_until, note,
                    granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.regionId(), request.userId(), departmentId, request.validFrom(), request.validUntil(),
                        note, actor.name(), now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(SuperviseAuditAction.ASSESSOR_GRANT, "assessor-access", id,
                "user " + request.userId() + " of " + department.name() + " " + request.validFrom() + ".."
                        + request.validUntil()));
        return find(id);
    }

    @Transactional
    Grant revoke(Actor actor, long id) {
        Grant grant = find(id);
        if (grant.regionId() != actor.regionId()) {
            throw DomainException.notFound("assessor-access", id);
        }
        SuperviseAccess.requireOfficer(actor, grant.regionId());
        if (jdbc.sql("update supervise_assessor set revoked_by = ?, revoked_at = ? where id = ? and revoked_at is null")
                .params(actor.name(), now(), id).update() == 0) {
            throw new DomainException(ProblemCode.CONFLICT, "the access was revoked already");
        }
        audit.record(AuditEvent.success(SuperviseAuditAction.ASSESSOR_REVOKE, "assessor-access", id,
                "user " + grant.userId()));
        return find(id);
    }

    /** The region's grants, newest first: the authority's officers only. */
    List<Grant> list(Actor actor) {
        SuperviseAccess.requireOfficer(actor, actor.regionId());
        return jdbc.sql("select * from supervise_assessor where region_id = ? order by id desc")
                .param(actor.regionId()).query((rs, n) -> map(rs)).list();
    }

    /** Whether the assessor may read today: a grant of the assessor's region covering today, not revoked. */
    boolean activeToday(Actor actor) {
        return jdbc.sql("""
                select count(*) from supervise_assessor
                where user_id = ? and region_id = ? and revoked_at is null and valid_from <= ? and valid_until >= ?""")
                .params(actor.id(), actor.regionId(), calendar.today(), calendar.today()).query(Long.class)
                .single() > 0;
    }

    private Grant find(long id) {
        return jdbc.sql("select * from supervise_assessor where id = ?").param(id).query((rs, n) -> map(rs))
                .optional().orElseThrow(() -> DomainException.notFound("assessor-access", id));
    }

    private Grant map(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate from = rs.getObject("valid_from", LocalDate.class);
        LocalDate until = rs.getObject("valid_until", LocalDate.class);
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        LocalDate today = calendar.today();
        long departmentId = rs.getLong("department_id");
        return new Grant(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("user_id"), departmentId,
                directory.department(departmentId).map(DepartmentInfo::name).orElse(null), from, until,
                rs.getString("note"), rs.getString("granted_by"), rs.getObject("granted_at", OffsetDateTime.class),
                rs.getString("revoked_by"), revokedAt,
                revokedAt == null && !today.isBefore(from) && !today.isAfter(until));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
