package dev.nestsim.model.workload;

/**
 * A rejected workload parameter.
 *
 * @param field   the parameter's name
 * @param rule    the rule's stable name ({@code unknown-parameter}, {@code parameter-range}, {@code parameter-integer})
 * @param message what is wrong, with the accepted range
 */
public record ParameterViolation(String field, String rule, String message) {
}
