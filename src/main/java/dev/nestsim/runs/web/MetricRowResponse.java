package dev.nestsim.runs.web;

import dev.nestsim.runs.RunMetricEntity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** One stored metric of a SUCCEEDED run, with the run it belongs to. */
@Schema(name = "MetricRow", description = "One metric of a SUCCEEDED run, with its run's workload, target and level, for comparisons across runs")
public record MetricRowResponse(
        @Schema(description = "The run", example = "3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") UUID runId,
        @Schema(description = "The run's workload", example = "device-notify") String workload,
        TargetBody target,
        @Schema(description = "The level the run's workload ran at (0: natively)", example = "2") int runLevel,
        @Schema(description = "Stable name", example = "exits") String name,
        @Schema(description = "Unit", example = "exits/operation") String unit,
        @Schema(description = "The level the metric belongs to, or null for the whole run", example = "1", nullable = true) Integer level,
        @Schema(description = "The exit reason of an exit-profile metric (exitsByReasonPerSecond, exitsByReasonPerOperation, "
                + "cyclesByReasonPerSecond, cyclesByReasonPerOperation), as perf kvm stat names it; null for every other metric",
                example = "EPT_VIOLATION", nullable = true) String reason,
        @Schema(example = "2.0") double mean,
        @Schema(description = "95% confidence half-width", example = "0.0") double halfWidth,
        @Schema(example = "0.95") double confidence,
        @Schema(description = "Replications", example = "10") int n) {

    static MetricRowResponse of(RunMetricEntity m) {
        return new MetricRowResponse(m.getRunId(), m.getWorkload(), TargetBody.of(m.getTarget()), m.getRunLevel(), m.getName(), m.getUnit(),
                m.getLevel(), m.getReason(), m.getMean(), m.getHalfWidth(), m.getConfidence(), m.getN());
    }
}
