package dev.nestsim.api;

import dev.nestsim.api.Problems.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies that do not arrive through {@code @RequestBody}: a JSON merge patch (RFC 7396)
 * applied to a resource's current writable form, then read and validated exactly as a create or
 * {@code PUT} body would be (same strict JSON rules, same bean validation, same problems).
 */
@Component
public class RequestBodies {

    private final JsonMapper mapper;
    private final Validator validator;

    public RequestBodies(JsonMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The JSON tree of a value, in the API's own serialization. */
    public ObjectNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /**
     * Applies {@code patch} to {@code current} (RFC 7396: members replace, {@code null} removes, objects merge)
     * and reads the result as {@code type}, validated.
     *
     * @throws InvalidRequestException when the patch is not an object, or the result is not a valid {@code type}
     */
    public <T> T mergePatch(JsonNode current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidRequestException("a merge patch must be a JSON object",
                    List.of(FieldProblem.of("", "merge-patch-object", "a merge patch (application/merge-patch+json) must be a JSON object")));
        }
        return read(merge(current, patch), type);
    }

    /** Reads a JSON tree as {@code type} with the strict rules, then runs bean validation. */
    public <T> T read(JsonNode tree, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new InvalidRequestException("the request body is invalid", List.of(JsonProblems.from(e)));
        }
        validate(value);
        return value;
    }

    /** Runs bean validation on a body and reports every violation at once. */
    public void validate(Object value) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<FieldProblem> errors = violations.stream().map(ConstraintProblems::from)
                    .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::rule)).toList();
            throw new InvalidRequestException(Problems.summary(errors), errors);
        }
    }

    /** RFC 7396 section 2, MergePatch(Target, Patch). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
