package cn.govdata.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.org.UserSessionsEnded;
import cn.govdata.shared.Actor;
import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.ReadThroughCache;
import cn.govdata.shared.SecuritySettings;

/**
 * Opaque bearer tokens. A token is 256 random bits; only its SHA-256 is stored, so a leaked table grants
 * nothing. Opaque rather than self-contained tokens because a session must end at once on logout,
 * revocation or idle timeout (等保: 会话超时), which a signed token cannot do without a lookup anyway.
 */
@Component
class AccessTokens {

    enum Failure { INVALID, EXPIRED }

    record Issued(String token, OffsetDateTime expiresAt) {
    }

    record Resolved(Actor.Kind kind, long subjectId, String tokenHash) {
    }

    record Resolution(Resolved resolved, Failure failure) {
    }

    /** last_seen_at is written at most this often, so reads do not each cost a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    /**
     * Systems' tokens by hash: dropped on every node when one is revoked, and after two seconds otherwise (a
     * drop a node did not hear). Expiry is checked at each use.
     */
    private final ReadThroughCache<String, Row> systemTokens;

    AccessTokens(JdbcClient jdbc, SecuritySettings settings, CacheDrops caches) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.systemTokens = caches.cache("security.system-tokens", Duration.ofSeconds(2), 50_000);
    }

    Issued issue(Actor.Kind kind, long subjectId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        Duration lifetime = kind == Actor.Kind.SYSTEM ? Duration.ofMinutes(settings.systemTokenLifetimeMinutes())
                : Duration.ofHours(settings.tokenLifetimeHours());
        OffsetDateTime expiresAt = now.plus(lifetime);
        jdbc.sql("""
                insert into access_token (token_hash, subject_kind, subject_id, issued_at, expires_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(hash(token), kind.name(), subjectId, now, expiresAt, now).update();
        return new Issued(token, expiresAt);
    }

    private record Row(Actor.Kind kind, long subjectId, OffsetDateTime expiresAt, OffsetDateTime lastSeenAt,
            boolean revoked) {
    }

    Resolution resolve(String token) {
        String hash = hash(token);
        // a system's token is kept in memory (it calls the data interfaces many times a second); a user's is read
        // every time, since its idle timeout follows each request. The loader reads either; only a system's is kept.
        Row[] read = { null };
        Row system = systemTokens.get(hash, key -> {
            read[0] = load(key);
            return read[0] != null && read[0].kind() == Actor.Kind.SYSTEM ? read[0] : null;
        });
        Row row = system != null ? system : read[0];
        if (row == null || row.revoked()) {
            return new Resolution(null, Failure.INVALID);
        }
        OffsetDateTime now = now();
        boolean idle = row.kind() != Actor.Kind.SYSTEM
                && row.lastSeenAt().plusMinutes(settings.idleTimeoutMinutes()).isBefore(now);
        if (row.expiresAt().isBefore(now) || idle) {
            return new Resolution(null, Failure.EXPIRED);
        }
        if (row.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            jdbc.sql("update access_token set last_seen_at = ? where token_hash = ?").params(now, hash).update();
            systemTokens.forget(hash);
        }
        return new Resolution(new Resolved(row.kind(), row.subjectId(), hash), null);
    }

    private Row load(String hash) {
        return jdbc.sql("""
                select subject_kind, subject_id, expires_at, last_seen_at, revoked from access_token
                where token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Row(Actor.Kind.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5)))
                .optional().orElse(null);
    }

    void revoke(Actor.Kind kind, String tokenHash) {
        jdbc.sql("update access_token set revoked = true where token_hash = ?").param(tokenHash).update();
        if (kind == Actor.Kind.SYSTEM) {
            // a user's token is never kept, so its revocation (every logout) need not drop the nodes' caches
            systemTokens.forgetAfterCommit(tokenHash);
        }
    }

    /** Ends every session of a subject, e.g. after a password change. */
    void revokeAll(Actor.Kind kind, long subjectId, String exceptHash) {
        jdbc.sql("update access_token set revoked = true where subject_kind = ? and subject_id = ? and token_hash <> ?")
                .params(kind.name(), subjectId, exceptHash == null ? "" : exceptHash).update();
        if (kind == Actor.Kind.SYSTEM) {
            systemTokens.forgetAllAfterCommit();  // the hashes are not known here
        }
    }

    /** A disabled account, or one whose password an administrator reset, keeps none of its sessions. */
    @EventListener
    void endSessions(UserSessionsEnded event) {
        revokeAll(Actor.Kind.USER, event.userId(), null);
    }

    /** Expired tokens are of no further use; removing them keeps the lookup table small. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("delete from access_token where expires_at < ?").param(now().minusDays(1)).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
