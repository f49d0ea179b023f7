package dev.nestsim.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as a problem: what Tomcat answers itself, for requests it refuses before any servlet sees them
 * (a path with malformed percent-encoding or a NUL, an invalid request line or header) and for errors no error page
 * covers. Replaces Tomcat's HTML page (and its server version); the detail names only the status, never a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemType type = ProblemType.forStatus(status);
        String detail = type == ProblemType.INTERNAL_ERROR ? "an unexpected error occurred"
                : "the request was refused: " + status + (known == null ? "" : " " + known.getReasonPhrase());
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.of(type, status, detail, request.getRequestURI()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("the error report for {} could not be written: the client is gone", request.getRequestURI(), gone);
        }
    }
}
