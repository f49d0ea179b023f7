package dev.nestsim.advice.web;

import dev.nestsim.advice.AdviceEntity;
import dev.nestsim.advice.AdviceResult;
import dev.nestsim.advice.AdviceService;
import dev.nestsim.experiments.ExperimentStatus;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An advice: its status and progress and, once SUCCEEDED, what it found. */
@Schema(name = "Advice", description = "An advice: status, progress and, once SUCCEEDED, the ranked recommendations, the Pareto front and "
        + "infeasible (null, or why no configuration meets the constraints: an answer, not an error)")
record AdviceResponse(
        @Schema(example = "5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70") UUID id,
        ExperimentStatus status,
        @Schema(example = "memcached") String workload,
        @Schema(description = "The seed of every run", example = "42") long seed,
        @Schema(description = "The space searched, as stored with the advice: the request's space with every default filled in")
        SearchSpaceBody searchSpace,
        ProgressBody progress,
        @ArraySchema(arraySchema = @Schema(description = "The simulated configurations that meet every constraint, best first; empty until "
                + "SUCCEEDED"), maxItems = 64) List<AdviceResult.Recommendation> recommendations,
        @ArraySchema(arraySchema = @Schema(description = "Ranks of the recommendations no other beats on normalizedToNative, "
                + "cyclesPerOperationVsNative and liveMigratable"), maxItems = 64) List<Integer> paretoFront,
        @Schema(description = "Null, or why no configuration meets the constraints", nullable = true) String infeasible,
        @Schema(description = "How the space was searched; null until SUCCEEDED", nullable = true) AdviceResult.Space space,
        @ArraySchema(arraySchema = @Schema(description = "For the recommendation, what each knob it turns on buys: the same configuration "
                + "with that knob off, run with the same seed and replications; empty until SUCCEEDED"), maxItems = 16) List<AdviceResult.Why> why,
        @Schema(description = "Why it FAILED", nullable = true) String problem,
        Instant createdAt,
        @Schema(nullable = true) Instant finishedAt) {

    /** Stage and cells of the current stage's experiment. */
    @Schema(name = "AdviceProgress", description = "stage 0: screening; 1: simulating the most promising; 2: refining the contenders with "
            + "twice the replications; 3: running the recommendation's knob-off alternatives (why). The current stage's experiment and "
            + "its cells done")
    record ProgressBody(int stage, @Schema(nullable = true) UUID experimentId, int cellsDone, int cellsTotal, double percent) {
    }

    /** The space searched. */
    @Schema(name = "AdviceSearchSpace", description = "The values the knobs the request may widen take (space), defaults filled in")
    record SearchSpaceBody(
            @ArraySchema(arraySchema = @Schema(description = "The guest hypervisors' kernels tried; empty at depth 1, where there are none",
                    example = "[\"linux-4.18\",\"linux-5.10\"]"), maxItems = 4) List<String> guestKernels,
            @ArraySchema(arraySchema = @Schema(description = "The VM's vCPU counts tried", example = "[2,4]"), maxItems = 4) List<Integer> vmVcpus,
            @Schema(description = "Whether each level's DVH set may differ", example = "false") boolean dvhPerLevel,
            @Schema(description = "Whether the request gave a space: then candidates the constraints exclude were not enumerated",
                    example = "true") boolean widened) {
    }

    static AdviceResponse of(AdviceEntity a, AdviceService service) {
        AdviceService.SearchSpace s = service.space(a);
        AdviceService.Progress p = service.progress(a);
        double percent = a.getStatus() == ExperimentStatus.SUCCEEDED ? 100
                : p.cellsTotal() == 0 ? 0 : Math.round(1000.0 * p.cellsDone() / p.cellsTotal() * (p.stage() >= 2 ? 1 : 0.9)) / 10.0;
        AdviceResult r = service.result(a);
        return new AdviceResponse(a.getId(), a.getStatus(), a.getWorkload(), a.getSeed(),
                new SearchSpaceBody(s.guestKernels(), s.vmVcpus(), s.dvhPerLevel(), s.widened()),
                new ProgressBody(p.stage(), p.experimentId(), p.cellsDone(), p.cellsTotal(), percent),
                r == null ? List.of() : r.recommendations(), r == null ? List.of() : r.paretoFront(), r == null ? null : r.infeasible(),
                r == null ? null : r.space(), r == null || r.why() == null ? List.of() : r.why(), a.getProblemDetail(), a.getCreatedAt(), a.getFinishedAt());
    }
}
