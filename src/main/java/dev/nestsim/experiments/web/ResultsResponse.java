package dev.nestsim.experiments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.Metric;
import dev.nestsim.runs.RunMetricEntity;
import dev.nestsim.runs.RunStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** What an experiment's cells measured: every cell, with its run's metrics once that run SUCCEEDED. */
@Schema(name = "ExperimentResults", description = "Every cell of the experiment with its run's result where that run SUCCEEDED; cells still "
        + "waiting or running have a status and no figures. Each cell's figures are exactly those of GET /api/v1/runs/{runId}/result")
public record ResultsResponse(
        @Schema(example = "5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70") UUID experimentId,
        @Schema(example = "asplos20") String name,
        ExperimentStatus status,
        @Schema(description = "The seed of every cell's run", example = "42") long seed,
        @Schema(description = "Replications of every cell", example = "10") int replications,
        List<CellBody> cells) {

    static ResultsResponse of(ExperimentResults.Results results) {
        var e = results.experiment().experiment();
        return new ResultsResponse(e.getId(), e.getName(), e.getStatus(), e.getSeed(), e.getReplications(),
                results.cells().stream().map(CellBody::of).toList());
    }

    /** One cell's result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentCellResult", description = "A cell and, once its run SUCCEEDED, what it measured")
    public record CellBody(
            @Schema(example = "L2 baseline") String configuration,
            @Schema(example = "memcached") String workload,
            @Schema(description = "Its run, once submitted", example = "3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") UUID runId,
            @Schema(description = "Its run's status; absent while the cell waits for room in the run queue") RunStatus status,
            @Schema(description = "The level it ran at (0: natively)", example = "2") Integer level,
            @Schema(description = "The workload's primary metric") MetricBody primary,
            @Schema(description = "Performance relative to the same workload natively on the same host (1 is native, below 1 slower); absent "
                    + "when the workload has no native counterpart") EstimateBody normalizedToNative,
            @Schema(description = "Every metric, overall (level absent) and per level, as the run's result has them") List<MetricBody> metrics) {

        static CellBody of(ExperimentResults.CellResult c) {
            if (c.result() == null) {
                return new CellBody(c.configuration().name(), c.cell().workload(), c.cell().runId(), c.cell().runStatus(), null, null, null, null);
            }
            var r = c.result().result();
            Estimate normalized = r.getNormalizedToNative();
            return new CellBody(c.configuration().name(), c.cell().workload(), c.cell().runId(), c.cell().runStatus(), r.getLevel(),
                    MetricBody.of(r.getPrimary()), normalized == null ? null : EstimateBody.of(normalized),
                    c.result().metrics().stream().map(MetricBody::of).toList());
        }
    }

    /** A mean with its confidence half-width. */
    @Schema(name = "ExperimentEstimate", description = "A mean over the replications and the half-width of its confidence interval")
    public record EstimateBody(@Schema(example = "0.91") double mean, @Schema(example = "0.004") double halfWidth,
                               @Schema(example = "0.95") double confidence, @Schema(example = "10") int n) {

        static EstimateBody of(Estimate e) {
            return new EstimateBody(e.mean(), e.halfWidth(), e.confidence(), e.n());
        }
    }

    /** One metric, in the shape of a run's result (level and reason written as null where they do not apply). */
    @Schema(name = "ExperimentMetric", description = "One metric of a cell's run")
    public record MetricBody(
            @Schema(example = "cycles") String name,
            @Schema(example = "cycles/operation") String unit,
            @Schema(description = "The level it belongs to, null for the whole run", example = "1", nullable = true) Integer level,
            @Schema(description = "The exit reason of an exit-profile metric, null for every other metric", example = "EPT_VIOLATION",
                    nullable = true) String reason,
            @Schema(example = "41210.5") double mean,
            @Schema(example = "0.0") double halfWidth,
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
