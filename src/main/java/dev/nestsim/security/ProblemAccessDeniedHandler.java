package dev.nestsim.security;

import dev.nestsim.api.ProblemJson;
import dev.nestsim.api.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 problem+json naming the caller's role and what the request needs. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        String role = Callers.of(SecurityContextHolder.getContext().getAuthentication()).map(c -> c.role().apiName()).orElse("none");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + ProblemAuthenticationEntryPoint.REALM + "\", error=\"insufficient_scope\"");
        ProblemJson.write(response, ProblemType.FORBIDDEN, 403, "role " + role + " may not " + request.getMethod() + " " + request.getRequestURI()
                + ": " + SecurityConfiguration.needed(request), request.getRequestURI());
    }
}
