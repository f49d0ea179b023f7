package dev.nestsim.model.topology;

import java.util.Objects;

/**
 * One broken topology rule.
 *
 * @param field   the request field at fault, in the API's terms ({@code dvh}, {@code io}, {@code vcpus}, {@code parent})
 * @param rule    the rule's stable name ({@code dvh-provided-by-path}, {@code fits-parent-vcpus}, ...)
 * @param message what is wrong, naming the offending value and, for a path rule, the missing link
 */
public record Violation(String field, String rule, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
