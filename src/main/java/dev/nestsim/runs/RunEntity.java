package dev.nestsim.runs;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run as stored, the truth about it. It is inserted QUEUED here; every later change of status, owner,
 * lease or progress is a guarded update in {@link RunLedger}, whose conditions follow {@link RunStatus#canMoveTo}.
 * Each such update bumps {@code version}.
 */
@Entity
@Table(name = "runs")
public class RunEntity {

    @Id
    private UUID id;
    /** Whose it is: the tenant of whoever created it (see dev.nestsim.security); never changes. */
    private String tenant = "default";
    @Enumerated(EnumType.STRING)
    private RunStatus status;
    private String workload;
    @Enumerated(EnumType.STRING)
    private TargetKind targetKind;
    private UUID targetId;
    private UUID hostId;
    private int level;
    private String parameters;
    private long seed;
    private int replications;
    private int replicationsDone;
    private String snapshot;
    private int attempts;
    private String executor;
    private Instant leaseUntil;
    private boolean cancelRequested;
    private String problemType;
    private String problemDetail;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant updatedAt;

    protected RunEntity() {
    }

    /** A new QUEUED run with its configuration frozen. */
    RunEntity(UUID id, String workload, Target target, PathSnapshot snapshot, Map<String, Double> parameters, long seed,
              int replications, Instant now) {
        this.id = id;
        this.status = RunStatus.QUEUED;
        this.workload = workload;
        this.targetKind = target.kind();
        this.targetId = target.id();
        this.hostId = snapshot.ids().get(0);
        this.level = snapshot.level();
        this.parameters = RunDocuments.parameters(parameters);
        this.seed = seed;
        this.replications = replications;
        this.snapshot = RunDocuments.snapshot(snapshot);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public RunStatus getStatus() {
        return status;
    }

    public String getWorkload() {
        return workload;
    }

    public Target getTarget() {
        return new Target(targetKind, targetId);
    }

    public UUID getHostId() {
        return hostId;
    }

    public int getLevel() {
        return level;
    }

    public Map<String, Double> getParameters() {
        return RunDocuments.parameters(parameters);
    }

    public long getSeed() {
        return seed;
    }

    public int getReplications() {
        return replications;
    }

    public int getReplicationsDone() {
        return replicationsDone;
    }

    /** The configuration it runs on, as frozen at submission. */
    public PathSnapshot getConfiguration() {
        return RunDocuments.snapshot(snapshot);
    }

    public int getAttempts() {
        return attempts;
    }

    /** The instance executing it, or that executed it last; {@code null} before the first execution. */
    public String getExecutor() {
        return executor;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** The problem type URI when FAILED. */
    public String getProblemType() {
        return problemType;
    }

    /** What went wrong when FAILED. */
    public String getProblemDetail() {
        return problemDetail;
    }

    public long getVersion() {
        return version == null ? 0 : version;
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

    public Instant getUpdatedAt() {
        return updatedAt;
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
