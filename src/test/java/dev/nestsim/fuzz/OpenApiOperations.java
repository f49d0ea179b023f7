package dev.nestsim.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The operations of {@code openapi/openapi.yaml}, with their parameters and request body schemas, {@code $ref}s resolvable. */
final class OpenApiOperations {

    /** A parameter: where it goes ({@code path}, {@code query}, {@code header}), its name, whether required, its schema. */
    record Parameter(String in, String name, boolean required, Map<String, Object> schema) {
    }

    /** An operation: method, path template, parameters, and the body's media type and schema (both null without a body). */
    record Operation(String method, String path, List<Parameter> parameters, String mediaType, Map<String, Object> bodySchema) {

        String name() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> schemas;
    private final List<Operation> operations;

    private OpenApiOperations(Map<String, Object> schemas, List<Operation> operations) {
        this.schemas = schemas;
        this.operations = operations;
    }

    static OpenApiOperations load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(20 * 1024 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> spec = new Yaml(options).load(in);
            Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
            List<Operation> operations = new ArrayList<>();
            map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(operation(method.toUpperCase(Locale.ROOT), path, map(op)));
                }
            }));
            return new OpenApiOperations(schemas, List.copyOf(operations));
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** The schema itself, or the one its {@code $ref} names. */
    Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema == null ? null : schema.get("$ref");
        if (ref == null) {
            return schema == null ? Map.of() : schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return map(schemas.get(name));
    }

    private static Operation operation(String method, String path, Map<String, Object> op) {
        List<Parameter> parameters = new ArrayList<>();
        Object declared = op.get("parameters");
        if (declared instanceof List<?> list) {
            for (Object p : list) {
                Map<String, Object> parameter = map(p);
                parameters.add(new Parameter(String.valueOf(parameter.get("in")), String.valueOf(parameter.get("name")),
                        Boolean.TRUE.equals(parameter.get("required")), map(parameter.get("schema"))));
            }
        }
        String mediaType = null;
        Map<String, Object> bodySchema = null;
        if (op.get("requestBody") != null) {
            Map<String, Object> content = map(map(op.get("requestBody")).get("content"));
            Map.Entry<String, Object> first = content.entrySet().iterator().next();
            mediaType = first.getKey();
            bodySchema = map(map(first.getValue()).get("schema"));
        }
        return new Operation(method, path, List.copyOf(parameters), mediaType, bodySchema);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
