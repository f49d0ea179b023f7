package dev.nestsim.experiments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.RatioInterval;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.runs.RunStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** Two configurations of an experiment, workload by workload: the speedup of one over the other with its interval. */
@Schema(name = "ExperimentComparison", description = "Per workload, the performance of `against` relative to `baseline` (above 1: `against` "
        + "is faster), from the workload's primary metric, with its 95% confidence interval")
public record ComparisonResponse(
        @Schema(example = "5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70") UUID experimentId,
        @Schema(example = "L2 baseline") String baseline,
        @Schema(example = "L2 DVH") String against,
        @Schema(description = "Whether each workload's two cells share common random numbers (the same seed and replications: always "
                + "within one experiment)", example = "true") boolean commonRandomNumbers,
        @Schema(description = "How the intervals are computed, in words (each row's `method` says which it used). Replication r of every "
                + "cell of an experiment draws the same random numbers, and a run keeps its primary metric's value per replication, so the "
                + "two cells of a workload are compared pair by pair: Fieller's interval for the ratio of the two means with the pairs' "
                + "covariance ('paired'), narrower than the independent one when the pairs are positively correlated. Cells stored before "
                + "runs kept per-replication values fall back to Fieller's interval for two independent means ('fieller'); microbenchmarks "
                + "are analytic ('exact')",
                example = "paired by replication (common random numbers): Fieller's interval for the ratio of two means with the pairs' covariance")
        String intervalMethod,
        List<RowBody> workloads) {

    static final String PAIRED = "paired by replication (common random numbers): Fieller's interval for the ratio of two means with the "
            + "pairs' covariance";
    static final String MIXED = "paired by replication where both cells kept per-replication values (Fieller's interval with the pairs' "
            + "covariance), otherwise Fieller's interval for two independent means; see each "
            + "row's method";

    static String method(List<ExperimentResults.Row> rows) {
        boolean allPaired = rows.stream().map(ExperimentResults.Row::speedup).filter(java.util.Objects::nonNull)
                .allMatch(s -> !RatioInterval.FIELLER.equals(s.method()));
        return allPaired ? PAIRED : MIXED;
    }

    static ComparisonResponse of(ExperimentResults.Comparison c) {
        return new ComparisonResponse(c.experiment().experiment().getId(), c.baseline(), c.against(), c.commonRandomNumbers(), method(c.rows()),
                c.rows().stream().map(RowBody::of).toList());
    }

    /** One workload. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentComparisonRow", description = "One workload on both configurations")
    public record RowBody(
            @Schema(example = "memcached") String workload,
            @Schema(description = "The primary metric compared", example = "throughput") String metric,
            @Schema(example = "operations/s") String unit,
            @Schema(description = "Whether more of the metric is better; the speedup is against/baseline when it is, baseline/against when not",
                    example = "true") Boolean higherIsBetter,
            SideBody baselineCell,
            SideBody againstCell,
            @Schema(description = "Performance of `against` over `baseline`; absent until both cells SUCCEEDED", example = "3.1") Double speedup,
            @Schema(description = "Lower bound of the interval; absent when unbounded or unknown", example = "2.8") Double lower,
            @Schema(description = "Upper bound of the interval; absent when unbounded or unknown", example = "3.4") Double upper,
            @Schema(example = "0.95") Double confidence,
            @Schema(description = "paired (Fieller's interval with the pairs' covariance, replication by replication), fieller (Fieller's "
                    + "interval for two independent means, for cells stored without per-replication values), exact (both figures analytic), "
                    + "or none (a single replication); paired and fieller intervals are unbounded when the denominator's interval contains 0",
                    example = "paired") String method) {

        static RowBody of(ExperimentResults.Row row) {
            RatioInterval s = row.speedup();
            var primary = row.baseline().result() == null ? null : row.baseline().result().result().getPrimary();
            return new RowBody(row.workload(), primary == null ? null : primary.name(), primary == null ? null : primary.unit(), row.higherIsBetter(),
                    SideBody.of(row.baseline()), SideBody.of(row.against()), s == null ? null : s.ratio(), s == null ? null : s.lower(),
                    s == null ? null : s.upper(), s == null ? null : s.confidence(), s == null ? null : s.method());
        }
    }

    /** One of the two cells. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentComparisonCell", description = "A cell of the comparison and its primary metric")
    public record SideBody(
            @Schema(example = "3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") UUID runId,
            RunStatus status,
            @Schema(description = "Its primary metric, once SUCCEEDED") ResultsResponse.EstimateBody primary) {

        static SideBody of(ExperimentResults.CellResult c) {
            Estimate e = c.result() == null ? null : c.result().result().getPrimary().estimate();
            return new SideBody(c.cell().runId(), c.cell().runStatus(), e == null ? null : ResultsResponse.EstimateBody.of(e));
        }
    }
}
