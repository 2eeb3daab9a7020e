package cn.govdata.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.govdata.org.Accounts;
import cn.govdata.org.Accounts.AccountStatus;
import cn.govdata.org.ConnectedSystems;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import cn.govdata.shared.Role;
import cn.govdata.shared.SecuritySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns {@code Authorization: Bearer <token>} into the request's {@link Actor}. A token that is unknown,
 * revoked, expired or idle too long is answered at once with a 401 problem; a user who must first change
 * the password (or enrol a second factor) reaches only the endpoints that let them do so; a public account's
 * token reaches only the public API ({@link PublicSessions}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** What a user may still call before changing the initial or expired password. */
    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of("/api/v1/auth/me",
            "/api/v1/auth/password", "/api/v1/auth/logout");
    private static final Set<String> ALLOWED_BEFORE_TOTP = Set.of("/api/v1/auth/me", "/api/v1/auth/logout",
            "/api/v1/auth/totp/setup", "/api/v1/auth/totp/confirm", "/api/v1/auth/password");

    private final AccessTokens tokens;
    private final Accounts accounts;
    private final ConnectedSystems systems;
    private final ProblemResponses problems;
    private final SecuritySettings settings;

    BearerTokenFilter(AccessTokens tokens, Accounts accounts, ConnectedSystems systems, ProblemResponses problems,
            SecuritySettings settings) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.systems = systems;
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals("/oauth2/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 7 + 200) {
            reject(request, response, ProblemCode.TOKEN_INVALID);
            return;
        }
        AccessTokens.Resolution resolution = tokens.resolve(header.substring(7).trim());
        if (resolution.failure() != null) {
            reject(request, response, resolution.failure() == AccessTokens.Failure.EXPIRED ? ProblemCode.TOKEN_EXPIRED
                    : ProblemCode.TOKEN_INVALID);
            return;
        }
        AccessTokens.Resolved resolved = resolution.resolved();
        Optional<AccountStatus> status = Optional.empty();
        Optional<Actor> actor;
        if (resolved.kind() == Actor.Kind.USER) {
            status = accounts.status(resolved.subjectId());
            actor = status.map(AccountStatus::actor);
        } else if (resolved.kind() == Actor.Kind.PUBLIC) {
            if (!PublicSessions.reaches(request.getRequestURI())) {
                problems.write(request, response, ProblemCode.FORBIDDEN); // a public account's token, not an official's
                return;
            }
            actor = Optional.of(PublicSessions.actor(resolved.subjectId()));
        } else {
            actor = systems.actor(resolved.subjectId());
        }
        if (actor.isEmpty()) {
            reject(request, response, ProblemCode.TOKEN_INVALID);
            return;
        }
        if (status.isPresent()) {
            String path = request.getRequestURI();
            if (status.get().passwordChangeRequired() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(path)) {
                problems.write(request, response, ProblemCode.PASSWORD_CHANGE_REQUIRED);
                return;
            }
            if (secondFactorMissing(status.get()) && !ALLOWED_BEFORE_TOTP.contains(path)) {
                problems.write(request, response, ProblemCode.TOTP_REQUIRED);
                return;
            }
        }
        List<SimpleGrantedAuthority> authorities = actor.get().roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
                .authenticated(actor.get(), resolved.tokenHash(), authorities);
        authentication.setDetails(status.orElse(null));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private boolean secondFactorMissing(AccountStatus status) {
        return settings.totpRequiredForAdministrators() && !status.totpEnabled()
                && status.actor().roles().stream().anyMatch(Role::isSeparatedAdministrator);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, ProblemCode code) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        problems.write(request, response, code);
    }
}
