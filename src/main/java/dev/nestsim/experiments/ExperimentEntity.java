package dev.nestsim.experiments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An experiment as stored. It is inserted QUEUED here; every later change of status is a guarded update in
 * {@link ExperimentLedger}, under the lock of its row, whose conditions follow {@link ExperimentStatus#canMoveTo}.
 */
@Entity
@Table(name = "experiments")
public class ExperimentEntity {

    @Id
    private UUID id;
    /** Whose it is: the tenant of whoever created it (see dev.nestsim.security); never changes. */
    private String tenant = "default";
    private String name;
    private String preset;
    @Enumerated(EnumType.STRING)
    private ExperimentStatus status;
    private long seed;
    private int replications;
    private int cellsTotal;
    private Integer failedCell;
    private String problemDetail;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant updatedAt;

    protected ExperimentEntity() {
    }

    ExperimentEntity(UUID id, String name, String preset, long seed, int replications, int cellsTotal, Instant now) {
        this.id = id;
        this.name = name;
        this.preset = preset;
        this.status = ExperimentStatus.QUEUED;
        this.seed = seed;
        this.replications = replications;
        this.cellsTotal = cellsTotal;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The preset it was made from, or {@code null}. */
    public String getPreset() {
        return preset;
    }

    public ExperimentStatus getStatus() {
        return status;
    }

    public long getSeed() {
        return seed;
    }

    public int getReplications() {
        return replications;
    }

    public int getCellsTotal() {
        return cellsTotal;
    }

    /** The position of the cell that made it FAILED, or {@code null}. */
    public Integer getFailedCell() {
        return failedCell;
    }

    public String getProblemDetail() {
        return problemDetail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
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
