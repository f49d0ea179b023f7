package dev.nestsim.experiments;

import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The experiments a user can ask for by name. {@code asplos20} is the evaluation of Lim and Nieh, "Optimizing Nested
 * Virtualization Performance Using Direct Virtual Hardware" (ASPLOS 2020): every configuration on its own testbed host
 * (L0 running Linux 4.18 and supporting all four DVH mechanisms, with the CPUs the paper brought online: 4 natively, 6,
 * 8 and 10 for L1, L2 and L3); the leaf 4 vCPUs and 12 GiB, its parent 6 and 24, the one above 8 and 36. Baseline is
 * virtio without a virtual IOMMU, passthrough a VF with static virtual IOMMUs, DVH-VP virtual-passthrough only, DVH all
 * four mechanisms at every level. Workloads: the microbenchmarks of its Table 3 and the seven application workloads.
 */
public final class Presets {

    public static final String ASPLOS20 = "asplos20";
    private static final Set<DvhMechanism> ALL = EnumSet.allOf(DvhMechanism.class);
    private static final Set<DvhMechanism> VP = EnumSet.of(DvhMechanism.VIRTUAL_PASSTHROUGH);

    private Presets() {
    }

    /**
     * A guest hypervisor to provision, from L1 down.
     *
     * @param vcpus     its vCPUs
     * @param memoryGib its memory
     * @param dvh       what it provides to its guests
     * @param viommu    its virtual IOMMU
     */
    public record HypervisorTemplate(int vcpus, int memoryGib, Set<DvhMechanism> dvh, ViommuMode viommu) {
    }

    /**
     * The leaf VM to provision.
     *
     * @param vcpus     its vCPUs
     * @param memoryGib its memory
     * @param io        its I/O model
     * @param dvh       the mechanisms it asks for
     */
    public record VmTemplate(int vcpus, int memoryGib, IoModel io, Set<DvhMechanism> dvh) {
    }

    /**
     * One configuration a preset provisions: a host of its own and, unless it is native, the guest hypervisors and the VM.
     *
     * @param name        its name in the results
     * @param profile     the host profile
     * @param kernel      the kernel L0 runs
     * @param hostDvh     the mechanisms L0 supports
     * @param onlineCpus  the CPUs L0 brings online
     * @param hypervisors the guest hypervisors, L1 first
     * @param vm          the leaf VM, or {@code null} to run natively on the host
     */
    public record ConfigurationTemplate(String name, String profile, KernelGeneration kernel, Set<DvhMechanism> hostDvh, int onlineCpus,
                                        List<HypervisorTemplate> hypervisors, VmTemplate vm) {

        /** The level the workload runs at. */
        public int level() {
            return vm == null ? 0 : hypervisors.size() + 1;
        }
    }

    /**
     * A preset.
     *
     * @param name            its name
     * @param description     what it reproduces
     * @param configurations  what it provisions, in order
     * @param microbenchmarks the microbenchmarks (skipped natively where they need a hypervisor)
     * @param applications    the application workloads
     * @param replications    replications of every cell
     */
    public record Preset(String name, String description, List<ConfigurationTemplate> configurations, List<String> microbenchmarks,
                         List<String> applications, int replications) {

        public List<String> workloads() {
            return java.util.stream.Stream.concat(microbenchmarks.stream(), applications.stream()).toList();
        }
    }

    public static List<Preset> all() {
        return List.of(asplos20());
    }

    public static Optional<Preset> byName(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return all().stream().map(Preset::name).toList();
    }

    static Preset asplos20() {
        return new Preset(ASPLOS20, "The evaluation of 'Optimizing Nested Virtualization Performance Using Direct Virtual Hardware' "
                + "(ASPLOS 2020): native, L1, L2 baseline, passthrough, DVH-VP and DVH, L3 baseline and DVH, each on its own "
                + HostProfiles.ASPLOS20_TESTBED.name() + " host with the paper's online CPUs; the Table 3 microbenchmarks and the seven "
                + "application workloads; 10 replications", List.of(
                config("native", 0, null),
                config("L1", 1, Kind.BASELINE),
                config("L2 baseline", 2, Kind.BASELINE),
                config("L2 passthrough", 2, Kind.PASSTHROUGH),
                config("L2 DVH-VP", 2, Kind.DVH_VP),
                config("L2 DVH", 2, Kind.DVH),
                config("L3 baseline", 3, Kind.BASELINE),
                config("L3 DVH", 3, Kind.DVH)),
                List.of("hypercall", "device-notify", "program-timer", "send-ipi"),
                List.of("netperf-tcp-rr", "netperf-tcp-stream", "netperf-tcp-maerts", "apache", "memcached", "mysql", "hackbench"), 10);
    }

    private enum Kind { BASELINE, PASSTHROUGH, DVH_VP, DVH }

    private static ConfigurationTemplate config(String name, int level, Kind kind) {
        int onlineCpus = level == 0 ? 4 : 4 + 2 * level;
        if (level == 0) {
            return new ConfigurationTemplate(name, HostProfiles.ASPLOS20_TESTBED.name(), KernelGeneration.LINUX_4_18, ALL, onlineCpus, List.of(), null);
        }
        Set<DvhMechanism> dvh = kind == Kind.DVH ? ALL : kind == Kind.DVH_VP ? VP : Set.of();
        ViommuMode viommu = kind == Kind.BASELINE ? ViommuMode.OFF : ViommuMode.STATIC;
        List<HypervisorTemplate> hypervisors = level == 2 ? List.of(new HypervisorTemplate(6, 24, dvh, viommu))
                : level == 3 ? List.of(new HypervisorTemplate(8, 36, dvh, viommu), new HypervisorTemplate(6, 24, dvh, viommu)) : List.of();
        IoModel io = kind == Kind.PASSTHROUGH ? (level == 1 ? IoModel.VIRTIO : IoModel.PASSTHROUGH)
                : kind == Kind.DVH_VP || kind == Kind.DVH ? IoModel.VIRTUAL_PASSTHROUGH : IoModel.VIRTIO;
        return new ConfigurationTemplate(name, HostProfiles.ASPLOS20_TESTBED.name(), KernelGeneration.LINUX_4_18, ALL, onlineCpus,
                hypervisors, new VmTemplate(4, 12, io, dvh));
    }
}
