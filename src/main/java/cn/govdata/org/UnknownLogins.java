package cn.govdata.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.govdata.shared.SecuritySettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Failed logins under names that are no account, counted and locked exactly as an account's are: otherwise a name
 * that locks after five tries is known to exist, and one that never does is known not to. Kept in the database,
 * like the accounts' counters, so that every node answers alike.
 */
@Component
class UnknownLogins {

    /** A name without failures for this long is forgotten (an account's counter only resets at a good login). */
    private static final int FORGET_AFTER_DAYS = 30;

    private final JdbcClient jdbc;
    private final SecuritySettings settings;

    UnknownLogins(JdbcClient jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Until when the name is locked, if it is now. */
    Optional<OffsetDateTime> lockedUntil(String login) {
        return jdbc.sql("select locked_until from unknown_login where login_hash = ?").param(key(login))
                .query(OffsetDateTime.class).optional().filter(until -> until.isAfter(Regions.now()));
    }

    /** Counts a failure as an account would; answers the end of the lock when this failure locks the name. */
    Optional<OffsetDateTime> recordFailure(String login) {
        String key = key(login);
        OffsetDateTime now = Regions.now();
        jdbc.sql("""
                insert into unknown_login (login_hash, failed_logins, last_failure_at) values (?, 0, ?)
                on conflict do nothing""").params(key, now).update();
        int failures = jdbc.sql("select failed_logins from unknown_login where login_hash = ? for update").param(key)
                .query(Integer.class).single() + 1;
        OffsetDateTime lockedUntil = failures >= settings.maxFailedLogins() ? now.plusMinutes(settings.lockoutMinutes())
                : null;
        jdbc.sql("update unknown_login set failed_logins = ?, locked_until = ?, last_failure_at = ? where login_hash = ?")
                .params(lockedUntil == null ? failures : 0, lockedUntil, now, key).update();
        return Optional.ofNullable(lockedUntil);
    }

    @SchedulerLock(name = "org.unknown-logins.forget")
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    void forgetOldFailures() {
        OffsetDateTime now = Regions.now();
        jdbc.sql("""
                delete from unknown_login where (failed_logins = 0 and (locked_until is null or locked_until < ?))
                    or last_failure_at < ?""")
                .params(now, now.minusDays(FORGET_AFTER_DAYS)).update();
    }

    /** Names compare as the accounts' do: trimmed, in any case. */
    private static String key(String login) {
        String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
