package dev.nestsim.runs.web;

import dev.nestsim.runs.RunService;
import dev.nestsim.runs.RunSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** A run to submit. Every field is checked by the service, and every problem is reported at once. */
@Schema(name = "RunRequest", description = "A workload to run on a VM or natively on a host",
        example = """
                {"target":{"vmId":"9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d"},"workload":"memcached","replications":10,"seed":42}""")
public record RunRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) TargetBody target,
        @Schema(description = "A workload of GET /api/v1/workloads; any other name is refused (rule known-workload)", example = "device-notify",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = RunRequest.MAX_WORKLOAD_CHARS)
        String workload,
        @Schema(description = "Values for some of the workload's parameters (GET /api/v1/workloads lists them with their units and "
                + "ranges); the others take their defaults", example = "{}") Map<String, Double> parameters,
        @Schema(description = "Independent replications, 1 to the workload's maxReplications; default " + RunService.DEFAULT_REPLICATIONS
                + ". An analytic workload (a microbenchmark, analytic true in the catalogue) is exact in one evaluation: its run "
                + "evaluates once and records 1, whatever is asked",
                example = "10", minimum = "1") Integer replications,
        @Schema(description = "Seed of the run's random streams, 0 to 9007199254740991 (2^53 - 1); chosen and recorded when absent. "
                + "The same target configuration, workload, parameters, replications and seed give the same result.",
                example = "42", minimum = "0", maximum = "9007199254740991") Long seed) {

    /** Longer than any workload's name: a longer one is refused as unknown. */
    static final int MAX_WORKLOAD_CHARS = 100;

    RunSpec toSpec() {
        return new RunSpec(target == null ? null : target.vmId(), target == null ? null : target.hostId(), workload, parameters,
                replications, seed);
    }
}
