package dev.nestsim.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards errors that happened outside Spring MVC (an exception in a
 * filter, a {@code sendError}): answered as a problem like every other error, in place of Spring Boot's JSON or HTML
 * error page. The status is the container's; the detail is generic (never an exception's message); a 5xx is logged with
 * an incident id the detail names; an exception that says the database is out of reach ({@link DatabaseOutage}, from the
 * {@code Idempotency-Key} filter for one) is a 503 with {@code Retry-After}, as in {@link ApiExceptionHandler}. {@code /error}
 * asked for directly is a 404: there is nothing there.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final HttpLimits limits;

    ProblemErrorController(HttpLimits limits) {
        this.limits = limits;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer status) || status < 400) {
            ProblemJson.write(response, ProblemType.NOT_FOUND, 404, ApiExceptionHandler.noResource(request.getRequestURI()), request.getRequestURI());
            return;
        }
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && exception instanceof Throwable failure && DatabaseOutage.causes(failure)) {
            log.warn("database unavailable on {}: {}", instance, failure.getMessage());
            response.setHeader("Retry-After", String.valueOf(limits.databaseRetryAfter().toSeconds()));
            ProblemJson.write(response, ProblemType.DATABASE_UNAVAILABLE, 503, ApiExceptionHandler.DATABASE_UNAVAILABLE, instance);
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = type == ProblemType.INTERNAL_ERROR ? incident(request, instance) : describe(status);
        ProblemJson.write(response, type, status, detail, instance);
    }

    private static String incident(HttpServletRequest request, String instance) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected error {} on {}", incident, instance, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        return "an unexpected error occurred; it was logged as incident " + incident;
    }

    private static String describe(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return "the request was refused: " + status + (known == null ? "" : " " + known.getReasonPhrase());
    }
}
