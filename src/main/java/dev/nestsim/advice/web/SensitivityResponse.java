package dev.nestsim.advice.web;

import dev.nestsim.advice.Configuration;
import dev.nestsim.advice.SensitivityEntity;
import dev.nestsim.advice.SensitivityInput;
import dev.nestsim.advice.SensitivityResult;
import dev.nestsim.advice.SensitivityService;
import dev.nestsim.experiments.ExperimentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A sensitivity analysis: what it analyses, its status and progress and, once SUCCEEDED, what it found. */
@Schema(name = "Sensitivity", description = "A sensitivity analysis: the configuration analysed, status, progress in simulated points and, "
        + "once SUCCEEDED, the result: the knobs' one-at-a-time effects and the model parameters' Morris screening, each ranked with its "
        + "95% interval")
record SensitivityResponse(
        @Schema(example = "7a1c3e5f-2b4d-4c6e-8f0a-1b2c3d4e5f60") UUID id,
        ExperimentStatus status,
        @Schema(example = "memcached") String workload,
        @Schema(description = "The leaf's level", example = "2") int depth,
        @Schema(description = "The knobs analysed, defaults filled in") Configuration configuration,
        @Schema(description = "Replications of the configuration and of each knob's alternative", example = "3") int replications,
        @Schema(description = "Morris trajectories", example = "6") int trajectories,
        @Schema(description = "The seed of every simulation and of the design", example = "42") long seed,
        ProgressBody progress,
        @Schema(description = "Null until SUCCEEDED", nullable = true) SensitivityResult result,
        @Schema(description = "Why it FAILED", nullable = true) String problem,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {

    /** Points simulated of the total. */
    @Schema(name = "SensitivityProgress", description = "Simulated points done of the total; the total is known once the first point (the "
            + "configuration itself) tells which parameters the path reads")
    record ProgressBody(int pointsDone, @Schema(nullable = true) Integer pointsTotal, double percent) {
    }

    static SensitivityResponse of(SensitivityEntity s, SensitivityService service) {
        SensitivityInput in = service.input(s);
        double percent = s.getStatus() == ExperimentStatus.SUCCEEDED ? 100
                : s.getPointsTotal() == null || s.getPointsTotal() == 0 ? 0 : Math.round(1000.0 * s.getPointsDone() / s.getPointsTotal()) / 10.0;
        return new SensitivityResponse(s.getId(), s.getStatus(), s.getWorkload(), in.depth(), in.configuration(), in.replications(),
                in.trajectories(), s.getSeed(), new ProgressBody(s.getPointsDone(), s.getPointsTotal(), percent), service.result(s),
                s.getProblemDetail(), s.getCreatedAt(), s.getStartedAt(), s.getFinishedAt());
    }
}
