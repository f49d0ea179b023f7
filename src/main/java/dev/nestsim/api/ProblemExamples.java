package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each error response shows its own body: a problem of the type, title and status the handler writes for that status
 * ({@link ProblemType#forStatus}), the response's description as the detail and the operation's path as the instance.
 * Responses that document a fuller example of their own (a validation problem with its errors) keep it.
 */
final class ProblemExamples {

    static final String PROBLEM = "application/problem+json";
    /** The id the examples put in a path: a UUID anyone recognises as made up. */
    static final String EXAMPLE_ID = "00000000-0000-4000-8000-000000000001";

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

    static Map<String, Object> example(int status, String description, String path) {
        ProblemType type = ProblemType.forStatus(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", description);
        body.put("instance", path.replaceAll("\\{[^}]+}", EXAMPLE_ID));
        return body;
    }
}
