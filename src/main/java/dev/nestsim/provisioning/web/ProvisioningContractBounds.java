package dev.nestsim.provisioning.web;

import dev.nestsim.api.PublishedBounds;
import dev.nestsim.api.SchemaWalk;
import dev.nestsim.model.hardware.HostProfiles;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The catalogue of host profiles lists each profile once: at most as many items as there are profiles; a level's kind is
 * named {@code LevelKind}.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningContractBounds {

    @Bean
    @Order(0)
    OpenApiCustomizer hostProfileListBounds() {
        return openApi -> {
            PublishedBounds.maxItems(openApi, "HostProfileList", "items", HostProfiles.all().size());
            SchemaWalk.renameComponent(openApi, "Kind", "LevelKind");
        };
    }
}
