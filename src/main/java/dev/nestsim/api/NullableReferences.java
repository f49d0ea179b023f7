package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A property that refers to a named schema and may be {@code null} is written {@code oneOf: [{$ref}, {type: "null"}]}:
 * {@code type: "null"} beside a {@code $ref} means "the reference and also null", which JSON Schema 2020-12 reads as
 * "both at once" and so rejects every non-null value; {@code anyOf} of the two is turned into {@code oneOf} as well, the
 * two cannot overlap.
 */
final class NullableReferences {

    private NullableReferences() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void apply(OpenAPI openApi) {
        SchemaWalk.forEach(openApi, owner -> {
            Map<String, Schema> properties = owner.getProperties();
            if (properties == null) {
                return;
            }
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                Schema p = property.getValue();
                if (p.get$ref() != null && (Boolean.TRUE.equals(p.getNullable()) || SchemaWalk.isOfType(p, "null"))) {
                    property.setValue(either(p.get$ref(), p));
                } else if (p.getAnyOf() != null && p.getAnyOf().size() == 2 && ((Schema) p.getAnyOf().get(0)).get$ref() != null
                        && SchemaWalk.isOfType((Schema) p.getAnyOf().get(1), "null")) {
                    property.setValue(either(((Schema) p.getAnyOf().get(0)).get$ref(), p));
                }
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema either(String ref, Schema original) {
        Schema either = new Schema().oneOf(List.of(new Schema().$ref(ref), new Schema().types(Set.of("null"))));
        either.setDescription(original.getDescription());
        if (original.getExample() != null) {
            either.setExample(original.getExample());
        }
        return either;
    }
}
