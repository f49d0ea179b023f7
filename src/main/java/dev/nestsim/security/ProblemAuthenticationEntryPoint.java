package dev.nestsim.security;

import dev.nestsim.api.ProblemJson;
import dev.nestsim.api.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 problem+json with {@code WWW-Authenticate: Bearer} (RFC 6750): without credentials only the scheme and realm,
 * with rejected ones also {@code error="invalid_token"}.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "nestsim";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean rejected = e instanceof BadCredentialsException;
        String detail = rejected ? e.getMessage() + ": send Authorization: Bearer <api key>"
                : "this request needs an API key: send Authorization: Bearer <api key>";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, rejected
                ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + e.getMessage().replace("\"", "'") + "\""
                : "Bearer realm=\"" + REALM + "\"");
        ProblemJson.write(response, ProblemType.UNAUTHORIZED, 401, detail, request.getRequestURI());
    }
}
