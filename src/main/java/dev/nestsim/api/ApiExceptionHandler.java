package dev.nestsim.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place errors become RFC 9457 problem details ({@code application/problem+json}), for nestsim's
 * own exceptions and Spring's alike: every problem has a {@code type}, {@code title}, {@code status},
 * {@code detail} and {@code instance}; validation problems add {@code errors: [{field, pointer, rule,
 * message}]}. An unexpected exception is logged with an id and answered with a generic 500 that names
 * the id, never with a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** The most characters of a detail. */
    static final int MAX_DETAIL_CHARS = 2000;
    /** The detail of a 503 for a database out of reach. */
    static final String DATABASE_UNAVAILABLE = "the database is unavailable or did not answer in time: retry after Retry-After seconds (with the same Idempotency-Key, a retried POST creates nothing twice)";

    private final HttpLimits limits;

    ApiExceptionHandler(HttpLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> handleApiProblem(ApiProblemException e, WebRequest request) {
        ResponseEntity<Object> response = problem(e.status(), e.type(), e.getMessage(), e.errors(), request);
        if (e.headers().isEmpty()) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        e.headers().forEach(headers::set);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException e, WebRequest request) {
        List<FieldProblem> errors = e.getConstraintViolations().stream().map(ConstraintProblems::from)
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, Problems.summary(errors), errors, request);
    }

    /** Tomcat's own refusal of a query string, should a handler read one before {@link QueryStringCheck}. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleInvalidParameter(InvalidParameterException e, WebRequest request) {
        String message = "the query string is malformed: a parameter without a name, or a % not followed by two hexadecimal digits";
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, message, List.of(new FieldProblem("", null, "query-syntax", message)),
                request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentUpdate(OptimisticLockingFailureException e, WebRequest request) {
        return problem(HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED,
                "the resource was changed by another request at the same time: read it again and retry with its ETag", List.of(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException e, WebRequest request) {
        log.warn("integrity violation on {}: {}", path(request), e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                "the request conflicts with a concurrent change (for example a parent deleted meanwhile): read the resources again and retry",
                List.of(), request);
    }

    /**
     * The database is out of reach or did not answer in time ({@link DatabaseOutage}): 503 with {@code Retry-After}, within
     * the pool's connection timeout, instead of a 500 after a long wait.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> handleDatabaseOutage(Exception e, WebRequest request) {
        log.warn("database unavailable on {}: {}", path(request), e.getMessage());
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE,
                List.of(), request);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(limits.databaseRetryAfter().toSeconds()));
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
        if (DatabaseOutage.causes(e)) {
            return handleDatabaseOutage(e, request);
        }
        String incident = UUID.randomUUID().toString();
        log.error("unexpected error {} on {}", incident, path(request), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL_ERROR,
                "an unexpected error occurred; it was logged as incident " + incident, List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyRefusedException refused = BodyRefusedException.in(e);
        if (refused != null) {
            ResponseEntity<Object> response = problem(HttpStatusCode.valueOf(refused.status()), refused.type(), refused.getMessage(), List.of(), request);
            HttpHeaders refusal = new HttpHeaders();
            refusal.putAll(response.getHeaders());
            refusal.set(HttpHeaders.CONNECTION, "close");
            if (refused.retryAfterSeconds() > 0) {
                refusal.set(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
            }
            return new ResponseEntity<>(response.getBody(), refusal, response.getStatusCode());
        }
        Throwable cause = e.getMostSpecificCause();
        JacksonException jackson = findJacksonCause(e);
        if (jackson != null) {
            FieldProblem error = JsonProblems.from(jackson);
            return problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_BODY, error.message(), List.of(error), request);
        }
        String detail = cause == e || cause.getMessage() == null ? "the request body is missing or unreadable" : "the request body is unreadable: " + cause.getMessage();
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            detail = "the request body is missing";
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_BODY, detail,
                List.of(FieldProblem.of("", "json-syntax", detail)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getBindingResult().getAllErrors().forEach(error -> {
            if (error.contains(ConstraintViolation.class)) {
                errors.add(ConstraintProblems.from(error.unwrap(ConstraintViolation.class)));
            } else if (error instanceof FieldError field) {
                errors.add(FieldProblem.of(field.getField(), String.valueOf(field.getCode()), field.getField() + " " + field.getDefaultMessage()));
            } else {
                errors.add(FieldProblem.of("", String.valueOf(error.getCode()), String.valueOf(error.getDefaultMessage())));
            }
        });
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::rule));
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, Problems.summary(errors), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String rule = error.getCodes() == null || error.getCodes().length == 0 ? "invalid"
                        : ConstraintProblems.ruleOf(error.getCodes()[error.getCodes().length - 1]);
                errors.add(new FieldProblem(name, null, rule,
                        name + " " + error.getDefaultMessage() + ", was " + Echo.of(result.getArgument())));
            });
        });
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, Problems.summary(errors), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(e.getPropertyName());
        Class<?> required = e instanceof MethodArgumentTypeMismatchException m && java.util.Collection.class.isAssignableFrom(m.getParameter().getParameterType())
                ? m.getParameter().nested().getNestedParameterType() : e.getRequiredType();
        String expected = required == null ? "another type" : JsonProblems.describe(required);
        Object value = e.getValue() instanceof Object[] values ? String.join(",", java.util.Arrays.stream(values).map(String::valueOf).toList()) : e.getValue();
        String detail = name + " must be " + expected + ", was " + Echo.quoted(value);
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, detail,
                List.of(new FieldProblem(name, null, "type", detail)), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = problem(HttpStatus.NOT_ACCEPTABLE, ProblemType.NOT_ACCEPTABLE,
                "this resource is only available as " + e.getSupportedMediaTypes(), List.of(), request);
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status,
                                                                    WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, noResource(path(request)), List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status,
                                                                   WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, noResource(path(request)), List.of(), request);
    }

    /** The detail of a 404 for a path that names no operation at all (an unknown id in a known path says which id instead). */
    static String noResource(String path) {
        return "nothing is at " + Echo.quoted(path) + ": the API is under /api/v1 (hosts, hypervisors, vms, runs, workloads, metrics, "
                + "host-profiles); every path is listed in /v3/api-docs and in Swagger UI at /swagger-ui.html";
    }

    /** Spring's own errors: give them a nestsim type, a title and the instance, keeping Spring's status and detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("server error on {}", path(request), e);
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            decorate(problem, status, request);
            if (status.is5xxServerError()) {
                problem.setDetail("an unexpected error occurred");
            }
        }
        return response;
    }

    /**
     * A problem of nestsim's. When it lists errors, its detail is their {@linkplain Problems#summary summary}, so a refused
     * value shows once (in its error's message, truncated), never again in the detail; at most {@link Problems#MAX_ERRORS}
     * errors are listed.
     */
    private ResponseEntity<Object> problem(HttpStatusCode status, ProblemType type, String detail, List<FieldProblem> errors,
                                           WebRequest request) {
        boolean listed = !errors.isEmpty() && type != ProblemType.CONFLICT_WITH_CHILDREN;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, listed ? Problems.summary(errors) : Echo.clip(detail, MAX_DETAIL_CHARS));
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setInstance(java.net.URI.create(path(request)));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.size() > Problems.MAX_ERRORS ? errors.subList(0, Problems.MAX_ERRORS) : errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static void decorate(ProblemDetail problem, HttpStatusCode status, WebRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        if (problem.getInstance() == null) {
            problem.setInstance(java.net.URI.create(path(request)));
        }
    }

    private static JacksonException findJacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getRequestURI();
        }
        return "";
    }
}
