package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An advice as stored. Its status follows {@link ExperimentStatus#canMoveTo}; every change is made under its {@code @Version},
 * so two instances advancing it at once cannot both commit a stage.
 */
@Entity
@Table(name = "advice")
public class AdviceEntity {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ExperimentStatus status;
    private String workload;
    private String input;
    private long seed;
    private int stage;
    private UUID experimentId;
    private String plan;
    private String result;
    private String problemDetail;
    @Version
    private Long version;
    private Instant createdAt;
    /** Whose it is: the tenant of whoever asked for it (see dev.nestsim.security); never changes. */
    private String tenant = "default";
    private Instant updatedAt;
    private Instant finishedAt;

    protected AdviceEntity() {
    }

    AdviceEntity(UUID id, String workload, String input, long seed, Instant now) {
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
            throw new IllegalStateException("advice " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
        updatedAt = now;
        if (next.isTerminal()) {
            finishedAt = now;
        }
    }

    void stage(int stage, UUID experimentId, String plan, Instant now) {
        this.stage = stage;
        this.experimentId = experimentId;
        this.plan = plan;
        this.updatedAt = now;
    }

    void succeed(String result, Instant now) {
        this.result = result;
        moveTo(ExperimentStatus.SUCCEEDED, now);
    }

    void fail(String detail, Instant now) {
        this.problemDetail = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        moveTo(ExperimentStatus.FAILED, now);
    }

    public UUID getId() {
        return id;
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

    public int getStage() {
        return stage;
    }

    public UUID getExperimentId() {
        return experimentId;
    }

    public String getPlan() {
        return plan;
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

    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** The tenant it belongs to. */
    public String getTenant() {
        return tenant;
    }

    /** Gives it to {@code owner} (before it is first stored). */
    void ownedBy(String owner) {
        this.tenant = java.util.Objects.requireNonNull(owner, "tenant");
    }
}
