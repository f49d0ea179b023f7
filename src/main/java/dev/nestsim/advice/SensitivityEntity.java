package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A sensitivity analysis as stored. Its status follows {@link ExperimentStatus#canMoveTo}. Its points are rows of their own
 * ({@link SensitivityPoints}), written one by one as the job computes them; {@code pointsDone} counts them.
 */
@Entity
@Table(name = "sensitivity_analyses")
public class SensitivityEntity {

    @Id
    private UUID id;
    /** Whose it is: the tenant of whoever asked for it (see dev.nestsim.security); never changes. */
    private String tenant = "default";
    @Enumerated(EnumType.STRING)
    private ExperimentStatus status;
    private String workload;
    private String input;
    private long seed;
    private String factors;
    private Integer pointsTotal;
    private int pointsDone;
    private boolean cancelRequested;
    private int attempts;
    private String result;
    private String problemDetail;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant startedAt;
    private Instant finishedAt;

    protected SensitivityEntity() {
    }

    SensitivityEntity(UUID id, String workload, String input, long seed, Instant now) {
        this.id = id;
        this.status = ExperimentStatus.QUEUED;
        this.workload = workload;
        this.input = input;
        this.seed = seed;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves to {@code next}, or throws when the state machine does not allow it. */
    void moveTo(ExperimentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("sensitivity analysis " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
        updatedAt = now;
        if (next == ExperimentStatus.RUNNING && startedAt == null) {
            startedAt = now;
        }
        if (next.isTerminal()) {
            finishedAt = now;
        }
    }

    void ownedBy(String owner) {
        this.tenant = Objects.requireNonNull(owner, "tenant");
    }

    public UUID getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public ExperimentStatus getStatus() {
        return status;
    }

    public String getWorkload() {
        return workload;
    }

    public String getInput() {
        return input;
    }

    public long getSeed() {
        return seed;
    }

    public String getFactors() {
        return factors;
    }

    public Integer getPointsTotal() {
        return pointsTotal;
    }

    public int getPointsDone() {
        return pointsDone;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getResult() {
        return result;
    }

    public String getProblemDetail() {
        return problemDetail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
