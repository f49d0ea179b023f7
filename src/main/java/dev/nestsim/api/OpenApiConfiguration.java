package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header; the committed copy is {@code openapi/openapi.yaml}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String VERSION = "0.1.0";

    static {
        // every Java enum of the API is one named schema (DvhMechanism, IoModel, RunStatus, ...), referred to wherever it
        // is used, instead of an inline enum per property: generated clients get one type per enum
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    OpenAPI nestsimOpenApi() {
        return new OpenAPI()
                .info(new Info().title("nestsim").version(VERSION)
                        .description("""
                                nestsim simulates nested clouds: physical hosts, guest hypervisors (VMs that run KVM) \
                                and VMs nested inside them, with the DVH mechanisms (virtual-passthrough, virtual timers, \
                                virtual IPIs, virtual idle) of Lim and Nieh, ASPLOS 2020.

                                Conventions: JSON in camelCase, unknown fields rejected; errors are RFC 9457 \
                                application/problem+json with an errors array of {field, pointer, rule, message}; \
                                lists are paged (page from 0, size 1 to 100) in creation order; updates need If-Match \
                                with the ETag from GET (412 when stale, 428 when missing); every POST accepts an \
                                Idempotency-Key header. Enums are read by name only and numbers from JSON numbers only; \
                                request bodies are at most 1 MiB (413), must arrive within 10 s (408), and past 24 at once \
                                are refused with 503 and Retry-After.""")
                        .license(new License().name("Apache License 2.0").identifier("Apache-2.0"))
                        .contact(new Contact().name("nestsim maintainers")))
                .servers(List.of(new Server().url("/").description("this service, wherever it runs (local, test or production)")
                        .extensions(Map.of("x-internal", false))));
    }
}
