package cn.govdata.org;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.PlainText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ReadThroughCache;
import cn.govdata.shared.Role;
import jakarta.validation.constraints.Size;

/**
 * The registry of departments' connected business systems (ORG-5, YT8 NX6 TJ22 FZ24). Each system gets
 * OAuth2 client credentials bound to its department; revoking them ends its access at once. The security
 * evaluation (等保测评) record is kept with the system. A system acts with one role: {@code DATA_USER} (a business
 * system, the default) or, in the data authority, {@code MONITORING} (reads the platform's metrics, no data).
 */
@Service
public class ConnectedSystems {

    enum Status { ACTIVE, REVOKED }

    record Evaluation(Integer level, @PlainText @Size(max = 200) String agency,
            @PlainText @Size(max = 100) String reportNumber, LocalDate evaluatedOn, LocalDate validUntil) {
    }

    record ConnectedSystem(long id, long departmentId, String name, String description, String clientId,
            Role role, Status status, Evaluation evaluation, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** @param role {@code DATA_USER} when null */
    record NewSystem(long departmentId, String name, String description, Role role, Evaluation evaluation) {
    }

    /** The roles a system may act with. */
    private static final Set<Role> SYSTEM_ROLES = Set.of(Role.DATA_USER, Role.MONITORING);

    /** Credentials as issued: the secret is shown this once and stored only as a hash. */
    record IssuedCredentials(ConnectedSystem system, String clientId, String clientSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Departments departments;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    /**
     * The actors of systems, asked for on every API request a system makes: dropped on every node when the
     * system is revoked, and after two seconds otherwise (a department's changed region, a drop a node did not
     * hear).
     */
    private final ReadThroughCache<Long, Optional<Actor>> actors;

    ConnectedSystems(JdbcClient jdbc, Departments departments, PasswordEncoder encoder, AuditLog audit,
            CacheDrops caches) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.encoder = encoder;
        this.audit = audit;
        this.actors = caches.cache("org.system-actors", Duration.ofSeconds(2), 10_000);
    }

    /**
     * Checks a client's credentials at the token endpoint and returns the system's actor. Connected
     * systems act for their department with their one role; grants narrow what a data user may reach.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public Optional<Actor> authenticate(String clientId, String clientSecret, String clientAddress) {
        Optional<Row> row = rowByClientId(clientId);
        if (row.isEmpty() || clientSecret == null || !encoder.matches(clientSecret, row.get().secretHash())) {
            audit.record(AuditEvent.failure(OrgAuditAction.CLIENT_CREDENTIALS, "system",
                    row.map(r -> r.system().id()).orElse(null), "bad client credentials"),
                    new AuditActor(String.valueOf(clientId), null, clientAddress));
            return Optional.empty();
        }
        ConnectedSystem system = row.get().system();
        if (system.status() != Status.ACTIVE) {
            audit.record(AuditEvent.failure(OrgAuditAction.CLIENT_CREDENTIALS, "system", system.id(), "revoked"),
                    new AuditActor(clientId, system.departmentId(), clientAddress));
            return Optional.empty();
        }
        audit.record(AuditEvent.success(OrgAuditAction.CLIENT_CREDENTIALS, "system", system.id(), null),
                new AuditActor(clientId, system.departmentId(), clientAddress));
        return actor(system.id());
    }

    /** The actor of an active system, or empty once it is revoked (at once on every node). */
    public Optional<Actor> actor(long systemId) {
        return actors.get(systemId, this::load);
    }

    private Optional<Actor> load(long systemId) {
        return jdbc.sql("""
                select s.id, s.client_id, s.department_id, s.role, s.status, d.region_id, d.authority
                from connected_system s join department d on d.id = s.department_id where s.id = ?""")
                .param(systemId)
                .query((rs, n) -> Status.valueOf(rs.getString("status")) != Status.ACTIVE ? null
                        : new Actor(Actor.Kind.SYSTEM, rs.getLong("id"), rs.getString("client_id"),
                                rs.getLong("department_id"), rs.getLong("region_id"), rs.getBoolean("authority"),
                                Set.of(Role.valueOf(rs.getString("role")))))
                .optional();
    }

    List<ConnectedSystem> list(Actor actor, Long departmentId) {
        if (departmentId == null) {
            if (OrgAccess.maySeeEveryDepartment(actor)) {
                return jdbc.sql(SELECT + " order by id").query(ConnectedSystems::map).list();
            }
            departmentId = actor.departmentId();
        }
        OrgAccess.require(OrgAccess.maySeeInside(actor, departmentId));
        return jdbc.sql(SELECT + " where department_id = ? order by id").param(departmentId).query(ConnectedSystems::map)
                .list();
    }

    ConnectedSystem get(Actor actor, long id) {
        return find(id).filter(s -> OrgAccess.maySeeInside(actor, s.departmentId()))
                .orElseThrow(() -> DomainException.notFound("system", id));
    }

    @Transactional
    IssuedCredentials register(Actor actor, NewSystem request) {
        Departments.Department department = departments.find(request.departmentId())
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_PARENT, "department " + request.departmentId()));
        OrgAccess.require(OrgAccess.mayManageSystemsOf(actor, request.departmentId()));
        Role role = request.role() == null ? Role.DATA_USER : request.role();
        if (!SYSTEM_ROLES.contains(role) || (role.isAuthorityOnly() && !department.authority())) {
            throw new DomainException(ProblemCode.ROLE_NOT_ALLOWED, role);
        }
        if (role == Role.MONITORING) {
            OrgAccess.require(OrgAccess.mayRegisterMonitoringSystem(actor));
        }
        Evaluation evaluation = request.evaluation() == null ? new Evaluation(null, null, null, null, null)
                : request.evaluation();
        String clientId = "sys-" + HexFormat.of().formatHex(random(8));
        String secret = HexFormat.of().formatHex(random(24));
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into connected_system (department_id, name, description, client_id, client_secret_hash, role,
                    status, mlps_level, evaluation_agency, evaluation_report, evaluated_on, evaluation_valid_until,
                    created_at)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)""")
                .params(request.departmentId(), request.name().trim(), request.description(), clientId,
                        encoder.encode(secret), role.name(), evaluation.level(), evaluation.agency(),
                        evaluation.reportNumber(), evaluation.evaluatedOn(), evaluation.validUntil(), Regions.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(OrgAuditAction.SYSTEM_REGISTER, "system", id,
                request.name().trim() + " " + clientId + (role == Role.DATA_USER ? "" : " role " + role)));
        return new IssuedCredentials(find(id).orElseThrow(), clientId, secret);
    }

    @Transactional
    IssuedCredentials rotateSecret(Actor actor, long id) {
        ConnectedSystem system = get(actor, id);
        OrgAccess.require(OrgAccess.mayManageSystemsOf(actor, system.departmentId()));
        if (system.status() != Status.ACTIVE) {
            throw new DomainException(ProblemCode.SYSTEM_REVOKED);
        }
        String secret = HexFormat.of().formatHex(random(24));
        jdbc.sql("update connected_system set client_secret_hash = ? where id = ?").params(encoder.encode(secret), id)
                .update();
        audit.record(AuditEvent.success(OrgAuditAction.SYSTEM_ROTATE_SECRET, "system", id, system.clientId()));
        return new IssuedCredentials(system, system.clientId(), secret);
    }

    @Transactional
    ConnectedSystem revoke(Actor actor, long id) {
        ConnectedSystem system = get(actor, id);
        OrgAccess.require(OrgAccess.mayRevokeSystem(actor, system.departmentId()));
        jdbc.sql("update connected_system set status = 'REVOKED', revoked_at = ? where id = ? and status = 'ACTIVE'")
                .params(Regions.now(), id).update();
        actors.forgetAfterCommit(id);
        audit.record(AuditEvent.success(OrgAuditAction.SYSTEM_REVOKE, "system", id, system.clientId()));
        return find(id).orElseThrow();
    }

    private Optional<ConnectedSystem> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ConnectedSystems::map).optional();
    }

    private record Row(ConnectedSystem system, String secretHash) {
    }

    private Optional<Row> rowByClientId(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where client_id = ?").param(clientId)
                .query((rs, n) -> new Row(map(rs, n), rs.getString("client_secret_hash"))).optional();
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static final String SELECT = """
            select id, department_id, name, description, client_id, client_secret_hash, role, status, mlps_level,
                   evaluation_agency, evaluation_report, evaluated_on, evaluation_valid_until, created_at, revoked_at
            from connected_system""";

    private static ConnectedSystem map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ConnectedSystem(rs.getLong("id"), rs.getLong("department_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("client_id"), Role.valueOf(rs.getString("role")),
                Status.valueOf(rs.getString("status")),
                new Evaluation(rs.getObject("mlps_level", Integer.class), rs.getString("evaluation_agency"),
                        rs.getString("evaluation_report"), rs.getObject("evaluated_on", LocalDate.class),
                        rs.getObject("evaluation_valid_until", LocalDate.class)),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
