package dev.nestsim.costs.web;

import dev.nestsim.api.PublishedBounds;
import dev.nestsim.model.exits.ExitReason;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.exits.Microbenchmark;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The lists of the exit-cost answers that are as long as one of the model's vocabularies, bounded by its size. */
@Configuration(proxyBeanMethods = false)
class CostsContractBounds {

    @Bean
    @Order(0)
    OpenApiCustomizer costsListBounds() {
        return openApi -> {
            PublishedBounds.maxItems(openApi, "ExitCosts", "items", GuestEvent.values().length);
            PublishedBounds.maxItems(openApi, "Microbenchmarks", "items", Microbenchmark.values().length);
            PublishedBounds.maxItems(openApi, "ExitProfileLevel", "reasons", ExitReason.values().length);
        };
    }
}
