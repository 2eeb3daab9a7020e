package cn.govdata.shared.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;



/**
 * Hands a failure of a servlet filter (e.g. Spring's form parsing of a PUT body with {@code %zz}) to
 * {@link ProblemAdvice}, as if a controller had raised it. Left to the container, it would be logged as a
 * servlet failure with its stack trace and answered through {@code /error}; here a client's error is
 * answered with its code and logged briefly at most.
 */
@Component
@ConditionalOnWebApplication // the command-line verbs run without a web server
class ProblemFilter extends OncePerRequestFilter implements Ordered {

    /** Inside Spring's observation of the request (so it counts the answer's status), around every other filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final HandlerExceptionResolver resolver;

    ProblemFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (response.isCommitted() || resolver.resolveException(request, response, null, failure) == null) {
                throw failure;
            }
        }
    }
}
