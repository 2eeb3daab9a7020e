package cn.govdata.open.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Verification codes (验证码) that prove a person receives messages at a contact: six random digits, sent through
 * the contact's channel, kept only as a hash (the passwords' KDF), valid for a few minutes, used once, and
 * refused after a few wrong tries. One contact is sent a code at most once a minute and a few a day, whatever
 * address asks (kept in the database, so across nodes).
 */
@Component
class VerificationCodes {

    enum Purpose { REGISTRATION }

    /** A code on its way: the id the client names it by, until when it can be used, where it went (masked). */
    record Sent(String codeId, OffsetDateTime expiresAt, MessageChannel channel, String sentTo) {
    }

    private static final Logger log = LoggerFactory.getLogger(VerificationCodes.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration DAY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final MessageSenders senders;
    private final MessageSource messages;
    private final PublicAccountSettings settings;

    VerificationCodes(JdbcClient jdbc, PasswordEncoder encoder, MessageSenders senders, MessageSource messages,
            PublicAccountSettings settings) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.senders = senders;
        this.messages = messages;
        this.settings = settings;
    }

    /** Sends a new code to the contact, in the caller's language, unless the contact had too many lately. */
    Sent send(Purpose purpose, Contact contact, String clientAddress, Locale locale) {
        MessageSender sender = senders.require(contact.channel());
        OffsetDateTime now = now();
        waitBeforeNext(contact, now).ifPresent(wait -> {
            throw new TooManyRequests(wait);
        });
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String codeId = UUID.randomUUID().toString();
        OffsetDateTime expiresAt = now.plus(settings.codeLifetime());
        long minutes = Math.max(1, settings.codeLifetime().toMinutes());
        try {
            sender.send(contact.address(), new OutgoingMessage(
                    messages.getMessage("public.code.subject", null, locale),
                    messages.getMessage("public.code.text", new Object[] { code, Long.toString(minutes) }, locale)));
        } catch (MessageSender.MessageNotSent e) {
            log.warn("Verification code to {} not sent by {}: {}", contact.masked(), contact.channel(), e.getMessage());
            throw new DomainException(ProblemCode.MESSAGE_NOT_SENT);
        }
        // stored once sent: a code that never left is not kept, and does not count against the contact
        jdbc.sql("""
                insert into public_verification_code (public_id, purpose, contact_channel, destination, code_hash,
                    created_at, expires_at, client_address)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(codeId, purpose.name(), contact.channel().name(), contact.address(), encoder.encode(code), now,
                        expiresAt, clientAddress)
                .update();
        return new Sent(codeId, expiresAt, contact.channel(), contact.masked());
    }

    private Optional<Duration> waitBeforeNext(Contact contact, OffsetDateTime now) {
        record Recent(OffsetDateTime first, OffsetDateTime last, long count) {
        }
        Recent recent = jdbc.sql("""
                select min(created_at), max(created_at), count(*) from public_verification_code
                where destination = ? and created_at > ?""")
                .params(contact.address(), now.minus(DAY))
                .query((rs, n) -> new Recent(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getLong(3)))
                .single();
        if (recent.count() >= settings.codesPerContactPerDay()) {
            return Optional.of(Duration.between(now, recent.first().plus(DAY)));
        }
        if (recent.last() != null && recent.last().plus(settings.codeResendInterval()).isAfter(now)) {
            return Optional.of(Duration.between(now, recent.last().plus(settings.codeResendInterval())));
        }
        return Optional.empty();
    }

    private record Stored(long id, Purpose purpose, Contact contact, String hash, int attempts,
            OffsetDateTime expiresAt, boolean used) {
    }

    /**
     * Uses up a code: the contact it was sent to when the code is right. A wrong code counts a try (the caller's
     * transaction must keep the count: no rollback for a refusal).
     */
    Contact verify(String codeId, String code, Purpose purpose) {
        Stored stored = codeId == null ? null : jdbc.sql("""
                select id, purpose, contact_channel, destination, code_hash, attempts, expires_at, used_at
                from public_verification_code where public_id = ?""")
                .param(codeId)
                .query((rs, n) -> new Stored(rs.getLong(1), Purpose.valueOf(rs.getString(2)),
                        new Contact(MessageChannel.valueOf(rs.getString(3)), rs.getString(4)), rs.getString(5),
                        rs.getInt(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8) != null))
                .optional().orElse(null);
        if (stored == null || stored.purpose() != purpose || stored.used() || stored.attempts() >= settings.codeAttempts()
                || stored.expiresAt().isBefore(now())) {
            throw new DomainException(ProblemCode.VERIFICATION_CODE_EXPIRED);
        }
        if (code == null || !code.strip().matches("\\d{6}") || !encoder.matches(code.strip(), stored.hash())) {
            jdbc.sql("update public_verification_code set attempts = attempts + 1 where id = ?").param(stored.id())
                    .update();
            int left = settings.codeAttempts() - stored.attempts() - 1;
            throw left <= 0 ? new DomainException(ProblemCode.VERIFICATION_CODE_EXPIRED)
                    : new DomainException(ProblemCode.VERIFICATION_CODE_WRONG, left);
        }
        int taken = jdbc.sql("update public_verification_code set used_at = ? where id = ? and used_at is null")
                .params(now(), stored.id()).update();
        if (taken == 0) {
            throw new DomainException(ProblemCode.VERIFICATION_CODE_EXPIRED); // used by a parallel request
        }
        return stored.contact();
    }

    /** Codes are kept a day after they were sent (the per-contact count), then deleted. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void purgeOld() {
        jdbc.sql("delete from public_verification_code where created_at < ?").param(now().minus(DAY).minusHours(1))
                .update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
