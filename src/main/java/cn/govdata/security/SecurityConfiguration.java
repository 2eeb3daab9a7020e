package cn.govdata.security;

import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;

/**
 * Deny by default: only login, the token endpoint, health, the API description and the console's static
 * files are open; everything under {@code /api} needs a live bearer token, the metrics a monitoring role
 * ({@link SecurityAccess#mayReadMetrics}); anything else is refused. Open data for the public has a chain of its
 * own, for its paths only; so do the public portal's pages ({@code /open/…}): anonymous, read-only, with a stricter
 * Content-Security-Policy.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * The portal's pages run only the platform's own scripts and styles (Vite emits no inline script and the
     * portal sets no inline style), talk only to the platform, and are never framed.
     */
    static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The public portal's pages: the same page for every path below {@code /open/}, for anyone, to read only. */
    @Bean
    @Order(1)
    SecurityFilterChain portalPages(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/open", "/open/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(request,
                        response, ProblemCode.FORBIDDEN)))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/open", "/open/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/open", "/open/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, BearerAuthentication bearer, ProblemResponses problems,
            AddressAttemptLimit attempts) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens, never cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new AddressAttemptFilter(attempts, problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(bearer, problems),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, ProblemCode.UNAUTHENTICATED);
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ProblemCode.FORBIDDEN)))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a
                        // the second dispatch of a streamed response was authorised as its first
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/oauth2/token").permitAll()
                        // open data's public accounts: challenges, codes, registration, login; answered demand requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/challenges", "/api/v1/public/codes",
                                "/api/v1/public/accounts", "/api/v1/public/auth/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/demands", "/api/v1/public/demands/*",
                                "/api/v1/public/departments").permitAll()
                        // open data harvested from other catalogs (federation.harvest)
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/harvested", "/api/v1/public/harvested/*")
                        .permitAll()
                        // open data's approved apps and results (利用成果)
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/reuses", "/api/v1/public/reuses/*").permitAll()
                        // open data flagged as emergency data, and open datasets' change feeds
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/emergency", "/api/v1/public/feeds/*").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").access(SecurityConfiguration::metricsReader)
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/*.svg",
                                "/*.png")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    private static AuthorizationResult metricsReader(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext request) {
        return new AuthorizationDecision(authentication.get() != null
                && authentication.get().getPrincipal() instanceof Actor actor && SecurityAccess.mayReadMetrics(actor));
    }

    /**
     * Open data for the public: the CKAN-compatible Action API, the datastore dumps, the DCAT-AP documents and the
     * portal's figures answer anyone, and a key a CKAN client sends in {@code Authorization} is ignored rather than
     * refused as a bad bearer token (public keys come later). These paths only; everything else stays in the deny-by-default chain.
     */
    @Bean
    @Order(1)
    SecurityFilterChain openDataFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/3/action/**", "/api/action/**", "/datastore/dump/**", "/api/v1/open/stats",
                        "/catalog", "/catalog.*", "/dataset/*")  // the DCAT-AP documents (open.dcat)
                .csrf(AbstractHttpConfigurer::disable)  // no cookies, no session: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
