package cn.govdata.open.key;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.govdata.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the key a call of the open-data API (the CKAN actions, the dumps) carries — in {@code Authorization}, with or
 * without {@code Bearer}, or in {@code X-CKAN-API-Key}, as CKAN's clients send it — and admits it: a key of ours that
 * is valid is counted against its rate limit and daily quota, and the call goes on as its holder's
 * ({@link KeyHolder}); past a limit the call is answered 429 with {@code Retry-After}. Any other key is ignored, as
 * before keys existed, and the call goes on as anyone's, counted against its client address's limit (the address
 * as the platform reads it behind its trusted proxies).
 *
 * <p>The 429 is an RFC 9457 problem that also carries CKAN's {@code success} and {@code error} members, so that
 * CKAN's clients read it as the failure it is.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ProblemResponses problems;

    ApiKeyFilter(ApiKeys keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/3/action/") || path.startsWith("/api/action/")
                || path.startsWith("/datastore/dump/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeys.Admission> admission = keys.admit(secret(request));
        if (admission.isPresent() && admission.get() instanceof ApiKeys.Refused refused) {
            tooMany(request, response, refused);
            return;
        }
        if (admission.isPresent() && admission.get() instanceof ApiKeys.Admitted admitted) {
            request.setAttribute(KeyHolder.ATTRIBUTE, new KeyHolder.Caller(admitted.accountId(), admitted.keyId()));
        } else {
            Optional<ApiKeys.Refused> refused = keys.admitAnonymous(request.getRemoteAddr());
            if (refused.isPresent()) {
                tooMany(request, response, refused.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String secret(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            header = request.getHeader("X-CKAN-API-Key");
        }
        if (header == null) {
            return null;
        }
        String value = header.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, ApiKeys.Refused refused)
            throws IOException {
        long seconds = Math.max(1, refused.retryAfter().plusMillis(999).toSeconds());
        ProblemDetail problem = problems.problem(refused.code(), ProblemResponses.localeOf(request),
                Integer.toString(refused.limit()), Long.toString(seconds));
        problem.setInstance(URI.create(request.getRequestURI()));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Too Many Requests");
        error.put("message", problem.getDetail());
        problem.setProperty("success", false);
        problem.setProperty("error", error);
        response.setStatus(refused.code().status().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problems.json(problem));
    }
}
