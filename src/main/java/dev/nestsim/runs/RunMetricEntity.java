package dev.nestsim.runs;

import dev.nestsim.model.workload.Metric;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One metric of a SUCCEEDED run, a row of its own so that metrics can be queried across runs; it carries its
 * run's workload, target and level for that. Written once, with the run's result.
 */
@Entity
@Table(name = "run_metrics")
@IdClass(RunMetricEntity.Key.class)
public class RunMetricEntity {

    @Id
    private UUID runId;
    @Id
    private int position;
    private String workload;
    @Enumerated(EnumType.STRING)
    private TargetKind targetKind;
    private UUID targetId;
    private int runLevel;
    private String name;
    private String unit;
    private Integer level;
    private String reason;
    private double mean;
    private double halfWidth;
    private double confidence;
    private int n;
    private Instant runCreatedAt;
    private String tenant;

    protected RunMetricEntity() {
    }

    RunMetricEntity(Claim run, int position, Metric metric) {
        this.runId = run.runId();
        this.position = position;
        this.workload = run.workload();
        this.targetKind = run.target().kind();
        this.targetId = run.target().id();
        this.runLevel = run.level();
        this.name = metric.name();
        this.unit = metric.unit();
        this.level = metric.level();
        this.reason = metric.reason();
        this.mean = metric.estimate().mean();
        this.halfWidth = metric.estimate().halfWidth();
        this.confidence = metric.estimate().confidence();
        this.n = metric.estimate().n();
        this.runCreatedAt = run.createdAt();
        this.tenant = run.tenant();
    }

    public UUID getRunId() {
        return runId;
    }

    public int getPosition() {
        return position;
    }

    public String getWorkload() {
        return workload;
    }

    public Target getTarget() {
        return new Target(targetKind, targetId);
    }

    /** The level the run's workload ran at. */
    public int getRunLevel() {
        return runLevel;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    /** The level the metric belongs to, or {@code null} for the whole run. */
    public Integer getLevel() {
        return level;
    }

    /** The exit reason of an exit-profile metric, or {@code null}. */
    public String getReason() {
        return reason;
    }

    public double getMean() {
        return mean;
    }

    public double getHalfWidth() {
        return halfWidth;
    }

    public double getConfidence() {
        return confidence;
    }

    public int getN() {
        return n;
    }

    public Instant getRunCreatedAt() {
        return runCreatedAt;
    }

    /** The primary key: the run and the metric's position in its result. */
    public static class Key implements Serializable {
        private UUID runId;
        private int position;

        protected Key() {
        }

        Key(UUID runId, int position) {
            this.runId = runId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.runId, runId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, position);
        }
    }
}
