package dev.nestsim.runs.web;

import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.Metric;
import dev.nestsim.runs.RunEntity;
import dev.nestsim.runs.RunMetricEntity;
import dev.nestsim.runs.RunResult;
import dev.nestsim.runs.RunResultEntity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a SUCCEEDED run measured. Nothing in it depends on when or where the run executed (no timestamps,
 * no attempt count, no executor): a run with the same configuration, workload, parameters, replications and
 * seed has an identical result apart from {@code runId}.
 */
@Schema(name = "RunResult", description = "What a SUCCEEDED run measured: every metric as a mean with its 95% confidence half-width "
        + "over the replications, overall and per level, and the primary metric normalised to the same workload on bare metal")
public record RunResultResponse(
        @Schema(description = "The run", example = "3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") UUID runId,
        @Schema(description = "The workload", example = "device-notify") String workload,
        TargetBody target,
        @Schema(description = "The level it ran at (0: natively)", example = "2") int level,
        @Schema(description = "Every parameter it ran with, defaults filled in") Map<String, Double> parameters,
        @Schema(description = "The seed", example = "42") long seed,
        @Schema(description = "Replications", example = "10") int replications,
        @Schema(description = "The workload's primary metric") MetricBody primary,
        @Schema(description = "Performance relative to the same workload natively on the same host: 1 is native, below 1 slower; "
                + "null when the workload has no native counterpart", nullable = true) EstimateBody normalizedToNative,
        @Schema(description = "A microbenchmark's slowdown against bare metal: its cycles divided by the same microbenchmark's cycles "
                + "natively on the same host (1 is native, 2 twice the cycles; the inverse of normalizedToNative, rounded to 3 decimals); "
                + "null for every other workload, and for a microbenchmark with no native counterpart", example = "5.764", nullable = true)
        Double cyclesVsNative,
        @Schema(description = "Every metric, overall (level null) and per level") List<MetricBody> metrics) {

    static RunResultResponse of(RunResult stored) {
        RunEntity run = stored.run();
        RunResultEntity result = stored.result();
        Estimate normalized = result.getNormalizedToNative();
        return new RunResultResponse(run.getId(), run.getWorkload(), TargetBody.of(run.getTarget()), result.getLevel(), result.getParameters(),
                result.getSeed(), result.getReplications(), MetricBody.of(result.getPrimary()),
                normalized == null ? null : EstimateBody.of(normalized), cyclesVsNative(result), stored.metrics().stream().map(MetricBody::of).toList());
    }

    /** Cycles over native cycles when the primary metric is cycles (a microbenchmark) and there is a native figure; else null. */
    static Double cyclesVsNative(RunResultEntity result) {
        Estimate normalized = result.getNormalizedToNative();
        if (normalized == null || normalized.mean() <= 0 || !"cycles".equals(result.getPrimary().name())) {
            return null;
        }
        return Math.round(1000 / normalized.mean()) / 1000.0;
    }

    /** A mean over independent replications with its confidence half-width (Student's t). */
    @Schema(name = "Estimate", description = "A mean over independent replications and the half-width of its confidence interval")
    public record EstimateBody(
            @Schema(example = "0.91") double mean,
            @Schema(description = "Half the width of the confidence interval; 0 for an analytic (exact) figure", example = "0.004") double halfWidth,
            @Schema(description = "Confidence level of the interval", example = "0.95") double confidence,
            @Schema(description = "Replications", example = "10") int n) {

        static EstimateBody of(Estimate e) {
            return new EstimateBody(e.mean(), e.halfWidth(), e.confidence(), e.n());
        }
    }

    /** One metric. */
    @Schema(name = "RunMetric", description = "One metric of a run")
    public record MetricBody(
            @Schema(description = "Stable name", example = "cycles") String name,
            @Schema(description = "Unit", example = "cycles/operation") String unit,
            @Schema(description = "The level it belongs to (0 is L0), or null for the whole run", example = "1", nullable = true) Integer level,
            @Schema(description = "The exit reason of an exit-profile metric (exitsByReasonPerSecond, exitsByReasonPerOperation, "
                    + "cyclesByReasonPerSecond, cyclesByReasonPerOperation), as perf kvm stat names it; null for every other metric",
                    example = "EPT_VIOLATION", nullable = true) String reason,
            @Schema(example = "41210.5") double mean,
            @Schema(description = "95% confidence half-width (0 for an analytic figure)", example = "0.0") double halfWidth,
            @Schema(example = "0.95") double confidence,
            @Schema(example = "10") int n) {

        static MetricBody of(Metric m) {
            Estimate e = m.estimate();
            return new MetricBody(m.name(), m.unit(), m.level(), m.reason(), e.mean(), e.halfWidth(), e.confidence(), e.n());
        }

        static MetricBody of(RunMetricEntity m) {
            return new MetricBody(m.getName(), m.getUnit(), m.getLevel(), m.getReason(), m.getMean(), m.getHalfWidth(), m.getConfidence(), m.getN());
        }
    }
}
