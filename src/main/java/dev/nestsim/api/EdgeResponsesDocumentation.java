package dev.nestsim.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Documents, on every operation that takes a body, the answers {@link RequestBodyLimits} gives before the operation runs:
 * 413 above {@code nestsim.http.max-body-size}, 408 when the body is too slow, 503 when too many bodies arrive at once; and
 * on every operation that needs the database (all but the catalogues), the 503 of a database out of reach.
 */
@Component
@Order(0)
class EdgeResponsesDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((name, path) -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                document(operation);
            }
            if (!DATABASE_FREE.matcher(name).matches()) {
                documentDatabaseOutage(operation);
            }
        }));
    }

    /** The catalogues: served from code, they answer while the database is out of reach. */
    private static final Pattern DATABASE_FREE = Pattern.compile("/api/v1/(host-profiles|workloads)(/.*)?");
    private static final String DATABASE_OUTAGE = "the database is out of reach or did not answer in time (type database-unavailable, "
            + "answered within spring.datasource.hikari.connection-timeout, 3 s by default), with Retry-After "
            + "(nestsim.http.database-retry-after, 5 s)";

    private static void documentDatabaseOutage(Operation operation) {
        ApiResponses responses = operation.getResponses();
        ApiResponse busy = responses.get("503");
        if (busy == null) {
            responses.put("503", problem("The database is unavailable: " + DATABASE_OUTAGE));
        } else {
            busy.setDescription(busy.getDescription() + "; or " + DATABASE_OUTAGE);
        }
    }

    private static void document(Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("408", problem("The body did not arrive within nestsim.http.body-timeout (10 s by default)"));
        responses.putIfAbsent("413", problem("The body is larger than nestsim.http.max-body-size (1 MiB by default): refused from its "
                + "Content-Length before it is read, or as soon as it grows past the limit"));
        responses.putIfAbsent("503", problem("nestsim.http.max-uploads bodies are being received already (24 by default); "
                + "Retry-After says when to try again"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
