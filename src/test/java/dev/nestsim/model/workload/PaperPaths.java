package dev.nestsim.model.workload;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The paper's configurations (the DVH artifact's, github.com/columbia/dvh-asplos-ae): the testbed
 * host with L0 supporting all four DVH mechanisms; the leaf 4 vCPUs and 12 GB, its parent 6 vCPUs and 24 GB, the
 * one above 8 and 36. Baseline is virtio with no virtual IOMMU; passthrough a VF with static vIOMMUs; DVH-VP
 * virtual-passthrough only; DVH all four mechanisms at every level.
 */
public enum PaperPaths {
    NATIVE(0, null),
    L1(1, Config.BASELINE),
    L2_BASELINE(2, Config.BASELINE),
    L2_PASSTHROUGH(2, Config.PASSTHROUGH),
    L2_DVH_VP(2, Config.DVH_VP),
    L2_DVH(2, Config.DVH),
    L3_BASELINE(3, Config.BASELINE),
    L3_DVH(3, Config.DVH);

    private enum Config { BASELINE, PASSTHROUGH, DVH_VP, DVH }

    private static final Set<DvhMechanism> ALL = EnumSet.allOf(DvhMechanism.class);
    private static final Set<DvhMechanism> VP = EnumSet.of(DvhMechanism.VIRTUAL_PASSTHROUGH);

    private final int level;
    private final Config config;

    PaperPaths(int level, Config config) {
        this.level = level;
        this.config = config;
    }

    /** The testbed with Linux 4.18 at L0 (the guest hypervisors inherit it) and every core online. */
    static Host testbed() {
        return new Host("testbed", HostProfiles.ASPLOS20_TESTBED.hardware(),
                HypervisorSettings.KVM_DEFAULTS.withDvh(ALL).withKernel(KernelGeneration.LINUX_4_18));
    }

    /** The CPUs the paper brought online in L0 for this configuration: 4 natively, 6, 8 and 10 for L1, L2 and L3. */
    int paperOnlineCpus() {
        return level == 0 ? 4 : 4 + 2 * level;
    }

    public Path path() {
        Host host = testbed().withOnlineCpus(paperOnlineCpus());
        if (level == 0) {
            return Path.nativeHost(host);
        }
        int[][] sizes = {{6, 24}, {8, 36}};
        List<GuestHypervisor> hypervisors = level == 2
                ? List.of(hypervisor("l1", sizes[0]))
                : level == 3 ? List.of(hypervisor("l1", sizes[1]), hypervisor("l2", sizes[0])) : List.of();
        return Path.toLeaf(host, hypervisors, new LeafVm("vm", 4, 12, io(), leafDvh(), true));
    }

    private GuestHypervisor hypervisor(String name, int[] size) {
        Set<DvhMechanism> dvh = config == Config.DVH ? ALL : config == Config.DVH_VP ? VP : Set.of();
        ViommuMode viommu = config == Config.BASELINE ? ViommuMode.OFF : ViommuMode.STATIC;
        return new GuestHypervisor(name, size[0], size[1], HypervisorSettings.KVM_DEFAULTS.withDvh(dvh), viommu);
    }

    private IoModel io() {
        switch (config) {
            case PASSTHROUGH:
                return level == 1 ? IoModel.VIRTIO : IoModel.PASSTHROUGH;
            case DVH_VP:
            case DVH:
                return IoModel.VIRTUAL_PASSTHROUGH;
            default:
                return IoModel.VIRTIO;
        }
    }

    private Set<DvhMechanism> leafDvh() {
        return config == Config.DVH ? ALL : config == Config.DVH_VP ? VP : Set.of();
    }
}
