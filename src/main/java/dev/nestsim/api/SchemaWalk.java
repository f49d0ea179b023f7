package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every schema of an OpenAPI description, each once: the named components, the parameters', request bodies' and
 * responses' inline schemas, and within each its properties, items, additional properties and the members of
 * {@code oneOf}/{@code anyOf}/{@code allOf}. What the contract customizers apply to all schemas alike.
 */
public final class SchemaWalk {

    private SchemaWalk() {
    }

    static void forEach(OpenAPI openApi, Consumer<Schema<?>> action) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Schema<?> root : roots(openApi)) {
            visit(root, action, seen);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Schema<?>> roots(OpenAPI openApi) {
        List<Schema<?>> roots = new ArrayList<>();
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            roots.addAll((java.util.Collection) openApi.getComponents().getSchemas().values());
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(p -> p.getSchema() != null).forEach(p -> roots.add(p.getSchema()));
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().stream().filter(m -> m.getSchema() != null)
                            .forEach(m -> roots.add(m.getSchema()));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().forEach(response -> {
                        if (response.getContent() != null) {
                            response.getContent().values().stream().filter(m -> m.getSchema() != null).forEach(m -> roots.add(m.getSchema()));
                        }
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().stream().filter(h -> h.getSchema() != null).forEach(h -> roots.add(h.getSchema()));
                        }
                    });
                }
            }));
        }
        return roots;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void visit(Schema<?> schema, Consumer<Schema<?>> action, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        action.accept(schema);
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            new ArrayList<>(properties.values()).forEach(p -> visit(p, action, seen));
        }
        visit(schema.getItems(), action, seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            visit(additional, action, seen);
        }
        for (List<Schema> members : new List[] {schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()}) {
            if (members != null) {
                new ArrayList<>(members).forEach(m -> visit(m, action, seen));
            }
        }
    }

    /**
     * Renames the component {@code from} to {@code to} and every reference to it: for a model type whose simple name
     * says too little in a client ({@code LevelView.Kind}), since the model carries no annotations.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void renameComponent(OpenAPI openApi, String from, String to) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Schema schema = schemas.remove(from);
        if (schema == null) {
            throw new IllegalStateException("the OpenAPI description has no schema " + from + " to rename");
        }
        schemas.put(to, schema);
        String ref = "#/components/schemas/" + from;
        forEach(openApi, s -> {
            if (ref.equals(s.get$ref())) {
                s.set$ref("#/components/schemas/" + to);
            }
        });
    }

    /** Whether the schema is of {@code type}, written as {@code type: X} or in 3.1's {@code type: [X, ...]}. */
    static boolean isOfType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }

    /** The component a {@code $ref} names, or {@code null}. */
    @SuppressWarnings("rawtypes")
    static Schema component(OpenAPI openApi, String ref) {
        String prefix = "#/components/schemas/";
        if (ref == null || !ref.startsWith(prefix) || openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return null;
        }
        return openApi.getComponents().getSchemas().get(ref.substring(prefix.length()));
    }
}
