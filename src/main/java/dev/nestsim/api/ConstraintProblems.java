package dev.nestsim.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Map;

/** Turns bean-validation violations into {@link FieldProblem}s. */
final class ConstraintProblems {

    private ConstraintProblems() {
    }

    static FieldProblem from(ConstraintViolation<?> violation) {
        String field = fieldOf(violation.getPropertyPath());
        String rule = ruleOf(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
        Object value = violation.getInvalidValue();
        String shown = value == null || value instanceof Collection || value instanceof Map || !isScalar(value)
                ? "" : ", was " + Echo.of(value instanceof Enum<?> e ? e.name() : value);
        String subject = field.isEmpty() ? "the body" : field;
        return FieldProblem.of(field, rule, subject + " " + violation.getMessage() + shown);
    }

    /** {@code parent.hostId}, {@code dvh[1]}; container-element nodes such as {@code <iterable element>} are dropped. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            String name = node.getName();
            if (name != null && !name.startsWith("<") && !name.startsWith("arg")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(name);
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** {@code NotNull} becomes {@code not-null}. */
    static String ruleOf(String constraint) {
        return constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isScalar(Object value) {
        return value instanceof Number || value instanceof CharSequence || value instanceof Boolean || value instanceof Enum<?>;
    }
}
