package cn.govdata.org;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.shared.SecuritySettings;

/** User accounts (ORG-2): a login in one department with roles scoped to it. */
@Service
class UserAccounts {

    record User(long id, String username, String displayName, long departmentId, String departmentName,
            Set<Role> roles, boolean enabled, boolean locked, boolean totpEnabled) {
    }

    record NewUser(String username, String displayName, long departmentId, Set<Role> roles, String initialPassword) {
    }

    record UserChange(String displayName, Set<Role> roles, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final Departments departments;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    UserAccounts(JdbcClient jdbc, Departments departments, PasswordEncoder encoder, SecuritySettings settings,
            AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.encoder = encoder;
        this.policy = new PasswordPolicy(settings);
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    List<User> list(Actor actor, Long departmentId) {
        if (departmentId != null) {
            OrgAccess.require(OrgAccess.maySeeInside(actor, departmentId));
            return withRoles(jdbc.sql(SELECT + " where u.department_id = ? order by u.username").param(departmentId)
                    .query(UserAccounts::map).list());
        }
        if (OrgAccess.maySeeEveryDepartment(actor)) {
            return withRoles(jdbc.sql(SELECT + " order by u.department_id, u.username").query(UserAccounts::map).list());
        }
        return list(actor, actor.departmentId());
    }

    /** Another department's users are invisible: answered as not found, not as forbidden. */
    User get(Actor actor, long id) {
        return find(id).filter(u -> OrgAccess.maySeeUser(actor, u.id(), u.departmentId()))
                .orElseThrow(() -> DomainException.notFound("user", id));
    }

    /** The ids of a department's enabled users holding a role. */
    List<Long> enabledWithRole(long departmentId, Role role) {
        return jdbc.sql("""
                select u.id from user_account u join user_role r on r.user_id = u.id
                where u.department_id = ? and u.enabled and r.role = ? order by u.id""")
                .params(departmentId, role.name()).query(Long.class).list();
    }

    Optional<User> find(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserAccounts::map).optional()
                .map(u -> withRoles(List.of(u)).getFirst());
    }

    @Transactional
    User create(Actor actor, NewUser request) {
        Departments.Department department = departments.find(request.departmentId())
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_PARENT, "department " + request.departmentId()));
        OrgAccess.require(OrgAccess.mayManageUsersOf(actor, department.id()));
        String username = request.username().trim();
        checkRoles(actor, department, request.roles(), null);
        policy.check(request.initialPassword(), username);
        if (jdbc.sql("select count(*) from user_account where lower(username) = lower(?)").param(username)
                .query(Integer.class).single() > 0) {
            throw new DomainException(ProblemCode.DUPLICATE_LOGIN, username);
        }
        String hash = encoder.encode(request.initialPassword());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into user_account (username, display_name, department_id, password_hash, password_changed_at,
                    must_change_password, created_at)
                values (?, ?, ?, ?, ?, true, ?)""")
                .params(username, request.displayName().trim(), department.id(), hash, Regions.now(), Regions.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        jdbc.sql("insert into password_history (user_id, password_hash, created_at) values (?, ?, ?)")
                .params(id, hash, Regions.now()).update();
        replaceRoles(id, request.roles());
        audit.record(AuditEvent.success(OrgAuditAction.USER_CREATE, "user", id,
                username + " in department " + department.id() + " roles " + new TreeSet<>(request.roles())));
        return find(id).orElseThrow();
    }

    @Transactional
    User update(Actor actor, long id, UserChange change) {
        User user = get(actor, id);
        Departments.Department department = departments.get(user.departmentId());
        OrgAccess.require(OrgAccess.mayManageUsersOf(actor, department.id()));
        if (!change.roles().equals(user.roles())) {
            OrgAccess.require(OrgAccess.mayChangeRolesOf(actor, user.id()));
        }
        checkRoles(actor, department, change.roles(), user);
        jdbc.sql("update user_account set display_name = ?, enabled = ? where id = ?")
                .params(change.displayName().trim(), change.enabled(), id).update();
        replaceRoles(id, change.roles());
        if (!change.enabled()) {
            events.publishEvent(new UserSessionsEnded(id));
        }
        audit.record(AuditEvent.success(OrgAuditAction.USER_UPDATE, "user", id,
                "roles " + new TreeSet<>(change.roles()) + ", enabled " + change.enabled()));
        return find(id).orElseThrow();
    }

    @Transactional
    void unlock(Actor actor, long id) {
        User user = get(actor, id);
        requireSecures(actor, user);
        jdbc.sql("update user_account set failed_logins = 0, locked_until = null where id = ?").param(id).update();
        audit.record(AuditEvent.success(OrgAuditAction.USER_UNLOCK, "user", id, user.username()));
    }

    @Transactional
    void resetPassword(Actor actor, long id, String newPassword) {
        User user = get(actor, id);
        requireSecures(actor, user);
        policy.check(newPassword, user.username());
        String hash = encoder.encode(newPassword);
        jdbc.sql("""
                update user_account set password_hash = ?, password_changed_at = ?, must_change_password = true,
                    failed_logins = 0, locked_until = null where id = ?""")
                .params(hash, Regions.now(), id).update();
        jdbc.sql("insert into password_history (user_id, password_hash, created_at) values (?, ?, ?)")
                .params(id, hash, Regions.now()).update();
        events.publishEvent(new UserSessionsEnded(id));
        audit.record(AuditEvent.success(OrgAuditAction.USER_RESET_PASSWORD, "user", id, user.username()));
    }

    private static void requireSecures(Actor actor, User user) {
        OrgAccess.require(OrgAccess.maySecureAccount(actor, user.id(), user.departmentId(),
                user.roles().stream().anyMatch(Role::isSeparatedAdministrator)));
    }

    /**
     * Administrator roles only in the data authority, at most one of the three per account (三员分立), and
     * granted only by the authority's system administrator.
     */
    private void checkRoles(Actor actor, Departments.Department department, Set<Role> roles, User existing) {
        Set<Role> administrator = roles.stream().filter(Role::isSeparatedAdministrator)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (administrator.size() > 1) {
            throw new DomainException(ProblemCode.SEPARATION_OF_DUTIES);
        }
        Optional<Role> authorityOnly = roles.stream().filter(Role::isAuthorityOnly).findFirst();
        if (authorityOnly.isPresent() && !department.authority()) {
            throw new DomainException(ProblemCode.ROLE_NOT_ALLOWED, authorityOnly.get());
        }
        Set<Role> before = existing == null ? Set.of() : existing.roles();
        boolean changesAdministrators = !administrator.equals(before.stream().filter(Role::isSeparatedAdministrator)
                .collect(Collectors.toSet()));
        if (changesAdministrators) {
            OrgAccess.require(OrgAccess.mayAssignAdministratorRoles(actor));
        }
    }

    private void replaceRoles(long userId, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(userId).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(userId, role.name()).update();
        }
    }

    private List<User> withRoles(List<User> users) {
        if (users.isEmpty()) {
            return users;
        }
        Map<Long, Set<Role>> roles = new java.util.HashMap<>();
        jdbc.sql("select user_id, role from user_role where user_id in (:ids)")
                .param("ids", users.stream().map(User::id).toList()).query((rs, row) -> {
            roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
            return null;
        }).list();
        return users.stream()
                .map(u -> new User(u.id(), u.username(), u.displayName(), u.departmentId(), u.departmentName(),
                        roles.getOrDefault(u.id(), Set.of()), u.enabled(), u.locked(), u.totpEnabled()))
                .toList();
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.department_id, d.name as department_name, u.enabled,
                   u.locked_until, u.totp_enabled
            from user_account u join department d on d.id = u.department_id""";

    private static User map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("department_id"), rs.getString("department_name"), Set.of(), rs.getBoolean("enabled"),
                lockedUntil != null && lockedUntil.isAfter(Regions.now()), rs.getBoolean("totp_enabled"));
    }
}
