package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;

/**
 * The response headers a client reads, documented on every response that carries them: {@code Location} on every
 * 201 and on every 202 of a collection (a submission: where to watch it; a 202 of an action on a resource has none), {@code ETag} on every success whose body is a versioned resource (a schema with a {@code version}),
 * {@code Retry-After} on every 429 and 503.
 */
final class ResponseHeaders {

    /** A strong entity tag of a version, {@link Versions#etag}. */
    static final String ETAG_PATTERN = "^\"[0-9]+\"$";
    static final int MAX_LOCATION_CHARS = 2048;

    private ResponseHeaders() {
    }

    static void apply(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((template, path) -> path.readOperations().forEach(operation -> {
            boolean collection = !template.contains("{");
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().forEach((code, response) -> {
                if (code.equals("201") || code.equals("202") && collection) {
                    header(response, "Location", true, "Where the created resource (or the accepted work's status) is",
                            new StringSchema().format("uri-reference").maxLength(MAX_LOCATION_CHARS));
                }
                if (code.startsWith("2") && versioned(openApi, response)) {
                    header(response, "ETag", true, "The resource's version, to send back in If-Match",
                            new StringSchema().pattern(ETAG_PATTERN).maxLength(21));
                }
                if (code.equals("429") || code.equals("503")) {
                    header(response, "Retry-After", code.equals("429"), "Seconds to wait before trying again",
                            new IntegerSchema().format("int32").minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE)));
                }
            });
        }));
    }

    @SuppressWarnings("rawtypes")
    private static boolean versioned(OpenAPI openApi, ApiResponse response) {
        MediaType json = response.getContent() == null ? null : response.getContent().get("application/json");
        Schema body = json == null || json.getSchema() == null ? null : SchemaWalk.component(openApi, json.getSchema().get$ref());
        return body != null && body.getProperties() != null && body.getProperties().containsKey("version");
    }

    private static void header(ApiResponse response, String name, boolean required, String description, Schema<?> schema) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).required(required).schema(schema));
        }
    }
}
