package dev.nestsim.experiments.web;

import dev.nestsim.experiments.ExperimentSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An experiment to create: a preset, or targets and workloads. Every field is checked, and every problem reported at once. */
@Schema(name = "ExperimentRequest", description = "Either a preset (GET /api/v1/experiment-presets), or targets and workloads: every "
        + "workload runs on every target, each (target, workload) cell one run with the experiment's seed",
        example = """
                {"name":"timer sweep","targets":[{"name":"L1","vmId":"9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d"},\
                {"name":"native","hostId":"0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11"}],\
                "workloads":[{"workload":"program-timer"},{"workload":"memcached","parameters":{"clientThreads":2}}],"replications":5,"seed":42}""")
public record ExperimentRequest(
        @Schema(description = "What to call it, 1 to 200 characters; required without a preset (a preset's name by default)", example = "timer sweep")
        String name,
        @Schema(description = "A preset of GET /api/v1/experiment-presets; excludes targets and workloads", example = "asplos20") String preset,
        @Schema(description = "The configurations compared: existing VMs or hosts (natively)") List<TargetItem> targets,
        @Schema(description = "The workloads, each run on every target") List<WorkloadItem> workloads,
        @Schema(description = "Replications of every cell, 1 to the smallest maxReplications of its workloads; default 10 (a preset's own)",
                example = "10", minimum = "1") Integer replications,
        @Schema(description = "Seed of every cell's run, 0 to 9007199254740991 (2^53 - 1); chosen and recorded when absent. Every cell "
                + "shares it, so the configurations are compared under common random numbers, and a cell re-run alone as a run with this "
                + "seed gives the same numbers", example = "42", minimum = "0", maximum = "9007199254740991") Long seed) {

    /** One configuration: exactly one of vmId and hostId. */
    @Schema(name = "ExperimentTarget", description = "A configuration: exactly one of vmId (in that VM) and hostId (natively on that host)")
    public record TargetItem(
            @Schema(description = "Its name in the results; default the VM's or host's name. Unique within the experiment", example = "L2 DVH")
            String name,
            @Schema(description = "A VM to run in", example = "9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d") UUID vmId,
            @Schema(description = "A host to run on natively", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId) {
    }

    /** One workload with its parameters. */
    @Schema(name = "ExperimentWorkload", description = "A workload of GET /api/v1/workloads and values for some of its parameters")
    public record WorkloadItem(
            @Schema(description = "The workload", example = "memcached", requiredMode = Schema.RequiredMode.REQUIRED) String workload,
            @Schema(description = "Values for some of its parameters; the others take their defaults", example = "{\"clientThreads\":2}")
            Map<String, Double> parameters) {
    }

    ExperimentSpec toSpec() {
        return new ExperimentSpec(name, preset,
                targets == null ? null : targets.stream().map(t -> t == null ? null : new ExperimentSpec.TargetSpec(t.name(), t.vmId(), t.hostId())).toList(),
                workloads == null ? null : workloads.stream().map(w -> w == null ? null : new ExperimentSpec.WorkloadSpec(w.workload(), w.parameters())).toList(),
                replications, seed);
    }
}
