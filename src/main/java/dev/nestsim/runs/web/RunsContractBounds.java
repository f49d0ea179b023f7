package dev.nestsim.runs.web;

import dev.nestsim.api.PublishedBounds;
import dev.nestsim.model.exits.ExitReason;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.workload.Workloads;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The lists of the workload catalogue and of a run's result, bounded by what the catalogue holds: its workloads, the
 * most parameters a workload takes, and the most metrics a result can list.
 */
@Configuration(proxyBeanMethods = false)
public class RunsContractBounds {

    /**
     * Metrics a result lists per level at most, with room: exits and cycles per operation, the busiest CPU, the four
     * exit-profile metrics of each exit reason; the same budget again covers the run-wide ones (counters, utilisation,
     * time, the normalised figures).
     */
    static final int MAX_METRICS_PER_LEVEL = 4 * ExitReason.values().length + 32;

    /** Levels 0 to {@link Path#HARD_MAX_DEPTH}, and once more for the metrics of the whole run. */
    public static final int MAX_RESULT_METRICS = (Path.HARD_MAX_DEPTH + 2) * MAX_METRICS_PER_LEVEL;

    @Bean
    @Order(0)
    OpenApiCustomizer workloadListBounds(Workloads workloads) {
        return openApi -> {
            PublishedBounds.maxItems(openApi, "WorkloadList", "items", workloads.descriptors().size());
            PublishedBounds.maxItems(openApi, "Workload", "parameters",
                    workloads.descriptors().stream().mapToInt(d -> d.parameters().size()).max().orElse(0));
            PublishedBounds.maxItems(openApi, "RunResult", "metrics", MAX_RESULT_METRICS);
            openApi.getComponents().addSchemas(Formats.SCHEMA_NAME, new io.swagger.v3.oas.models.media.StringSchema()
                    .description("How a result or a list of metrics is written: json or csv")
                    ._enum(java.util.List.of("json", "csv")));
        };
    }
}
