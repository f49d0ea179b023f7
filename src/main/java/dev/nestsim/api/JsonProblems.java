package dev.nestsim.api;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's reading errors into {@link FieldProblem}s with a JSON Pointer to the offending value. */
final class JsonProblems {

    private JsonProblems() {
    }

    static FieldProblem from(JacksonException e) {
        String field = fieldOf(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return FieldProblem.of(field, "unknown-field", "unknown field " + Echo.quoted(unknown.getPropertyName())
                    + "; known fields: " + unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format) {
            String expected = format.getTargetType() == null ? "another type" : describe(format.getTargetType());
            return FieldProblem.of(field, "type", describeField(field) + " must be " + expected + ", was " + quoted(format.getValue()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "of another type" : describe(mismatch.getTargetType());
            return FieldProblem.of(field, "type", mismatch.getTargetType() == null
                    ? describeField(field) + " has the wrong type: " + firstLine(e.getOriginalMessage())
                    : describeField(field) + " must be " + expected);
        }
        if (e instanceof StreamReadException read) {
            if (field.isEmpty() && read.processor() != null && read.processor().streamReadContext() != null) {
                String pointer = read.processor().streamReadContext().pathAsPointer().toString();
                field = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
            }
            return FieldProblem.of(field, "json-syntax", "the body is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        return FieldProblem.of(field, "json", firstLine(e.getOriginalMessage()));
    }

    private static String fieldOf(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describeField(String field) {
        return field.isEmpty() ? "the body" : field;
    }

    /** What a value of {@code type} must be, in a user's words: {@code one of A, B}, {@code an integer}, {@code true or false}. */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return names.toString();
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String quoted(Object value) {
        return Echo.of(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
