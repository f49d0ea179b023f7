package dev.nestsim.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a service raises on purpose; {@link ApiExceptionHandler} turns it into a problem detail with
 * this status, type, title, detail and, when there are any, the {@code errors}.
 */
public abstract class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;
    private final List<FieldProblem> errors;

    protected ApiProblemException(HttpStatus status, ProblemType type, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Headers the response carries besides the problem, for example {@code Retry-After}; none unless a subclass says so. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
