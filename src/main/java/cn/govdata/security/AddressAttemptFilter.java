package cn.govdata.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies the {@link AddressAttemptLimit} to the console login and the OAuth2 token endpoint: a client address
 * that failed too often is answered 429 with {@code Retry-After} before its credentials are looked at. The
 * address is the connection's, or the one a trusted proxy forwarded when the operator configured one
 * ({@code server.forward-headers-strategy}); a client's own {@code X-Forwarded-For} is never believed.
 */
class AddressAttemptFilter extends OncePerRequestFilter {

    private final AddressAttemptLimit limit;
    private final ProblemResponses problems;

    AddressAttemptFilter(AddressAttemptLimit limit, ProblemResponses problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.equals("/api/v1/auth/login") || path.equals("/oauth2/token"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = limit.take(address);
        if (wait.isPresent()) {
            String seconds = Long.toString(Math.max(1, wait.get().plusMillis(999).toSeconds()));
            response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
            problems.write(request, response, ProblemCode.TOO_MANY_FAILED_LOGINS, seconds); // as digits, not "1,200"
            return;
        }
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = isFailedAuthentication(response.getStatus());
        } finally {
            if (!failed) {
                limit.giveBack(address);
            }
        }
    }

    /** Wrong credentials (401) or a locked account (423); anything else did not fail on the credentials. */
    private static boolean isFailedAuthentication(int status) {
        return status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.LOCKED.value();
    }
}
