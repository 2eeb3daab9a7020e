package cn.govdata.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import cn.govdata.org.Accounts;
import cn.govdata.org.ConnectedSystems;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import cn.govdata.shared.SecuritySettings;

/**
 * Deny by default: only login, the token endpoint, health, the API description and the console's static
 * files are open; everything under {@code /api} needs a live bearer token; anything else is refused. Open data
 * for the public has a chain of its own, for its paths only.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AccessTokens tokens, Accounts accounts,
            ConnectedSystems systems, ProblemResponses problems, SecuritySettings settings) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens, never cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BearerTokenFilter(tokens, accounts, systems, problems, settings),
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
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/*.svg",
                                "/*.png")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * Open data for the public: the CKAN-compatible Action API, the datastore dumps and the portal's figures answer
     * anyone, and a key a CKAN client sends in {@code Authorization} is ignored rather than refused as a bad bearer
     * token (public keys come later). These paths only; everything else stays in the deny-by-default chain.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain openDataFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/3/action/**", "/api/action/**", "/datastore/dump/**", "/api/v1/open/stats")
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
