package dev.nestsim.provisioning.web;

import dev.nestsim.model.hardware.KernelGeneration;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;

/**
 * The named schema {@code KernelGeneration} of the OpenAPI description: the names of the model's
 * {@link KernelGeneration}s, each described, so the contract cannot drift from the model. Request and response fields
 * refer to it ({@link Kernels#SCHEMA_REF}, a string in Java); here each such field becomes the bare reference, or, where
 * it is {@code nullable}, the reference or {@code null}.
 */
@Configuration(proxyBeanMethods = false)
class KernelGenerationSchema {

    static final String NAME = "KernelGeneration";

    @Bean
    @Order(0)
    OpenApiCustomizer kernelGenerationComponent() {
        return openApi -> {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            schemas.values().forEach(KernelGenerationSchema::referToKernelGeneration);
            schemas.put(NAME, kernelGeneration());
        };
    }

    static Schema<String> kernelGeneration() {
        StringSchema schema = new StringSchema();
        Arrays.stream(KernelGeneration.values()).map(KernelGeneration::apiName).forEach(schema::addEnumItem);
        schema.setDescription("The Linux/KVM generation a hypervisor level runs; each is its own set of nested-virtualization "
                + "mechanisms in the exit cascade, not a scale factor. " + Arrays.stream(KernelGeneration.values())
                .map(k -> k.apiName() + ": " + k.description()).collect(Collectors.joining(". ")) + ".");
        schema.setExample(KernelGeneration.LINUX_4_18.apiName());
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void referToKernelGeneration(Schema<?> owner) {
        Map<String, Schema> properties = owner.getProperties();
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            Schema p = property.getValue();
            if (!Kernels.SCHEMA_REF.equals(p.get$ref())) {
                continue;
            }
            boolean nullable = Boolean.TRUE.equals(p.getNullable()) || (p.getTypes() != null && p.getTypes().contains("null"));
            p.setType(null);
            p.setTypes(null);
            p.setNullable(null);
            if (nullable) {
                Schema either = new Schema().anyOf(List.of(new Schema().$ref(Kernels.SCHEMA_REF), new Schema().types(Set.of("null"))));
                either.setDescription(p.getDescription());
                either.setExample(p.getExample());
                property.setValue(either);
            }
        }
    }
}
