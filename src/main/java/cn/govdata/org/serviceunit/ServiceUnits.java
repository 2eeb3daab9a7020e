package cn.govdata.org.serviceunit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.CreditCode;
import cn.govdata.org.Directory;
import cn.govdata.org.OrgAuditAction;
import cn.govdata.org.serviceunit.ServiceUnit.Action;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Technical service units (ORG-4, FZ5 TJ26): the region's data authority (its system administrator) authorises a
 * company, with a credit code, to do some actions for some departments over a period, links the accounts of those
 * departments that its staff use, and revokes it. What the linked accounts may do is narrowed on every request
 * where the account is read ({@code Accounts.status}): outside the scope, the period or after revocation they keep
 * no role.
 */
@Service
public class ServiceUnits {

    /** What the authority records. */
    public record Authorisation(String name, String creditCode, List<Action> actions, List<Long> departmentIds,
            LocalDate validFrom, LocalDate validUntil) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;

    ServiceUnits(JdbcClient jdbc, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public ServiceUnit authorise(Actor actor, Authorisation request) {
        requireAuthorityAdmin(actor);
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("serviceUnit.name"));
        }
        if (request.name().strip().length() > 200) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("serviceUnit.name"), "≤ 200");
        }
        CreditCode code = CreditCode.of(request.creditCode());
        if (request.actions() == null || request.actions().isEmpty() || request.actions().contains(null)) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("serviceUnit.actions"));
        }
        if (request.departmentIds() == null || request.departmentIds().isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("serviceUnit.departmentIds"));
        }
        for (Long departmentId : request.departmentIds()) {
            boolean inRegion = departmentId != null && directory.department(departmentId)
                    .filter(d -> d.regionId() == actor.regionId()).isPresent();
            if (!inRegion) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("serviceUnit.departmentIds"),
                        String.valueOf(departmentId));
            }
        }
        if (request.validFrom() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("serviceUnit.validFrom"));
        }
        if (request.validUntil() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("serviceUnit.validUntil"));
        }
        if (request.validUntil().isBefore(request.validFrom())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("serviceUnit.validUntil"),
                    "≥ " + request.validFrom());
        }
        Set<Action> actions = new LinkedHashSet<>(request.actions());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_service_unit (region_id, name, credit_code, actions, valid_from, valid_until,
                    created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.regionId(), request.name().strip(), code.value(),
                        String.join(",", actions.stream().map(Action::name).toList()), request.validFrom(),
                        request.validUntil(), actor.name(), now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (long departmentId : new LinkedHashSet<>(request.departmentIds())) {
            jdbc.sql("insert into org_service_unit_department (unit_id, department_id) values (?, ?)")
                    .params(id, departmentId).update();
        }
        audit.record(AuditEvent.success(OrgAuditAction.SERVICE_UNIT_AUTHORISE, "service-unit", id,
                request.name().strip() + " " + code + " " + actions + " departments " + request.departmentIds() + " "
                        + request.validFrom() + ".." + request.validUntil()));
        return find(id);
    }

    /** Links an account of one of the unit's departments to the unit: from now on it acts only within the scope. */
    @Transactional
    public ServiceUnit link(Actor actor, long unitId, Long userId) {
        ServiceUnit unit = get(actor, unitId);
        requireAuthorityAdmin(actor);
        if (userId == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("serviceUnit.userId"));
        }
        Long departmentId = jdbc.sql("select department_id from user_account where id = ?").param(userId)
                .query(Long.class).optional().orElseThrow(() -> DomainException.notFound("user", userId));
        if (!unit.departmentIds().contains(departmentId)) {
            throw new DomainException(ProblemCode.CONFLICT, new LocalizedText("该账号不属于服务单位授权范围内的部门",
                    "the account does not belong to a department the unit is authorised for"));
        }
        if (unit.revokedAt() != null) {
            throw new DomainException(ProblemCode.CONFLICT, new LocalizedText("授权已撤销", "the authorisation is revoked"));
        }
        int moved = jdbc.sql("update org_service_unit_member set unit_id = ? where user_id = ?").params(unitId, userId)
                .update();
        if (moved == 0) {
            jdbc.sql("insert into org_service_unit_member (user_id, unit_id) values (?, ?)").params(userId, unitId)
                    .update();
        }
        audit.record(AuditEvent.success(OrgAuditAction.SERVICE_UNIT_MEMBER, "service-unit", unitId,
                "user " + userId + " of " + unit.name()));
        return find(unitId);
    }

    /** Revokes the authorisation: its users keep no role from the next request on. */
    @Transactional
    public ServiceUnit revoke(Actor actor, long unitId) {
        ServiceUnit unit = get(actor, unitId);
        requireAuthorityAdmin(actor);
        if (unit.revokedAt() != null) {
            return unit;
        }
        jdbc.sql("update org_service_unit set revoked_at = ?, revoked_by = ? where id = ?")
                .params(now(), actor.name(), unitId).update();
        audit.record(AuditEvent.success(OrgAuditAction.SERVICE_UNIT_REVOKE, "service-unit", unitId, unit.name()));
        return find(unitId);
    }

    /** The region's units: the authority's people. */
    public List<ServiceUnit> list(Actor actor) {
        requireAuthority(actor);
        return jdbc.sql(SELECT + " where region_id = ? order by id desc").param(actor.regionId()).query(this::map)
                .list();
    }

    public ServiceUnit get(Actor actor, long id) {
        requireAuthority(actor);
        ServiceUnit unit = jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("service unit", id));
        if (unit.regionId() != actor.regionId()) {
            throw DomainException.notFound("service unit", id);
        }
        return unit;
    }

    private static void requireAuthority(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.authority()) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private static void requireAuthorityAdmin(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.authority() || !actor.has(Role.SYSTEM_ADMIN)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    private ServiceUnit find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).single();
    }

    private static final String SELECT = """
            select id, region_id, name, credit_code, actions, valid_from, valid_until, revoked_at, revoked_by,
                created_by, created_at from org_service_unit""";

    private ServiceUnit map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        LocalDate from = rs.getObject("valid_from", LocalDate.class);
        LocalDate until = rs.getObject("valid_until", LocalDate.class);
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Long> departments = jdbc.sql("select department_id from org_service_unit_department where unit_id = ? "
                + "order by department_id").param(id).query(Long.class).list();
        List<Long> members = jdbc.sql("select user_id from org_service_unit_member where unit_id = ? order by user_id")
                .param(id).query(Long.class).list();
        return new ServiceUnit(id, rs.getLong("region_id"), rs.getString("name"), rs.getString("credit_code"),
                Arrays.stream(rs.getString("actions").split(",")).map(Action::valueOf).toList(), departments, from,
                until, revokedAt == null && !today.isBefore(from) && !today.isAfter(until), revokedAt,
                rs.getString("revoked_by"), members, rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
