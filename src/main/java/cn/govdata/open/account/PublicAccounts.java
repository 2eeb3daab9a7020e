package cn.govdata.open.account;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.org.CreditCode;
import cn.govdata.security.PublicSessions;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.PasswordRules;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.SecuritySettings;
import cn.govdata.shared.TextMasking;

/**
 * Public accounts (公众账号): registration with a code sent to the holder's mobile or e-mail, login with lockout
 * as for officials (the same password rules, failures and lock period), the holder's own profile, password and
 * deletion. Registration and login from one address are limited ({@link AddressLimits}): too many codes is a 429,
 * too many failures asks for a challenge first.
 *
 * <p>Refusals keep what they counted (a wrong code's try, a failed login, a used challenge): no rollback for them.
 */
@Service
public class PublicAccounts {

    /** A public account as its holder sees it. */
    public record Profile(long id, PublicAccountKind kind, String name, String creditCode, MessageChannel contactChannel,
            String contact, boolean notifyByMessage, OffsetDateTime createdAt) {
    }

    /** A requester as the officials who answer a demand request see them: who, not how to reach them. */
    public record Requester(long id, PublicAccountKind kind, String name) {
    }

    /** What registration asks besides the code. */
    record Registration(PublicAccountKind kind, String name, String creditCode, String password,
            boolean notifyByMessage) {
    }

    /** Where a challenge, when asked for, is answered. */
    record ChallengeAnswer(String challengeId, String answer) {
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordRules passwordRules;
    private final SecuritySettings security;
    private final VerificationCodes codes;
    private final Challenges challenges;
    private final AddressLimits limits;
    private final PublicSessions sessions;
    private final AuditLog audit;
    /** Compared against when the login is unknown, so that timing does not tell which logins exist. */
    private final String decoyHash;

    PublicAccounts(JdbcClient jdbc, PasswordEncoder encoder, SecuritySettings security, VerificationCodes codes,
            Challenges challenges, AddressLimits limits, PublicSessions sessions, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.passwordRules = new PasswordRules(security);
        this.security = security;
        this.codes = codes;
        this.challenges = challenges;
        this.limits = limits;
        this.sessions = sessions;
        this.audit = audit;
        this.decoyHash = encoder.encode("decoy-password-for-unknown-public-logins");
    }

    /** Sends a registration code to a contact, within the address's and the contact's limits. */
    @Transactional(noRollbackFor = DomainException.class)
    public VerificationCodes.Sent sendRegistrationCode(MessageChannel channel, String address, ChallengeAnswer challenge,
            String clientAddress, Locale locale) {
        passGate(clientAddress, challenge);
        Contact contact = Contact.of(channel, address);
        limits.takeCodeSend(clientAddress).ifPresent(wait -> {
            audit.record(AuditEvent.failure(OpenAuditAction.CODE_SEND, "contact", null, "too many codes from address"),
                    new AuditActor("anonymous", null, clientAddress));
            throw new TooManyRequests(wait);
        });
        VerificationCodes.Sent sent = codes.send(VerificationCodes.Purpose.REGISTRATION, contact, clientAddress, locale);
        audit.record(AuditEvent.success(OpenAuditAction.CODE_SEND, "contact", null, channel + " " + contact.masked()),
                new AuditActor("anonymous", null, clientAddress));
        return sent;
    }

