package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code PATCH} body gets a schema of its own: the schema of the full body (what {@code PUT} and {@code POST}
 * take) with every member optional, objects within it likewise, named after it with {@code Patch} for {@code Request}
 * ({@code HostRequest} gives {@code HostPatch}). A JSON merge patch (RFC 7396) names only what changes, so a generated
 * client can send a partial patch; the server checks the merged result as it checks a {@code PUT}.
 */
final class MergePatchSchemas {

    static final String REF = "#/components/schemas/";

    private MergePatchSchemas() {
    }

    static void apply(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> {
            Operation patch = path.getPatch();
            if (patch != null && patch.getRequestBody() != null && patch.getRequestBody().getContent() != null) {
                for (MediaType media : patch.getRequestBody().getContent().values()) {
                    if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                        media.setSchema(new Schema<>().$ref(patchOf(openApi, media.getSchema().get$ref())));
                    }
                }
            }
        });
    }

    /** The reference to the patch schema of the component {@code ref} names, created on first use. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String patchOf(OpenAPI openApi, String ref) {
        Schema full = SchemaWalk.component(openApi, ref);
        if (full == null || full.getProperties() == null) {
            return ref;
        }
        String name = ref.substring(REF.length());
        String patchName = (name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name) + "Patch";
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas.containsKey(patchName)) {
            return REF + patchName;
        }
        Schema patch = new Schema().type("object").types(Set.of("object"));
        schemas.put(patchName, patch);
        patch.setDescription("A JSON merge patch (RFC 7396) of " + name + ": every member is optional and only those given change"
                + (full.getDescription() == null ? "" : ". " + full.getDescription()));
        patch.setMinProperties(full.getMinProperties());
        patch.setMaxProperties(full.getMaxProperties());
        patch.setAdditionalProperties(full.getAdditionalProperties());
        Map<String, Schema> properties = new LinkedHashMap<>();
        full.getProperties().forEach((property, schema) -> {
            Schema s = (Schema) schema;
            Schema nested = SchemaWalk.component(openApi, s.get$ref());
            boolean partial = nested != null && nested.getRequired() != null && !nested.getRequired().isEmpty();
            if (partial) {
                Schema refer = new Schema<>().$ref(patchOf(openApi, s.get$ref()));
                refer.setDescription(s.getDescription());
                properties.put((String) property, refer);
            } else {
                properties.put((String) property, s);
            }
        });
        patch.setProperties(properties);
        return REF + patchName;
    }
}
