package dev.nestsim.security;

import dev.nestsim.api.HttpLimits;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what, in one table. Health (with liveness and readiness) and the API documentation are open; every other
 * actuator endpoint and the API keys need {@code admin}; reads of the API ({@code GET}, {@code HEAD}) need
 * {@code viewer}, everything else on it {@code operator}; each role includes the ones below it. Stateless: no session,
 * no cookie, no CSRF token (nothing is authenticated by the browser on its own). Spring Security's default headers
 * (nosniff, {@code X-Frame-Options: DENY}, no caching, HSTS over HTTPS), plus {@code Referrer-Policy: no-referrer} and,
 * except on Swagger UI, {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}, relaxed on an
 * experiment's report and charts to their inline styles and {@code data:} icon ({@link #PAGE_POLICY}).
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String[] DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    /** The pages and pictures a browser shows: an experiment's report and its charts (self-contained, no scripts). */
    static final String[] PAGES = {"/api/v1/experiments/*/report", "/api/v1/experiments/*/charts/*"};
    /** Everything else answers JSON, CSV or event streams: nothing for a browser to load. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * A report's inline style sheet and the SVG's style attributes (JFreeSVG writes them), its empty {@code data:} icon;
     * still no script, no connection, no frame, nothing from elsewhere.
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityMode mode, ApiKeyService keys, HttpLimits limits) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyFilter(mode, keys, entryPoint, limits), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new AndRequestMatcher(new NegatedRequestMatcher(documentation()),
                                new NegatedRequestMatcher(pages())),
                                new StaticHeadersWriter("Content-Security-Policy", API_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages(),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .authorizeHttpRequests(a -> a
                        // an error page or the async half of an event stream: its request was authorized already
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/v1/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(DOCUMENTATION).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** admin includes operator, which includes viewer. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name()).implies(Role.VIEWER.name())
                .build();
    }

    /** No user names and passwords here (and no generated password in the log): API keys only. */
    @Bean
    AuthenticationManager noPasswords() {
        return authentication -> {
            throw new ProviderNotFoundException("nestsim authenticates API keys only (Authorization: Bearer <api key>)");
        };
    }

    /** What the table above asks of a request, in words (for a 403). */
    static String needed(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/actuator") || path.startsWith("/api/v1/api-keys")) {
            return "admin is needed";
        }
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) ? "viewer, operator or admin is needed" : "operator or admin is needed";
    }

    private static OrRequestMatcher pages() {
        return new OrRequestMatcher(java.util.Arrays.stream(PAGES).map(p -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, p))
                .map(m -> (org.springframework.security.web.util.matcher.RequestMatcher) m).toList());
    }

    private static OrRequestMatcher documentation() {
        return new OrRequestMatcher(java.util.Arrays.stream(DOCUMENTATION).map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
                .map(m -> (org.springframework.security.web.util.matcher.RequestMatcher) m).toList());
    }
}
