package dev.nestsim.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of every error response, {@code application/problem+json} (RFC 9457), for the OpenAPI
 * description. The handler writes Spring's {@code ProblemDetail}; this record documents it.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail; validation problems list every violation in errors")
public record ProblemResponse(
        @Schema(description = "Problem type URI; one of " + ProblemType.BASE + "{invalid-request, malformed-body, rule-violation, "
                + "not-found, conflict-with-children, conflict, in-use, queue-full, run-not-succeeded, run-failed, precondition-failed, precondition-required, idempotency-key-reused, "
                + "idempotency-key-in-use, method-not-allowed, unsupported-media-type, not-acceptable, payload-too-large, request-timeout, busy, database-unavailable, "
                + "not-supported, internal-error}",
                example = "https://nestsim.dev/problems/rule-violation") String type,
        @Schema(description = "Short human title of the type", example = "The request breaks a topology rule") String title,
        @Schema(description = "HTTP status", example = "422") int status,
        @Schema(description = "What went wrong in this request; when errors are listed, how many and which rules (each error's message "
                + "says why, showing a refused value once, at most " + Echo.MAX_CHARS + " characters of it)",
                example = "1 problem (dvh-provided-by-path): see errors")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/vms") String instance,
        @ArraySchema(arraySchema = @Schema(description = "Every violation, for validation problems, at most " + Problems.MAX_ERRORS),
                maxItems = Problems.MAX_ERRORS)
        List<FieldProblem> errors) {
}
