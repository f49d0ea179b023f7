package dev.nestsim.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The last word on the OpenAPI description, for every operation and schema alike (the feature customizers run
 * first): tags in the order a user works, If-Match required where its absence is a 428, the errors every operation can
 * answer, the response headers a client reads, nullable references, a merge-patch schema per PATCH, every bound and one example per error status. Spectral's
 * {@code spectral:oas} and OWASP rules check the result in the build ({@code .spectral.yaml}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ContractHygiene implements OpenApiCustomizer {

    /** Tags in the order a user meets them: what to provision from, the topology, what it costs, runs, then the rest. */
    static final List<String> TAG_ORDER = List.of("Host profiles", "Hosts", "Guest hypervisors", "VMs", "Exit costs and microbenchmarks",
            "Workloads", "Runs", "Metrics");

    private final long maxHeaderBytes;

    ContractHygiene(Environment environment) {
        this.maxHeaderBytes = environment.getProperty("server.max-http-request-header-size", DataSize.class, DataSize.ofKilobytes(8)).toBytes();
    }

    @Override
    public void customise(OpenAPI openApi) {
        orderTags(openApi);
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ContractHygiene::completeOperation));
        }
        ResponseHeaders.apply(openApi);
        NullableReferences.apply(openApi);
        MergePatchSchemas.apply(openApi);
        PublishedBounds.apply(openApi, maxHeaderBytes);
        ProblemExamples.apply(openApi);
    }

    private static void orderTags(OpenAPI openApi) {
        if (openApi.getTags() == null) {
            return;
        }
        List<Tag> tags = new ArrayList<>(openApi.getTags());
        tags.sort(Comparator.comparingInt(tag -> {
            int rank = TAG_ORDER.indexOf(tag.getName());
            return rank < 0 ? TAG_ORDER.size() : rank;
        }));
        openApi.setTags(tags);
    }

    /**
     * If-Match is required where its absence is a 428; every operation documents the 400 of a malformed query or path
     * ({@link QueryStringCheck}, a path variable of the wrong type), the 406 of an Accept it cannot answer, the 415 of a
     * body of another type where it takes one, and the 500 that {@link ApiExceptionHandler} writes.
     */
    private static void completeOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        if (operation.getResponses().containsKey("428") && operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName())) {
                    parameter.setRequired(true);
                }
            }
        }
        operation.getResponses().putIfAbsent("400", problem("The query string is malformed (rules query-syntax, percent-encoding, utf-8, "
                + "no-control-characters) or a path or query parameter is not of its type"));
        operation.getResponses().putIfAbsent("406", problem("None of the media types Accept names is one this operation answers with"));
        if (operation.getRequestBody() != null) {
            operation.getResponses().putIfAbsent("415", problem("The body's Content-Type is not one this operation takes"));
        }
        operation.getResponses().putIfAbsent("500", problem("Unexpected error (logged with an incident id)"));
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(response -> sorted.addApiResponse(response.getKey(), response.getValue()));
        operation.setResponses(sorted);
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(ProblemExamples.PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
