package dev.nestsim.api;

import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code PATCH} body gets a schema of its own: the schema of the full body (what {@code PUT} and {@code POST}
 * take) with every member optional, objects within it likewise, named after it with {@code Patch} for {@code Request}
 * ({@code HostRequest} gives {@code HostPatch}), each member that the full body may omit also
 * {@code null} (which restores its default). A JSON merge
 * patch (RFC 7396) names only what changes, so a generated client can send a partial patch; the server checks the merged
 * result as it checks a {@code PUT}.
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

    /**
     * A member of a patch may be {@code null}, which restores its default (RFC 7396): a reference becomes
     * {@code oneOf: [{$ref}, {type: "null"}]}, any other schema a copy that also allows null. A generated client can then
     * tell "not given" from "set to null", and does not send members the caller did not set.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema orNull(String ref, Schema member) {
        if (ref != null) {
            return described(new Schema().oneOf(List.of(new Schema().$ref(ref), new Schema().types(Set.of("null")))), member);
        }
        if (member.getOneOf() != null || member.getAnyOf() != null || SchemaWalk.isOfType(member, "null")) {
            return member;
        }
        Schema copy = AnnotationsUtils.clone(member, true);
        Set<String> types = new LinkedHashSet<>(copy.getTypes() != null ? copy.getTypes() : Set.of(copy.getType()));
        types.add("null");
        copy.setTypes(types);
        return copy;
    }

    @SuppressWarnings("rawtypes")
    private static Schema described(Schema schema, Schema member) {
        schema.setDescription(member.getDescription());
        return schema;
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
        patch.setDescription("A JSON merge patch (RFC 7396) of " + name + ": every member is optional, only those given change, and "
                + "null restores an optional member's default"
                + (full.getDescription() == null ? "" : ". " + full.getDescription()));
        patch.setMinProperties(full.getMinProperties());
        patch.setMaxProperties(full.getMaxProperties());
        patch.setAdditionalProperties(full.getAdditionalProperties());
        Map<String, Schema> properties = new LinkedHashMap<>();
        full.getProperties().forEach((property, schema) -> {
            Schema s = (Schema) schema;
            Schema nested = SchemaWalk.component(openApi, s.get$ref());
            boolean partial = nested != null && nested.getRequired() != null && !nested.getRequired().isEmpty();
            String memberRef = partial ? patchOf(openApi, s.get$ref()) : s.get$ref();
            if (full.getRequired() != null && full.getRequired().contains(property)) {
                properties.put((String) property, memberRef == null ? s : described(new Schema<>().$ref(memberRef), s));
            } else {
                properties.put((String) property, orNull(memberRef, s));
            }
        });
        patch.setProperties(properties);
        return REF + patchName;
    }
}
