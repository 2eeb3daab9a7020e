package cn.govdata.security;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.govdata.security.BearerAuthentication.Authenticated;
import cn.govdata.security.BearerAuthentication.Refused;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the {@link Actor} of {@code Authorization: Bearer <token>} into the request's security context, as
 * {@link BearerAuthentication} resolves it; a refusal is answered at once with its problem (401 for the token itself).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerAuthentication bearer;
    private final ProblemResponses problems;

    BearerTokenFilter(BearerAuthentication bearer, ProblemResponses problems) {
        this.bearer = bearer;
        this.problems = problems;
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
        switch (bearer.authenticate(header, request.getRequestURI())) {
            case Refused refused -> {
                if (refused.badToken()) {
                    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                }
                problems.write(request, response, refused.code());
            }
            case Authenticated caller -> {
                SecurityContextHolder.getContext().setAuthentication(caller.authentication());
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        }
    }
}
