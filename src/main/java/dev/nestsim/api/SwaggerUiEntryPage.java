package dev.nestsim.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /swagger-ui.html} answers {@code 200} with a page that takes a browser on to Swagger UI
 * ({@code swagger-ui/index.html}), instead of springdoc's {@code 302}: so a client that does not follow
 * redirects (a health probe, a script's {@code curl}) also sees the address work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SwaggerUiEntryPage extends OncePerRequestFilter {

    static final String PATH = "/swagger-ui.html";
    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="en">
              <head>
                <meta charset="utf-8">
                <title>nestsim API</title>
                <meta http-equiv="refresh" content="0; url=swagger-ui/index.html">
              </head>
              <body>
                <p>The nestsim API in Swagger UI: <a href="swagger-ui/index.html">swagger-ui/index.html</a>
                   (OpenAPI description: <a href="v3/api-docs">v3/api-docs</a>).</p>
              </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI().substring(request.getContextPath().length())) || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(PAGE.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(PAGE);
        }
    }
}
