package dev.nestsim.api;

import java.net.URI;

/**
 * The problem types nestsim answers with: each a stable {@code type} URI and a human title (RFC 9457).
 * The URIs identify the type; they are documented in the OpenAPI description, not served.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is invalid"),
    MALFORMED_BODY("malformed-body", "The request body is not valid JSON for this resource"),
    RULE_VIOLATION("rule-violation", "The request breaks a topology rule"),
    UNAUTHORIZED("unauthorized", "An API key is required"),
    FORBIDDEN("forbidden", "The API key's role may not do this"),
    NOT_FOUND("not-found", "No such resource"),
    CONFLICT_WITH_CHILDREN("conflict-with-children", "The change conflicts with the resource's children"),
    CONFLICT("conflict", "The request conflicts with the current state"),
    IN_USE("in-use", "The resource is in use by queued or running work"),
    QUEUE_FULL("queue-full", "Too many runs are queued"),
    RUN_NOT_SUCCEEDED("run-not-succeeded", "The run has no result"),
    RUN_FAILED("run-failed", "The run failed"),
    RUN_OUT_OF_MEMORY("run-out-of-memory", "The run needed more memory than the service has"),
    RUN_ATTEMPTS_EXHAUSTED("run-attempts-exhausted", "The run was started too often without finishing"),
    EXPERIMENT_FAILED("experiment-failed", "A cell of the experiment failed"),
    EXPERIMENT_NOT_FINISHED("experiment-not-finished", "The experiment has no such result yet"),
    PRECONDITION_FAILED("precondition-failed", "The resource has changed since it was read"),
    PRECONDITION_REQUIRED("precondition-required", "If-Match is required"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "The Idempotency-Key was used for a different request"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "A request with this Idempotency-Key is still in progress"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large"),
    REQUEST_TIMEOUT("request-timeout", "The request did not arrive in time"),
    BUSY("busy", "The service is busy"),
    DATABASE_UNAVAILABLE("database-unavailable", "The database is unavailable"),
    NOT_SUPPORTED("not-supported", "The request uses an HTTP feature this service does not support"),
    INTERNAL_ERROR("internal-error", "Internal error");

    /** Where the type URIs live. */
    public static final String BASE = "https://nestsim.dev/problems/";

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** The type of an error that has only a status (Spring's, Tomcat's): {@link #INTERNAL_ERROR} for any 5xx, else by status. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 501, 505 -> NOT_SUPPORTED;
            case 503 -> BUSY;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }
}
