package dev.nestsim.model;

import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.HostProfile;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Paths for tests, with the paper's defaults (the DVH artifact's testbed) and overrides for what matters:
 * {@code aPath().atLevel(3).withDvh(ALL)}. The leaf has 4 vCPUs and 12 GB, its parent 6/24, above 8/36.
 */
public final class PathFixture {

    public static final Set<DvhMechanism> ALL = EnumSet.allOf(DvhMechanism.class);
    public static final Set<DvhMechanism> NONE = Set.of();

    private HostProfile profile = HostProfiles.ASPLOS20_TESTBED;
    private boolean hostShadowing = true;
    private Set<DvhMechanism> hostDvh = ALL;
    private int level = 1;
    private Set<DvhMechanism> dvh = NONE;
    private IoModel io = IoModel.VIRTIO;
    private ViommuMode viommu = ViommuMode.OFF;
    private boolean exposeVmcsShadowing = true;
    private KernelGeneration kernel;
    private int onlineCpus;

    private PathFixture() {
    }

    public static PathFixture aPath() {
        return new PathFixture();
    }

    /** The paper's baseline: virtio at every level, no vIOMMU. */
    public static Path baseline(int level) {
        return aPath().atLevel(level).build();
    }

    /** The paper's DVH: virtual-passthrough and all four mechanisms at every level. */
    public static Path dvh(int level) {
        return aPath().atLevel(level).withDvh(ALL).build();
    }

    /** The paper's physical passthrough: a VF through every level with static vIOMMUs. */
    public static Path passthrough(int level) {
        return aPath().atLevel(level).withIo(IoModel.PASSTHROUGH).build();
    }

    public PathFixture atLevel(int leafLevel) {
        this.level = leafLevel;
        return this;
    }

    public PathFixture on(HostProfile hostProfile) {
        this.profile = hostProfile;
        return this;
    }

    /** DVH mechanisms provided by every hypervisor and asked for by the leaf; virtual-passthrough sets the I/O model. */
    public PathFixture withDvh(Set<DvhMechanism> mechanisms) {
        this.dvh = mechanisms;
        if (mechanisms.contains(DvhMechanism.VIRTUAL_PASSTHROUGH)) {
            this.io = IoModel.VIRTUAL_PASSTHROUGH;
            this.viommu = ViommuMode.STATIC;
        }
        return this;
    }

    public PathFixture withIo(IoModel ioModel) {
        this.io = ioModel;
        if (ioModel == IoModel.PASSTHROUGH || ioModel == IoModel.VIRTUAL_PASSTHROUGH) {
            this.viommu = ViommuMode.STATIC;
        }
        return this;
    }

    public PathFixture withViommu(ViommuMode mode) {
        this.viommu = mode;
        return this;
    }

    public PathFixture withoutHostVmcsShadowing() {
        this.hostShadowing = false;
        return this;
    }

    public PathFixture withoutExposedShadowing() {
        this.exposeVmcsShadowing = false;
        return this;
    }

    /** The kernel generation at every level (L0's; the guest hypervisors inherit it). Default: the profile's. */
    public PathFixture withKernel(KernelGeneration generation) {
        this.kernel = generation;
        return this;
    }

    /** L0's online CPUs (default: all cores). */
    public PathFixture withOnlineCpus(int cpus) {
        this.onlineCpus = cpus;
        return this;
    }

    public PathFixture withHostDvh(Set<DvhMechanism> mechanisms) {
        this.hostDvh = mechanisms;
        return this;
    }

    public Host host() {
        HostHardware hw = profile.hardware();
        CpuFeatures f = hw.features();
        if (!hostShadowing) {
            f = new CpuFeatures(false, f.apicv(), f.postedInterrupts(), f.vtdPostedInterrupts(), f.ept(),
                    f.tscDeadlineTimer(), f.preemptionTimer(), f.iommu());
            hw = new HostHardware(hw.cores(), hw.clockGhz(), hw.memoryGib(), hw.nic(), f);
        }
        HypervisorSettings l0 = HypervisorSettings.KVM_DEFAULTS.withDvh(hostDvh)
                .withPostedInterrupts(f.postedInterrupts()).withKernel(kernel == null ? profile.defaultKernel() : kernel);
        return new Host(profile.name(), hw, l0, onlineCpus == 0 ? hw.cores() : onlineCpus);
    }

    public Path build() {
        Host host = host();
        boolean posted = host.hardware().features().postedInterrupts();
        List<GuestHypervisor> hypervisors = new ArrayList<>();
        for (int k = 1; k < level; k++) {
            int fromTop = level - k;
            int vcpus = fromTop == 1 ? 6 : 8;
            int memory = fromTop == 1 ? 24 : 36;
            HypervisorSettings settings = HypervisorSettings.KVM_DEFAULTS.withDvh(dvh)
                    .withExposeVmcsShadowing(exposeVmcsShadowing).withPostedInterrupts(posted);
            hypervisors.add(new GuestHypervisor("l" + k, vcpus, memory, settings, viommu));
        }
        if (level == 0) {
            return Path.nativeHost(host);
        }
        return Path.toLeaf(host, hypervisors, new LeafVm("vm", 4, 12, io, dvh, posted));
    }
}
