package cn.govdata.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.govdata.org.Accounts;
import cn.govdata.org.Accounts.AccountStatus;
import cn.govdata.org.ConnectedSystems;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.shared.SecuritySettings;

/**
 * Turns an {@code Authorization: Bearer <token>} header into the caller's {@link Actor}, or into the refusal to
 * answer with: a token that is unknown, revoked, expired or idle too long; a user who must first change the
 * password (or enrol a second factor) calling anything else; a public account's token outside the public API
 * ({@link PublicSessions}). The one rule for every way in: the servlet filter and the sharing data plane.
 */
@Component
public class BearerAuthentication {

    /** What a user may still call before changing the initial or expired password. */
    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of("/api/v1/auth/me",
            "/api/v1/auth/password", "/api/v1/auth/logout");
    private static final Set<String> ALLOWED_BEFORE_TOTP = Set.of("/api/v1/auth/me", "/api/v1/auth/logout",
            "/api/v1/auth/totp/setup", "/api/v1/auth/totp/confirm", "/api/v1/auth/password");

    /** The outcome: an authenticated caller, or the problem to answer (with a Bearer challenge when it is the token). */
    public sealed interface Outcome {
    }

    public record Authenticated(Actor actor, String tokenHash, AccountStatus status) implements Outcome {

        /** The caller as Spring Security's context holds it, so that {@link Actor#current()} finds it. */
        public UsernamePasswordAuthenticationToken authentication() {
            List<SimpleGrantedAuthority> authorities = actor.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
            UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
                    .authenticated(actor, tokenHash, authorities);
            authentication.setDetails(status);
            return authentication;
        }
    }

    public record Refused(ProblemCode code, boolean badToken) implements Outcome {
    }

    private final AccessTokens tokens;
    private final Accounts accounts;
    private final ConnectedSystems systems;
    private final SecuritySettings settings;

    BearerAuthentication(AccessTokens tokens, Accounts accounts, ConnectedSystems systems, SecuritySettings settings) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.systems = systems;
        this.settings = settings;
    }

    /**
     * @param header the {@code Authorization} header, not blank
     * @param path the request's path, for the endpoints a user may call before changing the password and for a
     *        public account's reach
     */
    public Outcome authenticate(String header, String path) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 7 + 200) {
            return new Refused(ProblemCode.TOKEN_INVALID, true);
        }
        AccessTokens.Resolution resolution = tokens.resolve(header.substring(7).trim());
        if (resolution.failure() != null) {
            return new Refused(resolution.failure() == AccessTokens.Failure.EXPIRED ? ProblemCode.TOKEN_EXPIRED
                    : ProblemCode.TOKEN_INVALID, true);
        }
        AccessTokens.Resolved resolved = resolution.resolved();
        Optional<AccountStatus> status = Optional.empty();
        Optional<Actor> actor;
        if (resolved.kind() == Actor.Kind.USER) {
            status = accounts.status(resolved.subjectId());
            actor = status.map(AccountStatus::actor);
        } else if (resolved.kind() == Actor.Kind.PUBLIC) {
            if (!PublicSessions.reaches(path)) {
                return new Refused(ProblemCode.FORBIDDEN, false); // a public account's token, not an official's
            }
            actor = Optional.of(PublicSessions.actor(resolved.subjectId()));
        } else {
            actor = systems.actor(resolved.subjectId());
        }
        if (actor.isEmpty()) {
            return new Refused(ProblemCode.TOKEN_INVALID, true);
        }
        if (status.isPresent()) {
            if (status.get().passwordChangeRequired() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(path)) {
                return new Refused(ProblemCode.PASSWORD_CHANGE_REQUIRED, false);
            }
            if (secondFactorMissing(status.get()) && !ALLOWED_BEFORE_TOTP.contains(path)) {
                return new Refused(ProblemCode.TOTP_REQUIRED, false);
            }
        }
        return new Authenticated(actor.get(), resolved.tokenHash(), status.orElse(null));
    }

    private boolean secondFactorMissing(AccountStatus status) {
        return settings.totpRequiredForAdministrators() && !status.totpEnabled()
                && status.actor().roles().stream().anyMatch(Role::isSeparatedAdministrator);
    }
}
