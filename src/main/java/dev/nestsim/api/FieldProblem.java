package dev.nestsim.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing wrong with a request, as listed in a problem's {@code errors}.
 *
 * @param field   the request field in dotted form ({@code parent.hypervisorId}, {@code dvh}, {@code vcpus})
 * @param pointer a JSON Pointer (RFC 6901) into the request body ({@code /parent/hypervisorId}); {@code ""} is the whole body
 * @param rule    the stable name of the broken rule ({@code not-null}, {@code dvh-provided-by-path}, ...)
 * @param message what is wrong, naming the offending value, in words a user can act on
 */
@Schema(description = "One violation in a request")
public record FieldProblem(
        @Schema(description = "Request field in dotted form", example = "dvh") String field,
        @Schema(description = "JSON Pointer (RFC 6901) into the request body; null for a problem outside the body (a query or path "
                + "parameter, a header)", example = "/dvh", nullable = true) String pointer,
        @Schema(description = "Stable name of the broken rule", example = "dvh-provided-by-path") String rule,
        @Schema(description = "What is wrong", example = "hypervisor 'l1-base' (L1) does not provide VIRTUAL_TIMER, so VM 'x' (L2) cannot have it: every link of the path must provide it")
        String message) {

    /** The most characters of a field name or pointer (an unknown field's name comes from the request). */
    public static final int MAX_FIELD_CHARS = 200;
    /** The most characters of a message. */
    public static final int MAX_MESSAGE_CHARS = 1000;

    /** Field, pointer and message are cut to their maximum, so that no request makes a problem grow without bound. */
    public FieldProblem {
        field = field == null ? null : Echo.clip(field, MAX_FIELD_CHARS);
        pointer = pointer == null ? null : Echo.clip(pointer, MAX_FIELD_CHARS);
        message = message == null ? null : Echo.clip(message, MAX_MESSAGE_CHARS);
    }

    /** A problem whose pointer follows from the dotted field name ({@code nic.sriovVfs} is {@code /nic/sriovVfs}). */
    public static FieldProblem of(String field, String rule, String message) {
        return new FieldProblem(field, pointerOf(field), rule, message);
    }

    /** The JSON Pointer of a dotted field name; array indexes may be written {@code dvh[1]} or {@code dvh.1}. */
    public static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : field.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }
}