    /** Registers an account for the contact the code was sent to. */
    @Transactional(noRollbackFor = DomainException.class)
    public Profile register(String codeId, String code, Registration registration, ChallengeAnswer challenge,
            String clientAddress) {
        passGate(clientAddress, challenge);
        PublicAccountKind kind = registration.kind();
        if (kind == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.kind"));
        }
        String name = FreeText.required(registration.name(), 100, "name");
        String creditCode = creditCode(kind, registration.creditCode());
        passwordRules.check(registration.password(), null);
        Contact contact;
        try {
            contact = codes.verify(codeId, code, VerificationCodes.Purpose.REGISTRATION);
        } catch (DomainException wrong) {
            limits.recordFailure(clientAddress);
            audit.record(AuditEvent.failure(OpenAuditAction.ACCOUNT_REGISTER, "public-account", null,
                    wrong.code().name()), new AuditActor("anonymous", null, clientAddress));
            throw wrong;
        }
        if (kind == PublicAccountKind.CITIZEN && contact.channel() != MessageChannel.SMS) {
            throw new DomainException(ProblemCode.PUBLIC_ACCOUNT_INVALID, Labels.label("account.rule.citizen-mobile"));
        }
        passwordRules.check(registration.password(), contact.address());
        if (jdbc.sql("select count(*) from public_account where login = ?").param(contact.address()).query(Long.class)
                .single() > 0) {
            // told only now, to the one who proved they receive the contact's messages: no one else learns it
            throw new DomainException(ProblemCode.PUBLIC_ACCOUNT_EXISTS);
        }
        OffsetDateTime now = now();
        try {
            jdbc.sql("""
                    insert into public_account (kind, name, credit_code, contact_channel, login, password_hash,
                        notify_by_message, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(kind.name(), name, creditCode, contact.channel().name(), contact.address(),
                            encoder.encode(registration.password()), registration.notifyByMessage(), now, now)
                    .update();
        } catch (DuplicateKeyException registeredMeanwhile) {
            throw new DomainException(ProblemCode.PUBLIC_ACCOUNT_EXISTS);
        }
        long id = accountId(contact.address());
        audit.record(AuditEvent.success(OpenAuditAction.ACCOUNT_REGISTER, "public-account", id, kind.name()),
                new AuditActor(actorName(id), null, clientAddress));
        return profile(id);
    }

    /** Checks a login with lockout as for officials, and starts a session. */
    @Transactional(noRollbackFor = DomainException.class)
    public PublicSessions.Session login(String typedLogin, String password, ChallengeAnswer challenge,
            String clientAddress) {
        passGate(clientAddress, challenge);
        String login = Contact.login(typedLogin);
        record Credentials(long id, String hash, int failures, OffsetDateTime lockedUntil) {
        }
        Credentials account = jdbc.sql("select id, password_hash, failed_logins, locked_until from public_account where login = ?")
                .param(login)
                .query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional().orElse(null);
        if (account == null) {
            encoder.matches(password == null ? "" : password, decoyHash);
            limits.recordFailure(clientAddress);
            audit.record(AuditEvent.failure(OpenAuditAction.LOGIN, "public-account", null,
                    "unknown login " + TextMasking.masked(login)),
                    new AuditActor("anonymous", null, clientAddress));
            throw new DomainException(ProblemCode.BAD_CREDENTIALS);
        }
        AuditActor who = new AuditActor(actorName(account.id()), null, clientAddress);
        OffsetDateTime now = now();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            audit.record(AuditEvent.failure(OpenAuditAction.LOGIN, "public-account", account.id(), "account locked"),
                    who);
            throw new DomainException(ProblemCode.ACCOUNT_LOCKED,
                    account.lockedUntil().atZoneSameInstant(BEIJING).toLocalTime().withNano(0));
        }
        if (password == null || !encoder.matches(password, account.hash())) {
            limits.recordFailure(clientAddress);
            int failures = account.failures() + 1;
            OffsetDateTime lockedUntil = failures >= security.maxFailedLogins()
                    ? now.plusMinutes(security.lockoutMinutes()) : null;
            jdbc.sql("update public_account set failed_logins = ?, locked_until = ? where id = ?")
                    .params(lockedUntil == null ? failures : 0, lockedUntil, account.id()).update();
            audit.record(AuditEvent.failure(OpenAuditAction.LOGIN, "public-account", account.id(),
                    "wrong password" + (lockedUntil == null ? "" : "; account locked until " + lockedUntil)), who);
            throw new DomainException(ProblemCode.BAD_CREDENTIALS);
        }
        jdbc.sql("update public_account set failed_logins = 0, locked_until = null where id = ?").param(account.id())
                .update();
        audit.record(AuditEvent.success(OpenAuditAction.LOGIN, "public-account", account.id(), null), who);
        return sessions.start(account.id());
    }

    public void logout(long accountId, String clientAddress) {
        sessions.endCurrent();
        audit.record(AuditEvent.success(OpenAuditAction.LOGOUT, "public-account", accountId, null),
                new AuditActor(actorName(accountId), null, clientAddress));
    }

    public Profile profile(long accountId) {
        return jdbc.sql("""
                select id, kind, name, credit_code, contact_channel, login, notify_by_message, created_at
                from public_account where id = ?""")
                .param(accountId)
                .query((rs, n) -> new Profile(rs.getLong(1), PublicAccountKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), MessageChannel.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .optional().orElseThrow(() -> DomainException.notFound("public-account", accountId));
    }

    /** The requester behind a demand request, if the account still exists. */
    public Optional<Requester> requester(long accountId) {
        return jdbc.sql("select id, kind, name from public_account where id = ?").param(accountId)
                .query((rs, n) -> new Requester(rs.getLong(1), PublicAccountKind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .optional();
    }

    /** Changes the name, the credit code (organisations) and the consent to notices by message. */
    @Transactional
    public Profile update(long accountId, String name, String creditCode, boolean notifyByMessage,
            String clientAddress) {
        Profile current = profile(accountId);
        String newName = FreeText.required(name, 100, "name");
        String newCode = creditCode(current.kind(), creditCode);
        jdbc.sql("update public_account set name = ?, credit_code = ?, notify_by_message = ?, updated_at = ? where id = ?")
                .params(newName, newCode, notifyByMessage, now(), accountId).update();
        audit.record(AuditEvent.success(OpenAuditAction.ACCOUNT_UPDATE, "public-account", accountId,
                "notify by message: " + notifyByMessage), new AuditActor(actorName(accountId), null, clientAddress));
        return profile(accountId);
    }

    /** Changes the password; the holder's other sessions end. */
    @Transactional(noRollbackFor = DomainException.class)
    public void changePassword(long accountId, String currentPassword, String newPassword, String clientAddress) {
        AuditActor who = new AuditActor(actorName(accountId), null, clientAddress);
        if (!passwordMatches(accountId, currentPassword)) {
            audit.record(AuditEvent.failure(OpenAuditAction.PASSWORD_CHANGE, "public-account", accountId,
                    "wrong current password"), who);
            throw new DomainException(ProblemCode.WRONG_CURRENT_PASSWORD);
        }
        passwordRules.check(newPassword, profile(accountId).contact());
        if (encoder.matches(newPassword, passwordHash(accountId))) {
            throw new DomainException(ProblemCode.PASSWORD_REUSED);
        }
        jdbc.sql("update public_account set password_hash = ?, updated_at = ? where id = ?")
                .params(encoder.encode(newPassword), now(), accountId).update();
        sessions.endOthers(accountId);
        audit.record(AuditEvent.success(OpenAuditAction.PASSWORD_CHANGE, "public-account", accountId, null), who);
    }

    /**
     * Deletes the account, confirmed by its password: the profile and notices are gone, every session ends; the
     * holder's demand requests stay (answered ones are public anyway) without anything that leads back to them.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public void delete(long accountId, String password, String clientAddress) {
        AuditActor who = new AuditActor(actorName(accountId), null, clientAddress);
        if (!passwordMatches(accountId, password)) {
            audit.record(AuditEvent.failure(OpenAuditAction.ACCOUNT_DELETE, "public-account", accountId,
                    "wrong password"), who);
            throw new DomainException(ProblemCode.WRONG_CURRENT_PASSWORD);
        }
        sessions.endAll(accountId);
        jdbc.sql("delete from public_account where id = ?").param(accountId).update();
        audit.record(AuditEvent.success(OpenAuditAction.ACCOUNT_DELETE, "public-account", accountId, null), who);
    }

    /** The audit log's name for an account holder: no personal data in the log. */
    public static String actorName(long accountId) {
        return "public:" + accountId;
    }

    private void passGate(String clientAddress, ChallengeAnswer challenge) {
        if (!limits.needsChallenge(clientAddress)) {
            return;
        }
        if (challenge == null || challenge.challengeId() == null) {
            throw new DomainException(ProblemCode.CHALLENGE_REQUIRED);
        }
        challenges.solve(challenge.challengeId(), challenge.answer());
        limits.forgetFailures(clientAddress);
    }

    private static String creditCode(PublicAccountKind kind, String typed) {
        if (!kind.isOrganisation()) {
            if (typed != null && !typed.isBlank()) {
                throw new DomainException(ProblemCode.PUBLIC_ACCOUNT_INVALID, Labels.label("account.rule.citizen-code"));
            }
            return null;
        }
        if (typed == null || typed.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.creditCode"));
        }
        return CreditCode.of(typed).value();
    }

    private boolean passwordMatches(long accountId, String password) {
        return password != null && encoder.matches(password, passwordHash(accountId));
    }

    private String passwordHash(long accountId) {
        return jdbc.sql("select password_hash from public_account where id = ?").param(accountId).query(String.class)
                .optional().orElseThrow(() -> DomainException.notFound("public-account", accountId));
    }

    private long accountId(String login) {
        return jdbc.sql("select id from public_account where login = ?").param(login).query(Long.class).single();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
