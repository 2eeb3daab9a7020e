package cn.govdata.org;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.shared.SecuritySettings;

/**
 * The accounts side of identity (SEC-1) that the security module builds sessions on: checking a login
 * with lockout and second factor, the actor behind an account, and the owner's own password and TOTP.
 */
@Service
public class Accounts {

    /** The outcome of a successful credential check. */
    public record Authenticated(long userId, String username, boolean passwordChangeRequired) {
    }

    /** An account as its session sees it: the actor, and whether it must change its password first. */
    /**
     * The account behind a session.
     *
     * @param serviceUnit for a technical service unit's user (ORG-4), the unit's name; the audit names it on every
     *        entry of the session as acting for the data authority
     */
    public record AccountStatus(Actor actor, String displayName, String departmentName,
            boolean passwordChangeRequired, boolean totpEnabled, String serviceUnit)
            implements cn.govdata.audit.AuditActor.OnBehalf {

        @Override
        public String onBehalfOf() {
            return serviceUnit == null ? null : "代数据主管部门（技术服务单位：" + serviceUnit + "）";
        }
    }

    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    private static final String TOTP_ISSUER = "govdata";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final UnknownLogins unknownLogins;
    /** Compared against when the login is unknown, so that timing does not reveal which logins exist. */
    private final String decoyHash;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, SecuritySettings settings, AuditLog audit,
            UnknownLogins unknownLogins) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = new PasswordPolicy(settings);
        this.settings = settings;
        this.audit = audit;
        this.unknownLogins = unknownLogins;
        this.decoyHash = encoder.encode("decoy-password-for-unknown-logins");
    }

    private record Credentials(long id, String username, long departmentId, String passwordHash,
            OffsetDateTime passwordChangedAt, boolean mustChange, int failedLogins, OffsetDateTime lockedUntil,
            boolean enabled, String totpSecret, boolean totpEnabled) {
    }

    /**
     * Checks a login. Failures are audited and counted; after the configured number of consecutive
     * failures the account is locked for a while (等保: 登录失败处理). The counting must survive the
     * refusal, hence no rollback for domain exceptions.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public Authenticated authenticate(String username, String password, String totpCode, String clientAddress) {
        Optional<Credentials> found = credentials(username);
        if (found.isEmpty()) {
            throw refuseUnknown(username, password, clientAddress);
        }
        Credentials account = found.get();
        AuditActor who = new AuditActor(account.username(), account.departmentId(), clientAddress);
        OffsetDateTime now = Regions.now();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            audit.record(AuditEvent.failure(OrgAuditAction.LOGIN, "user", account.id(), "account locked"), who);
            throw locked(account.lockedUntil());
        }
        if (password == null || !encoder.matches(password, account.passwordHash())) {
            recordFailure(account, who, "wrong password");
            throw new DomainException(ProblemCode.BAD_CREDENTIALS);
        }
        if (!account.enabled()) {
            audit.record(AuditEvent.failure(OrgAuditAction.LOGIN, "user", account.id(), "account disabled"), who);
            throw new DomainException(ProblemCode.ACCOUNT_DISABLED);
        }
        if (account.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                throw new DomainException(ProblemCode.TOTP_REQUIRED);
            }
            if (!Totp.verify(account.totpSecret(), totpCode.trim(), Instant.now())) {
                recordFailure(account, who, "wrong second factor");
                throw new DomainException(ProblemCode.TOTP_INVALID);
            }
        }
        jdbc.sql("update user_account set failed_logins = 0, locked_until = null where id = ?").param(account.id())
                .update();
        audit.record(AuditEvent.success(OrgAuditAction.LOGIN, "user", account.id(), null), who);
        return new Authenticated(account.id(), account.username(), passwordChangeRequired(account));
    }

    /**
     * A login that is no account is answered exactly as an account's wrong password: the same hashing work (on a
     * decoy), the same count of failures, the same lock after as many and for as long.
     */
    private DomainException refuseUnknown(String username, String password, String clientAddress) {
        AuditActor who = new AuditActor(String.valueOf(username), null, clientAddress);
        Optional<OffsetDateTime> locked = unknownLogins.lockedUntil(username);
        if (locked.isPresent()) {
            audit.record(AuditEvent.failure(OrgAuditAction.LOGIN, "user", null, "unknown login, locked"), who);
            return locked(locked.get());
        }
        encoder.matches(password == null ? "" : password, decoyHash);
        Optional<OffsetDateTime> lockedNow = unknownLogins.recordFailure(username);
        audit.record(AuditEvent.failure(OrgAuditAction.LOGIN, "user", null,
                "unknown login" + lockedNow.map(until -> "; locked until " + until).orElse("")), who);
        return new DomainException(ProblemCode.BAD_CREDENTIALS);
    }

    private static DomainException locked(OffsetDateTime until) {
        return new DomainException(ProblemCode.ACCOUNT_LOCKED,
                until.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime().withNano(0));
    }

    private void recordFailure(Credentials account, AuditActor who, String reason) {
        int failures = account.failedLogins() + 1;
        OffsetDateTime lockedUntil = failures >= settings.maxFailedLogins()
                ? Regions.now().plusMinutes(settings.lockoutMinutes()) : null;
        jdbc.sql("update user_account set failed_logins = ?, locked_until = ? where id = ?")
                .params(lockedUntil == null ? failures : 0, lockedUntil, account.id()).update();
        audit.record(AuditEvent.failure(OrgAuditAction.LOGIN, "user", account.id(),
                reason + (lockedUntil == null ? "" : "; account locked until " + lockedUntil)), who);
    }

    /** The account behind a session, or empty when it no longer exists or is disabled. */
    public Optional<AccountStatus> status(long userId) {
        // one statement for the account and its roles (a row per role): it runs on every request of a user
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.department_id, u.enabled, u.must_change_password,
                       u.password_changed_at, u.totp_enabled, d.name as department_name, d.region_id, d.authority,
                       r.role
                from user_account u join department d on d.id = u.department_id
                left join user_role r on r.user_id = u.id
                where u.id = ?""")
                .param(userId)
                .query(rs -> {
                    if (!rs.next() || !rs.getBoolean("enabled")) {
                        return Optional.<AccountStatus>empty();
                    }
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    long id = rs.getLong("id");
                    String username = rs.getString("username");
                    long departmentId = rs.getLong("department_id");
                    long regionId = rs.getLong("region_id");
                    boolean authority = rs.getBoolean("authority");
                    String displayName = rs.getString("display_name");
                    String departmentName = rs.getString("department_name");
                    boolean change = rs.getBoolean("must_change_password")
                            || expired(rs.getObject("password_changed_at", OffsetDateTime.class));
                    boolean totp = rs.getBoolean("totp_enabled");
                    do {
                        String role = rs.getString("role");
                        if (role != null) {
                            roles.add(Role.valueOf(role));
                        }
                    } while (rs.next());
                    return Optional.of(new AccountStatus(new Actor(Actor.Kind.USER, id, username, departmentId, regionId,
                            authority, roles), displayName, departmentName, change, totp, null));
                }).map(this::withinServiceUnit);
    }

    /**
     * A technical service unit's user (ORG-4) keeps only the roles its unit's authorisation covers, and only for the
     * departments it names, between its dates and until it is revoked; outside that, none. Read on every request,
     * so that a revocation takes effect at once. The authorisations are kept by {@code org.serviceunit}.
     */
    private AccountStatus withinServiceUnit(AccountStatus status) {
        Actor actor = status.actor();
        record Authorisation(String name, String actions, java.time.LocalDate from, java.time.LocalDate until,
                boolean revoked, boolean coversDepartment) {
        }
        Optional<Authorisation> unit = jdbc.sql("""
                select u.name, u.actions, u.valid_from, u.valid_until, u.revoked_at is not null,
                    exists (select 1 from org_service_unit_department d where d.unit_id = u.id and d.department_id = ?)
                from org_service_unit_member m join org_service_unit u on u.id = m.unit_id where m.user_id = ?""")
                .params(actor.departmentId(), actor.id())
                .query((rs, n) -> new Authorisation(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
        if (unit.isEmpty()) {
            return status;
        }
        Authorisation a = unit.get();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        if (!a.revoked() && a.coversDepartment() && !today.isBefore(a.from()) && !today.isAfter(a.until())) {
            for (String action : a.actions().split(",")) {
                switch (action.strip()) {
                    case "CATALOG_EDIT" -> allowed.add(Role.CATALOG_EDITOR);
                    case "LAKE_UPLOAD" -> allowed.add(Role.DATA_PROVIDER);
                    default -> { }
                }
            }
        }
        allowed.retainAll(actor.roles());
        return new AccountStatus(new Actor(actor.kind(), actor.id(), actor.name(), actor.departmentId(),
                actor.regionId(), actor.authority(), allowed), status.displayName(), status.departmentName(),
                status.passwordChangeRequired(), status.totpEnabled(), a.name());
    }


    @Transactional
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        Credentials account = credentialsById(actor.id());
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            audit.record(AuditEvent.failure(OrgAuditAction.PASSWORD_CHANGE, "user", actor.id(), "wrong current password"));
            throw new DomainException(ProblemCode.WRONG_CURRENT_PASSWORD);
        }
        policy.check(newPassword, account.username());
        List<String> recent = jdbc.sql("""
                select password_hash from password_history where user_id = ? order by created_at desc, id desc
                fetch first ? rows only""")
                .params(actor.id(), Math.max(1, settings.passwordHistory())).query(String.class).list();
        for (String previous : recent) {
            if (encoder.matches(newPassword, previous)) {
                throw new DomainException(ProblemCode.PASSWORD_REUSED);
            }
        }
        String hash = encoder.encode(newPassword);
        jdbc.sql("update user_account set password_hash = ?, password_changed_at = ?, must_change_password = false where id = ?")
                .params(hash, Regions.now(), actor.id()).update();
        jdbc.sql("insert into password_history (user_id, password_hash, created_at) values (?, ?, ?)")
                .params(actor.id(), hash, Regions.now()).update();
        audit.record(AuditEvent.success(OrgAuditAction.PASSWORD_CHANGE, "user", actor.id(), null));
    }

    /** Starts TOTP enrolment: the secret is stored but only enforced once a code has been confirmed. */
    @Transactional
    public TotpEnrolment startTotp(Actor actor) {
        String secret = Totp.newSecret();
        jdbc.sql("update user_account set totp_secret = ?, totp_enabled = false where id = ?")
                .params(secret, actor.id()).update();
        audit.record(AuditEvent.success(OrgAuditAction.TOTP_SETUP, "user", actor.id(), null));
        return new TotpEnrolment(secret, Totp.uri(TOTP_ISSUER, actor.name(), secret));
    }

    @Transactional
    public void confirmTotp(Actor actor, String code) {
        Credentials account = credentialsById(actor.id());
        if (account.totpSecret() == null || !Totp.verify(account.totpSecret(), code, Instant.now())) {
            throw new DomainException(ProblemCode.TOTP_INVALID);
        }
        jdbc.sql("update user_account set totp_enabled = true where id = ?").param(actor.id()).update();
        audit.record(AuditEvent.success(OrgAuditAction.TOTP_ENABLE, "user", actor.id(), null));
    }

    private boolean expired(OffsetDateTime passwordChangedAt) {
        return settings.passwordMaxAgeDays() > 0 && passwordChangedAt != null && Duration
                .between(passwordChangedAt.toInstant(), Instant.now()).toDays() >= settings.passwordMaxAgeDays();
    }

    private boolean passwordChangeRequired(Credentials account) {
        return account.mustChange() || expired(account.passwordChangedAt());
    }

    private Optional<Credentials> credentials(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(CREDENTIALS + " where lower(username) = lower(?)").param(username.trim())
                .query(Accounts::mapCredentials).optional();
    }

    private Credentials credentialsById(long id) {
        return jdbc.sql(CREDENTIALS + " where id = ?").param(id).query(Accounts::mapCredentials).optional()
                .orElseThrow(() -> DomainException.notFound("user", id));
    }

    private static final String CREDENTIALS = """
            select id, username, department_id, password_hash, password_changed_at, must_change_password,
                   failed_logins, locked_until, enabled, totp_secret, totp_enabled
            from user_account""";

    private static Credentials mapCredentials(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Credentials(rs.getLong("id"), rs.getString("username"), rs.getLong("department_id"),
                rs.getString("password_hash"), rs.getObject("password_changed_at", OffsetDateTime.class),
                rs.getBoolean("must_change_password"), rs.getInt("failed_logins"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("enabled"),
                rs.getString("totp_secret"), rs.getBoolean("totp_enabled"));
    }
}
