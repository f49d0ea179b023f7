package dev.nestsim.provisioning;

import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.ViommuMode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A guest hypervisor as stored: its parent is a host (L1) or another guest hypervisor, fixed at creation.
 * Changes go through {@link HypervisorService}.
 */
@Entity
@Table(name = "hypervisors")
public class HypervisorEntity {

    @Id
    private UUID id;
    /** Whose it is: the tenant of whoever created it (see dev.nestsim.security); never changes. */
    private String tenant = "default";
    private String name;
    private UUID hostId;
    private UUID parentHypervisorId;
    private int level;
    private int vcpus;
    private int memoryGib;
    @Convert(converter = DvhSetConverter.class)
    @Column(name = "dvh")
    private Set<DvhMechanism> dvh;
    private boolean exposeVmcsShadowing;
    private long haltPollNs;
    @Enumerated(EnumType.STRING)
    private ViommuMode viommu;
    private boolean postedInterrupts;
    @Enumerated(EnumType.STRING)
    private TimerOffload timerOffload;
    /** Its own kernel generation; {@code null}: it runs its parent's. */
    @Convert(converter = KernelConverter.class)
    private KernelGeneration kernel;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected HypervisorEntity() {
    }

    HypervisorEntity(UUID id, UUID hostId, UUID parentHypervisorId, int level, Instant now) {
        this.id = id;
        this.hostId = hostId;
        this.parentHypervisorId = parentHypervisorId;
        this.level = level;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(GuestHypervisor model, Instant now) {
        this.name = model.name();
        this.vcpus = model.vcpus();
        this.memoryGib = model.memoryGib();
        HypervisorSettings s = model.settings();
        this.dvh = s.dvh();
        this.exposeVmcsShadowing = s.exposeVmcsShadowing();
        this.haltPollNs = s.haltPollNs();
        this.postedInterrupts = s.postedInterrupts();
        this.timerOffload = s.timerOffload();
        this.kernel = s.kernel();
        this.viommu = model.viommu();
        this.updatedAt = now;
    }

    /** The model's view of this guest hypervisor. */
    public GuestHypervisor toModel() {
        return new GuestHypervisor(name, vcpus, memoryGib,
                new HypervisorSettings(dvh, haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts, kernel), viommu);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UUID getHostId() {
        return hostId;
    }

    /** The guest hypervisor it runs in, or {@code null} when it runs on the host (L1). */
    public UUID getParentHypervisorId() {
        return parentHypervisorId;
    }

    public int getLevel() {
        return level;
    }

    public int getVcpus() {
        return vcpus;
    }

    public int getMemoryGib() {
        return memoryGib;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }

    public Instant getCreatedAt() {
        return createdAt;
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
