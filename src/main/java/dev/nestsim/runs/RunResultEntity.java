package dev.nestsim.runs;

import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.Metric;
import dev.nestsim.model.workload.WorkloadResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The result of a SUCCEEDED run, written once with the status change; its key is the run's, so there is never a second. */
@Entity
@Table(name = "run_results")
public class RunResultEntity {

    @Id
    private UUID runId;
    private int level;
    private String parameters;
    private long seed;
    private int replications;
    private String primaryName;
    private String primaryUnit;
    private Integer primaryLevel;
    private double primaryMean;
    private double primaryHalfWidth;
    private double primaryConfidence;
    @Column(name = "primary_n")
    private int primaryN;
    private Double normalizedMean;
    private Double normalizedHalfWidth;
    private Double normalizedConfidence;
    @Column(name = "normalized_n")
    private Integer normalizedN;
    /** The primary metric per replication, comma-separated; {@code null} when not kept (analytic, or stored before V11). */
    private String primaryValues;
    private Instant createdAt;

    protected RunResultEntity() {
    }

    RunResultEntity(UUID runId, WorkloadResult result, Instant now) {
        this.runId = runId;
        this.level = result.level();
        this.parameters = RunDocuments.parameters(result.parameters());
        this.seed = result.seed();
        this.replications = result.replications();
        Metric primary = result.primary();
        this.primaryName = primary.name();
        this.primaryUnit = primary.unit();
        this.primaryLevel = primary.level();
        this.primaryMean = primary.estimate().mean();
        this.primaryHalfWidth = primary.estimate().halfWidth();
        this.primaryConfidence = primary.estimate().confidence();
        this.primaryN = primary.estimate().n();
        Estimate normalized = result.normalizedToNative();
        if (normalized != null) {
            this.normalizedMean = normalized.mean();
            this.normalizedHalfWidth = normalized.halfWidth();
            this.normalizedConfidence = normalized.confidence();
            this.normalizedN = normalized.n();
        }
        this.primaryValues = result.primaryValues().isEmpty() ? null
                : result.primaryValues().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.createdAt = now;
    }

    public UUID getRunId() {
        return runId;
    }

    public int getLevel() {
        return level;
    }

    /** Every parameter the workload ran with, defaults filled in, in name order. */
    public Map<String, Double> getParameters() {
        return RunDocuments.parameters(parameters);
    }

    public long getSeed() {
        return seed;
    }

    public int getReplications() {
        return replications;
    }

    /** The primary metric. */
    public Metric getPrimary() {
        return new Metric(primaryName, primaryUnit, primaryLevel, new Estimate(primaryMean, primaryHalfWidth, primaryConfidence, primaryN));
    }

    /**
     * The primary metric's value in each replication, in replication order, exactly as computed; empty when the run
     * kept none (an analytic figure, or a run stored before they were kept).
     */
    public List<Double> getPrimaryValues() {
        if (primaryValues == null || primaryValues.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(primaryValues.split(",")).map(Double::valueOf).toList();
    }

    /** Performance relative to native, or {@code null} when the workload has no native counterpart. */
    public Estimate getNormalizedToNative() {
        return normalizedMean == null ? null : new Estimate(normalizedMean, normalizedHalfWidth, normalizedConfidence, normalizedN);
    }
}
