package dev.nestsim.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Documents {@link SecurityConfiguration} in the contract: the {@value #SCHEME} scheme ({@code Authorization: Bearer <api
 * key>}), required by every operation, each with its 401 (with {@code WWW-Authenticate}) and its 403 naming the role it
 * needs.
 */
@Component
@Order(1)
class SecurityDocumentation implements OpenApiCustomizer {

    static final String SCHEME = "apiKey";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("nestsim API key")
                .description("Authorization: Bearer <api key>: a key from POST /api/v1/api-keys (its secret, nsk_...) or the bootstrap "
                        + "admin key NESTSIM_ADMIN_KEY. Required when nestsim.security.enabled is true, or auto once a key exists; "
                        + "an open service ignores it."));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((name, path) -> path.readOperationsMap().forEach((method, operation) ->
                document(operation, needed(name, method.name()))));
    }

    private static String needed(String path, String method) {
        if (path.startsWith("/api/v1/api-keys")) {
            return "admin";
        }
        return "GET".equals(method) || "HEAD".equals(method) ? "viewer, operator or admin" : "operator or admin";
    }

    private static void document(Operation operation, String roles) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("401", problem("No API key, or one that is unknown or revoked (type unauthorized); WWW-Authenticate: Bearer")
                .addHeaderObject("WWW-Authenticate", new Header().description("Bearer realm=\"nestsim\", with error=\"invalid_token\" "
                        + "when a key was sent").schema(new StringSchema().maxLength(300)).required(true)));
        responses.putIfAbsent("403", problem("The key's role may not do this (type forbidden): this operation needs " + roles));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
