package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each error response shows its own body: a problem of the type, title and status the handler writes for that status
 * (the type the response's description names first as {@code type <name>}, else {@link ProblemType#forStatus}), the
 * response's description as the detail and the operation's path as the instance.
 * Responses that document a fuller example of their own (a validation problem with its errors) keep it.
 */
final class ProblemExamples {

    static final String PROBLEM = "application/problem+json";
    /** The id the examples put in a path: a UUID anyone recognises as made up. */
    static final String EXAMPLE_ID = "00000000-0000-4000-8000-000000000001";

    private static final Pattern TYPE_NAMED = Pattern.compile("\\btype ([a-z]+(?:-[a-z0-9]+)*)");

    private ProblemExamples() {
    }

    static void apply(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().forEach((code, response) -> {
                MediaType problem = response.getContent() == null ? null : response.getContent().get(PROBLEM);
                if (problem == null || problem.getExample() != null || problem.getExamples() != null || !code.matches("[45]\\d\\d")) {
                    return;
                }
                problem.setExample(example(Integer.parseInt(code), response.getDescription(), path));
            });
        }));
    }

    /** The problem type a description names first as {@code type <name>} ({@code "(type in-use, ...)"}). */
    static Optional<ProblemType> named(String description) {
        Matcher named = TYPE_NAMED.matcher(description == null ? "" : description);
        while (named.find()) {
            String slug = named.group(1);
            Optional<ProblemType> type = Arrays.stream(ProblemType.values()).filter(t -> t.uri().toString().equals(ProblemType.BASE + slug)).findFirst();
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    static Map<String, Object> example(int status, String description, String path) {
        ProblemType type = named(description).orElse(ProblemType.forStatus(status));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", description);
        body.put("instance", path.replaceAll("\\{[^}]+}", EXAMPLE_ID));
        return body;
    }
}
