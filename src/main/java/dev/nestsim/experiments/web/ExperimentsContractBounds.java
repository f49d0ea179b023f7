package dev.nestsim.experiments.web;

import dev.nestsim.api.PublishedBounds;
import dev.nestsim.experiments.Presets;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.runs.web.RunsContractBounds;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The lists of experiments in the contract, bounded by what the service enforces: an experiment has at most
 * {@value #MAX_CELLS} cells (the hard ceiling of {@code nestsim.experiments.max-cells}), so at most as many
 * configurations, workloads and comparison rows; a topology has at most {@link Path#HARD_MAX_DEPTH} guest
 * hypervisors; a preset's lists are the catalogue's.
 */
@Configuration(proxyBeanMethods = false)
class ExperimentsContractBounds {

    /** The ceiling of {@code nestsim.experiments.max-cells} (its {@code @Max}). */
    static final int MAX_CELLS = 10_000;

    @Bean
    @Order(0)
    OpenApiCustomizer experimentListBounds(Workloads workloads) {
        int catalogue = workloads.descriptors().size();
        return openApi -> {
            for (String property : new String[] {"targets", "topologies", "workloads"}) {
                PublishedBounds.maxItems(openApi, "ExperimentRequest", property, MAX_CELLS);
            }
            PublishedBounds.maxItems(openApi, "ExperimentTopology", "hypervisors", Path.HARD_MAX_DEPTH);
            for (String property : new String[] {"cells", "configurations", "workloads"}) {
                PublishedBounds.maxItems(openApi, "Experiment", property, MAX_CELLS);
            }
            PublishedBounds.maxItems(openApi, "ExperimentResults", "cells", MAX_CELLS);
            PublishedBounds.maxItems(openApi, "ExperimentCellResult", "metrics", RunsContractBounds.MAX_RESULT_METRICS);
            PublishedBounds.maxItems(openApi, "ExperimentComparison", "workloads", MAX_CELLS);
            PublishedBounds.maxItems(openApi, "ExperimentPresetList", "items", Presets.all().size());
            int configurations = Presets.all().stream().mapToInt(p -> p.configurations().size()).max().orElse(0);
            PublishedBounds.maxItems(openApi, "ExperimentPreset", "configurations", configurations);
            PublishedBounds.maxItems(openApi, "ExperimentPreset", "microbenchmarks", catalogue);
            PublishedBounds.maxItems(openApi, "ExperimentPreset", "applications", catalogue);
            PublishedBounds.maxItems(openApi, "ExperimentPresetConfiguration", "hypervisors", Path.HARD_MAX_DEPTH);
        };
    }
}
