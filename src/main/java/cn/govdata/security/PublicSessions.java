package cn.govdata.security;

import java.time.OffsetDateTime;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.govdata.shared.Actor;

/**
 * Sessions of public accounts (公众账号) on the open-data portal: bearer tokens like the officials' (random, stored
 * only as a hash, ended at once on logout, expiring and idling out by the same settings), of their own kind
 * ({@link Actor.Kind#PUBLIC}), which reach only the public API: the console's API stays unreachable with them
 * whatever the account is.
 */
@Component
public class PublicSessions {

    /** Where a public token is accepted: the public API; every other path refuses it (403). */
    static final String PUBLIC_API = "/api/v1/public/";

    public record Session(String token, OffsetDateTime expiresAt) {
    }

    private final AccessTokens tokens;

    PublicSessions(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** A new session for a public account that has just proved its password. */
    public Session start(long accountId) {
        AccessTokens.Issued issued = tokens.issue(Actor.Kind.PUBLIC, accountId);
        return new Session(issued.token(), issued.expiresAt());
    }

    /** Ends the session of the current request (logout). */
    public void endCurrent() {
        String hash = currentTokenHash();
        if (hash != null) {
            tokens.revoke(Actor.Kind.PUBLIC, hash);
        }
    }

    /** Ends every session of the account but the current request's (after a password change). */
    public void endOthers(long accountId) {
        tokens.revokeAll(Actor.Kind.PUBLIC, accountId, currentTokenHash());
    }

    /** Ends every session of the account (it was deleted). */
    public void endAll(long accountId) {
        tokens.revokeAll(Actor.Kind.PUBLIC, accountId, null);
    }

    /** Whether a public token may be used on this path. */
    static boolean reaches(String path) {
        return path.startsWith(PUBLIC_API);
    }

    /**
     * The actor of a public session: no department, region or roles, so that no rule written for officials can
     * match it; named {@code public:<id>} in the audit log (no personal data there).
     */
    static Actor actor(long accountId) {
        return new Actor(Actor.Kind.PUBLIC, accountId, "public:" + accountId, 0, 0, false, Set.of());
    }

    private static String currentTokenHash() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !(authentication.getCredentials() instanceof String hash) ? null : hash;
    }
}
