package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;

/**
 * The bounds of every value in the contract, so that a client (and a linter) knows them before the server refuses a
 * value. The bounds the request checks enforce come from their annotations ({@code @Size}, {@code @Min}, {@code @Max},
 * {@code @ArraySchema(maxItems)}); what no annotation states follows from the value's kind, for every schema alike:
 * <ul>
 *   <li>a UUID is 36 characters, an instant at most {@value #MAX_INSTANT_CHARS};</li>
 *   <li>a path, query or header parameter is at most the request line and headers the server reads
 *       ({@code server.max-http-request-header-size}), past which it answers 400;</li>
 *   <li>any other text is what the service writes itself (names a request gave, bounded by its checks; descriptions,
 *       messages, details): at most {@value #MAX_TEXT_CHARS} characters; a CSV document at most
 *       {@value #MAX_CSV_CHARS};</li>
 *   <li>an integer is within its format's range (int32, or int64 when no format narrows it).</li>
 * </ul>
 * The API tests validate every response against the committed description, so a bound stated here that a response
 * breaks fails a test.
 */
public final class PublishedBounds {

    static final int UUID_CHARS = 36;
    static final int MAX_INSTANT_CHARS = 35;
    static final int MAX_TEXT_CHARS = 4000;
    static final int MAX_CSV_CHARS = 16 * 1024 * 1024;

    private PublishedBounds() {
    }

    /**
     * Sets {@code maxItems} of the array {@code property} of the component {@code schema}: for lists whose length is a
     * catalogue's size (the workloads, the profiles, the events), which the feature that owns the catalogue knows.
     */
    public static void maxItems(OpenAPI openApi, String schema, String property, int maxItems) {
        Schema<?> owner = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                : openApi.getComponents().getSchemas().get(schema);
        Schema<?> array = owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
        if (array == null) {
            throw new IllegalStateException("the OpenAPI description has no array " + schema + "." + property + " to bound");
        }
        array.setMaxItems(maxItems);
    }

    static void apply(OpenAPI openApi, long maxHeaderBytes) {
        int maxParameterChars = (int) Math.min(Integer.MAX_VALUE, maxHeaderBytes);
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    for (Parameter parameter : operation.getParameters()) {
                        bound(parameter.getSchema(), maxParameterChars);
                    }
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().forEach((type, media) -> {
                                if (type.startsWith("text/csv")) {
                                    bound(media.getSchema(), MAX_CSV_CHARS);
                                }
                            }));
                }
            }));
        }
        SchemaWalk.forEach(openApi, schema -> bound(schema, MAX_TEXT_CHARS));
        SchemaWalk.forEach(openApi, schema -> boundSetOfEnum(openApi, schema));
    }

    /** An array of an enum's values holds each at most once: at most as many items as the enum has values. */
    @SuppressWarnings("rawtypes")
    private static void boundSetOfEnum(OpenAPI openApi, Schema<?> schema) {
        if (!SchemaWalk.isOfType(schema, "array") || schema.getMaxItems() != null || schema.getItems() == null) {
            return;
        }
        Schema items = schema.getItems().get$ref() == null ? schema.getItems() : SchemaWalk.component(openApi, schema.getItems().get$ref());
        if (items != null && items.getEnum() != null) {
            schema.setMaxItems(items.getEnum().size());
        }
    }

    private static void bound(Schema<?> schema, int maxTextChars) {
        if (schema == null) {
            return;
        }
        if (SchemaWalk.isOfType(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null && schema.getConst() == null) {
            schema.setMaxLength("uuid".equals(schema.getFormat()) ? UUID_CHARS
                    : "date-time".equals(schema.getFormat()) ? MAX_INSTANT_CHARS : maxTextChars);
        }
        if (SchemaWalk.isOfType(schema, "integer")) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }
}
