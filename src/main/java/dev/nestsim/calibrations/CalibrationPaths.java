package dev.nestsim.calibrations;

import dev.nestsim.model.hardware.HostHardware;
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
 * The paths a calibration is fitted and predicted on: the reference testbed's hardware and CPU features (VMCS
 * shadowing, APICv, posted interrupts, TSC deadline, preemption timer) at the user's clock, the user's kernel at every
 * hypervisor level, and the paper's VM sizes (a 4-vCPU leaf under 6- and 8-vCPU guest hypervisors). kvm-unit-tests'
 * vmexit.flat runs in such a leaf: L1 is a VM of the host, L2 a VM of one guest hypervisor.
 */
public final class CalibrationPaths {

    private static final Set<DvhMechanism> ALL = EnumSet.allOf(DvhMechanism.class);

    private final Host host;

    public CalibrationPaths(double clockGhz, KernelGeneration kernel) {
        HostHardware reference = HostProfiles.ASPLOS20_TESTBED.hardware();
        HostHardware hardware = new HostHardware(reference.cores(), clockGhz, reference.memoryGib(), reference.nic(),
                reference.features());
        HypervisorSettings l0 = HypervisorSettings.KVM_DEFAULTS.withDvh(ALL)
                .withPostedInterrupts(hardware.features().postedInterrupts()).withKernel(kernel);
        this.host = new Host("calibration", hardware, l0, hardware.cores());
    }

    /** The host itself, bare metal. */
    public Path nativeHost() {
        return Path.nativeHost(host);
    }

    /** A leaf at {@code level} (1 or more) with virtio at every level and no DVH: the paper's baseline. */
    public Path baseline(int level) {
        return leaf(level, Set.of(), IoModel.VIRTIO, ViommuMode.OFF);
    }

    /** A leaf at {@code level} with virtual-passthrough and all four DVH mechanisms at every level: the paper's DVH. */
    public Path dvh(int level) {
        return leaf(level, ALL, IoModel.VIRTUAL_PASSTHROUGH, ViommuMode.STATIC);
    }

    private Path leaf(int level, Set<DvhMechanism> dvh, IoModel io, ViommuMode viommu) {
        if (level < 1) {
            throw new IllegalArgumentException("a leaf's level must be at least 1, was " + level);
        }
        boolean posted = host.hardware().features().postedInterrupts();
        List<GuestHypervisor> hypervisors = new ArrayList<>();
        for (int k = 1; k < level; k++) {
            boolean parentOfLeaf = level - k == 1;
            HypervisorSettings settings = HypervisorSettings.KVM_DEFAULTS.withDvh(dvh).withPostedInterrupts(posted);
            hypervisors.add(new GuestHypervisor("l" + k, parentOfLeaf ? 6 : 8, parentOfLeaf ? 24 : 36, settings, viommu));
        }
        return Path.toLeaf(host, hypervisors, new LeafVm("vm", 4, 12, io, dvh, posted));
    }
}
