package dev.nestsim.provisioning;

import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.hardware.Nic;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.TimerOffload;
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

/** A physical host and its host hypervisor L0, as stored. Changes go through {@link HostService}. */
@Entity
@Table(name = "hosts")
public class HostEntity {

    @Id
    private UUID id;
    /** Whose it is: the tenant of whoever created it (see dev.nestsim.security); never changes. */
    private String tenant = "default";
    private String name;
    private String profile;
    private int cores;
    private double clockGhz;
    private int memoryGib;
    private double nicGbps;
    private int nicSriovVfs;
    private boolean featureVmcsShadowing;
    private boolean featureApicv;
    private boolean featurePostedInterrupts;
    private boolean featureVtdPostedInterrupts;
    private boolean featureEpt;
    private boolean featureTscDeadlineTimer;
    private boolean featurePreemptionTimer;
    private boolean featureIommu;
    @Convert(converter = DvhSetConverter.class)
    @Column(name = "dvh")
    private Set<DvhMechanism> dvh;
    private long haltPollNs;
    @Enumerated(EnumType.STRING)
    private TimerOffload timerOffload;
    private boolean exposeVmcsShadowing;
    private boolean postedInterrupts;
    @Convert(converter = KernelConverter.class)
    private KernelGeneration kernel;
    private int onlineCpus;
    private UUID calibrationId;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected HostEntity() {
    }

    HostEntity(UUID id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the resolved name, profile, hardware, L0 settings (with its kernel) and online CPUs. */
    void apply(String name, String profile, Host host, Instant now) {
        this.name = name;
        this.profile = profile;
        HostHardware hw = host.hardware();
        this.cores = hw.cores();
        this.clockGhz = hw.clockGhz();
        this.memoryGib = hw.memoryGib();
        this.nicGbps = hw.nic().gbps();
        this.nicSriovVfs = hw.nic().sriovVfs();
        CpuFeatures f = hw.features();
        this.featureVmcsShadowing = f.vmcsShadowing();
        this.featureApicv = f.apicv();
        this.featurePostedInterrupts = f.postedInterrupts();
        this.featureVtdPostedInterrupts = f.vtdPostedInterrupts();
        this.featureEpt = f.ept();
        this.featureTscDeadlineTimer = f.tscDeadlineTimer();
        this.featurePreemptionTimer = f.preemptionTimer();
        this.featureIommu = f.iommu();
        HypervisorSettings l0 = host.l0();
        this.dvh = l0.dvh();
        this.haltPollNs = l0.haltPollNs();
        this.timerOffload = l0.timerOffload();
        this.exposeVmcsShadowing = l0.exposeVmcsShadowing();
        this.postedInterrupts = l0.postedInterrupts();
        this.kernel = host.kernel();
        this.onlineCpus = host.onlineCpus();
        this.updatedAt = now;
    }

    /** The calibration the host computes with, or {@code null} for the model's reference parameters. */
    public UUID getCalibrationId() {
        return calibrationId;
    }

    void useCalibration(UUID calibration) {
        this.calibrationId = calibration;
    }

    /** The model's view of this host. */
    public Host toModel() {
        return new Host(name, hardware(), l0(), onlineCpus);
    }

    public HostHardware hardware() {
        return new HostHardware(cores, clockGhz, memoryGib, new Nic(nicGbps, nicSriovVfs), new CpuFeatures(
                featureVmcsShadowing, featureApicv, featurePostedInterrupts, featureVtdPostedInterrupts,
                featureEpt, featureTscDeadlineTimer, featurePreemptionTimer, featureIommu));
    }

    public HypervisorSettings l0() {
        return new HypervisorSettings(dvh, haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts, kernel);
    }

    /** The CPUs L0 brings online, 1 to the cores: what the host's direct children share. */
    public int getOnlineCpus() {
        return onlineCpus;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The catalogue profile the hardware was based on, or {@code null} for custom hardware. */
    public String getProfile() {
        return profile;
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
