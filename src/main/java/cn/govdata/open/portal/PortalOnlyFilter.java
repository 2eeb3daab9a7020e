package cn.govdata.open.portal;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;

/**
 * {@code govdata.open.portal-only=true}: a node that faces the internet serves the public portal and the public
 * open-data API and nothing else, while the officials' console and API stay on the government network. Every
 * other path answers 404 (as if it did not exist) before authentication is even tried; the site's root leads
 * to the portal. Runs before Spring Security (order -100) and matches the servlet container's normalised path,
 * so that {@code /open/../api/…} is judged as {@code /api/…}.
 */
@Component
@ConditionalOnBooleanProperty("govdata.open.portal-only")
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class PortalOnlyFilter extends OncePerRequestFilter {

    /** What a portal-only node serves. */
    static final List<String> SERVED = List.of(
            "/open", "/open/**", // the portal's pages
            "/assets/**", "/favicon.ico", // the built scripts and styles (hashed names, no data)
            "/api/3/action/**", "/api/action/**", "/datastore/dump/**", // the CKAN-compatible API
            "/catalog", "/catalog.*", "/dataset/*", // the DCAT-AP documents
            "/api/v1/open/stats", // the portal home's counts
            "/api/v1/public/**", // public accounts: login, demand requests, open applications, API keys
            "/actuator/health", "/actuator/health/**"); // the load balancer's probes

    private final List<PathPattern> served = SERVED.stream().map(PathPatternParser.defaultInstance::parse).toList();
    private final ProblemResponses problems;

    PortalOnlyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) {
            response.setStatus(HttpStatus.FOUND.value());
            response.setHeader(HttpHeaders.LOCATION, "/open/");
            return;
        }
        PathContainer container = PathContainer.parsePath(path);
        if (served.stream().anyMatch(pattern -> pattern.matches(container))) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, ProblemCode.NOT_FOUND, "resource", request.getRequestURI());
    }
}
