package dev.nestsim.security;

import dev.nestsim.api.DatabaseOutage;
import dev.nestsim.api.HttpLimits;
import dev.nestsim.api.IdempotencyFilter;
import dev.nestsim.api.ProblemJson;
import dev.nestsim.api.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} in the security filter chain. An open service
 * ({@link SecurityMode}) makes every request {@link Caller#OPEN} and reads no header. A header that is not a bearer
 * token, or a key that is unknown or revoked, is a 401 at once; no header leaves the request anonymous, for the
 * authorization rules to refuse (401) or let through (health, documentation). The caller's tenant is also left in the
 * request attribute {@link IdempotencyFilter#SCOPE_ATTRIBUTE}, so that Idempotency-Keys are per tenant.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final String BEARER = "Bearer ";

    private final SecurityMode mode;
    private final ApiKeyService keys;
    private final AuthenticationEntryPoint entryPoint;
    private final HttpLimits limits;

    ApiKeyFilter(SecurityMode mode, ApiKeyService keys, AuthenticationEntryPoint entryPoint, HttpLimits limits) {
        this.mode = mode;
        this.keys = keys;
        this.entryPoint = entryPoint;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!mode.enforced()) {
            authenticated(request, Caller.OPEN);
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            entryPoint.commence(request, response, new BadCredentialsException("the Authorization header must be \"Bearer <api key>\""));
            return;
        }
        Optional<Caller> caller;
        try {
            caller = keys.authenticate(header.substring(BEARER.length()).strip());
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) {
                throw e;
            }
            log.warn("database unavailable while checking an API key on {}: {}", request.getRequestURI(), e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limits.databaseRetryAfter().toSeconds()));
            ProblemJson.write(response, ProblemType.DATABASE_UNAVAILABLE, 503, "the database is unavailable or did not answer in time, "
                    + "so the API key could not be checked: retry after Retry-After seconds", request.getRequestURI());
            return;
        }
        if (caller.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("the API key is unknown or revoked"));
            return;
        }
        authenticated(request, caller.get());
        chain.doFilter(request, response);
    }

    private static void authenticated(HttpServletRequest request, Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(Callers.authentication(caller));
        request.setAttribute(IdempotencyFilter.SCOPE_ATTRIBUTE, caller.tenant());
    }
}
