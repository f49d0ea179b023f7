package dev.nestsim.provisioning;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
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

/** A leaf VM as stored: its parent is a host or a guest hypervisor, fixed at creation. Changes go through {@link VmService}. */
@Entity
@Table(name = "vms")
public class VmEntity {

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
    @Enumerated(EnumType.STRING)
    private IoModel io;
    @Convert(converter = DvhSetConverter.class)
    @Column(name = "dvh")
    private Set<DvhMechanism> dvh;
    private boolean postedInterrupts;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected VmEntity() {
    }

    VmEntity(UUID id, UUID hostId, UUID parentHypervisorId, int level, Instant now) {
        this.id = id;
        this.hostId = hostId;
        this.parentHypervisorId = parentHypervisorId;
        this.level = level;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(LeafVm model, Instant now) {
        this.name = model.name();
        this.vcpus = model.vcpus();
        this.memoryGib = model.memoryGib();
        this.io = model.io();
        this.dvh = model.dvh();
        this.postedInterrupts = model.postedInterrupts();
        this.updatedAt = now;
    }

    /** The model's view of this VM. */
    public LeafVm toModel() {
        return new LeafVm(name, vcpus, memoryGib, io, dvh, postedInterrupts);
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

    public IoModel getIo() {
        return io;
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
