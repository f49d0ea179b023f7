package dev.nestsim.runs;

import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.hardware.Nic;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.provisioning.LocatedPath;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The whole configuration a run executes on, frozen when it is submitted: the host's hardware and L0, every
 * guest hypervisor from L1 up, and the leaf VM (none when the run is native), with the id each had. Stored as
 * JSON in the run's row; a run is executed (and re-executed after a crash) from this, never from the live
 * resources, so editing or deleting them later changes no run. Its shape is ours, versioned by
 * {@code schemaVersion}, independent of the entities and of the model's records.
 *
 * <p>Version 2 adds the kernel generation of every hypervisor ({@code kernel} in each settings: L0's always, a guest
 * hypervisor's {@code null} when it runs its parent's) and the host's {@code onlineCpus}. Version 1 documents, stored
 * before, still read: their L0 ran Linux 4.18, the only generation the model knew then, with every core online, and
 * their guest hypervisors run their parent's.
 *
 * @param schemaVersion the version of this document's shape, {@value #SCHEMA_VERSION}
 * @param ids           the id of what sat at each level when the run was submitted: the host first
 * @param host          the host and L0
 * @param hypervisors   the guest hypervisors, L1 first
 * @param leaf          the VM the workload runs in, or {@code null} for a native run on the host
 */
@Schema(name = "RunConfiguration", description = "The path the run executes on, as it was when the run was submitted")
public record PathSnapshot(
        @Schema(description = "Version of this document's shape: 2 (1 before kernel generations and online CPUs)", example = "2")
        int schemaVersion,
        @ArraySchema(arraySchema = @Schema(description = "Id of the host (level 0), each guest hypervisor and the VM, at submission"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<UUID> ids,
        HostSnapshot host,
        @ArraySchema(arraySchema = @Schema(description = "Guest hypervisors, L1 first"),
                maxItems = Path.HARD_MAX_DEPTH)
        List<HypervisorSnapshot> hypervisors,
        @Schema(description = "The VM the workload runs in; absent for a native run", nullable = true) LeafSnapshot leaf,
        @Schema(description = "The calibration the host computed with, its values as they were at submission; absent for the "
                + "model's reference parameters (and in documents stored before calibrations)", nullable = true)
        CalibrationSnapshot calibration) {

    public static final int SCHEMA_VERSION = 2;
    /** The first version, without kernels and online CPUs: still read. */
    static final int SCHEMA_VERSION_1 = 1;
    /** What a version 1 host ran: the only generation the model knew when version 1 was written. */
    static final KernelGeneration VERSION_1_KERNEL = KernelGeneration.LINUX_4_18;

    public PathSnapshot {
        ids = List.copyOf(ids);
        hypervisors = List.copyOf(hypervisors);
    }

    /** A snapshot on the reference parameters. */
    public PathSnapshot(int schemaVersion, List<UUID> ids, HostSnapshot host, List<HypervisorSnapshot> hypervisors, LeafSnapshot leaf) {
        this(schemaVersion, ids, host, hypervisors, leaf, null);
    }

    /**
     * The calibration of a run's host, frozen: deleting or refitting the calibration later changes no run.
     *
     * @param id     the calibration's id at submission
     * @param name   its name at submission
     * @param values every parameter's value by name
     */
    @Schema(name = "RunConfigurationCalibration", description = "The calibration the run computed with, as it was at submission")
    public record CalibrationSnapshot(
            @Schema(description = "The calibration's id at submission") UUID id,
            @Schema(description = "Its name at submission", example = "my-icx") String name,
            @Schema(description = "Every parameter's value by name, in cycles (counts and flags as such)") java.util.Map<String, Double> values) {

        public CalibrationSnapshot {
            values = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(values));
        }

        /** The values over the reference (a parameter unknown to this version is skipped, one it lacks keeps the reference). */
        public dev.nestsim.model.exits.Calibration toModel() {
            dev.nestsim.model.exits.Calibration c = dev.nestsim.model.exits.Calibration.DEFAULT;
            for (dev.nestsim.model.exits.Param p : dev.nestsim.model.exits.Param.values()) {
                Double v = values.get(p.name());
                if (v != null) {
                    c = c.with(p, v);
                }
            }
            return c;
        }
    }

    /** The snapshot of a provisioned path whose host computes with {@code calibration} ({@code null}: the reference). */
    public static PathSnapshot of(LocatedPath located, CalibrationSnapshot calibration) {
        PathSnapshot plain = of(located);
        return new PathSnapshot(plain.schemaVersion, plain.ids, plain.host, plain.hypervisors, plain.leaf, calibration);
    }

    /** The snapshot of a provisioned path. */
    public static PathSnapshot of(LocatedPath located) {
        Path path = located.path();
        List<HypervisorSnapshot> hypervisors = new ArrayList<>();
        for (GuestHypervisor hv : path.hypervisors()) {
            hypervisors.add(new HypervisorSnapshot(hv.name(), hv.vcpus(), hv.memoryGib(), SettingsSnapshot.of(hv.settings()), hv.viommu()));
        }
        LeafVm leaf = path.leaf();
        return new PathSnapshot(SCHEMA_VERSION, located.ids(), HostSnapshot.of(path.host()), hypervisors,
                leaf == null ? null : new LeafSnapshot(leaf.name(), leaf.vcpus(), leaf.memoryGib(), leaf.io(), sorted(leaf.dvh()),
                        leaf.postedInterrupts()));
    }

    /** The model's path, equal to the one the snapshot was taken of (for version 1, see the class comment). */
    public Path toPath() {
        if (schemaVersion != SCHEMA_VERSION && schemaVersion != SCHEMA_VERSION_1) {
            throw new IllegalStateException("a run configuration of schema version " + schemaVersion + " cannot be read by this version,"
                    + " which reads versions " + SCHEMA_VERSION_1 + " and " + SCHEMA_VERSION);
        }
        boolean v1 = schemaVersion == SCHEMA_VERSION_1;
        List<GuestHypervisor> models = new ArrayList<>();
        for (HypervisorSnapshot hv : hypervisors) {
            HypervisorSettings settings = v1 ? hv.settings().toModel().withKernel(null) : hv.settings().toModel();
            models.add(new GuestHypervisor(hv.name(), hv.vcpus(), hv.memoryGib(), settings, hv.viommu()));
        }
        LeafVm leafModel = leaf == null ? null
                : new LeafVm(leaf.name(), leaf.vcpus(), leaf.memoryGib(), leaf.io(), set(leaf.dvh()), leaf.postedInterrupts());
        return new Path(v1 ? host.toModelV1() : host.toModel(), models, leafModel);
    }

    /** The level the workload runs at: the leaf's, or 0 for a native run. */
    public int level() {
        return leaf == null ? 0 : hypervisors.size() + 1;
    }

    /** A host and its hypervisor L0 ({@code l0.kernel}: the generation L0 runs). */
    @Schema(name = "RunConfigurationHost", description = "The host's hardware and its hypervisor L0")
    public record HostSnapshot(
            @Schema(example = "testbed") String name,
            @Schema(example = "20") int cores,
            @Schema(example = "2.2") double clockGhz,
            @Schema(example = "192") int memoryGib,
            NicSnapshot nic,
            FeaturesSnapshot features,
            SettingsSnapshot l0,
            @Schema(description = "The CPUs L0 brought online, 1 to cores (absent in version 1: every core)", example = "8")
            Integer onlineCpus) {

        static HostSnapshot of(Host host) {
            HostHardware hw = host.hardware();
            CpuFeatures f = hw.features();
            return new HostSnapshot(host.name(), hw.cores(), hw.clockGhz(), hw.memoryGib(), new NicSnapshot(hw.nic().gbps(), hw.nic().sriovVfs()),
                    new FeaturesSnapshot(f.vmcsShadowing(), f.apicv(), f.postedInterrupts(), f.vtdPostedInterrupts(), f.ept(),
                            f.tscDeadlineTimer(), f.preemptionTimer(), f.iommu()),
                    SettingsSnapshot.of(host.l0()), host.onlineCpus());
        }

        Host toModel() {
            if (onlineCpus == null || l0.kernel() == null) {
                throw new IllegalStateException("a run configuration of schema version " + SCHEMA_VERSION
                        + " names the host's onlineCpus and L0's kernel; this one lacks them");
            }
            return new Host(name, hardware(), l0.toModel(), onlineCpus);
        }

        /** A version 1 host: Linux 4.18 at L0, every core online. */
        Host toModelV1() {
            return new Host(name, hardware(), l0.toModel().withKernel(VERSION_1_KERNEL), cores);
        }

        private HostHardware hardware() {
            CpuFeatures f = new CpuFeatures(features.vmcsShadowing(), features.apicv(), features.postedInterrupts(),
                    features.vtdPostedInterrupts(), features.ept(), features.tscDeadlineTimer(), features.preemptionTimer(), features.iommu());
            return new HostHardware(cores, clockGhz, memoryGib, new Nic(nic.gbps(), nic.sriovVfs()), f);
        }
    }

    /** The host's network interface. */
    @Schema(name = "RunConfigurationNic")
    public record NicSnapshot(@Schema(example = "10.0") double gbps, @Schema(example = "63") int sriovVfs) {
    }

    /** The host's virtualization features. */
    @Schema(name = "RunConfigurationFeatures")
    public record FeaturesSnapshot(boolean vmcsShadowing, boolean apicv, boolean postedInterrupts, boolean vtdPostedInterrupts,
                                   boolean ept, boolean tscDeadlineTimer, boolean preemptionTimer, boolean iommu) {
    }

    /** The settings of one hypervisor, L0 or a guest hypervisor; {@code kernel} the generation's name, as the API writes it. */
    @Schema(name = "RunConfigurationHypervisorSettings")
    public record SettingsSnapshot(List<DvhMechanism> dvh, @Schema(example = "200000") long haltPollNs, TimerOffload timerOffload,
                                   boolean exposeVmcsShadowing, boolean postedInterrupts,
                                   @Schema(ref = "#/components/schemas/KernelGeneration", description = "The kernel generation it "
                                           + "runs: always set for L0; null for a guest hypervisor that ran its parent's (absent in "
                                           + "version 1)", example = "linux-4.18", nullable = true) String kernel) {

        public SettingsSnapshot {
            dvh = List.copyOf(dvh);
        }

        static SettingsSnapshot of(HypervisorSettings s) {
            return new SettingsSnapshot(sorted(s.dvh()), s.haltPollNs(), s.timerOffload(), s.exposeVmcsShadowing(), s.postedInterrupts(),
                    s.kernel() == null ? null : s.kernel().apiName());
        }

        HypervisorSettings toModel() {
            KernelGeneration generation = kernel == null ? null : KernelGeneration.byApiName(kernel).orElseThrow(() ->
                    new IllegalStateException("a run configuration names kernel '" + kernel + "', not one of "
                            + KernelGeneration.allowedNames()));
            return new HypervisorSettings(set(dvh), haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts, generation);
        }
    }

    /** A guest hypervisor. */
    @Schema(name = "RunConfigurationHypervisor")
    public record HypervisorSnapshot(@Schema(example = "l1") String name, @Schema(example = "8") int vcpus,
                                     @Schema(example = "36") int memoryGib, SettingsSnapshot settings, ViommuMode viommu) {
    }

    /** The VM the workload runs in. */
    @Schema(name = "RunConfigurationVm")
    public record LeafSnapshot(@Schema(example = "l2-vm") String name, @Schema(example = "4") int vcpus,
                               @Schema(example = "12") int memoryGib, IoModel io, List<DvhMechanism> dvh, boolean postedInterrupts) {

        public LeafSnapshot {
            dvh = List.copyOf(dvh);
        }
    }

    private static List<DvhMechanism> sorted(Set<DvhMechanism> mechanisms) {
        return mechanisms.stream().sorted().toList();
    }

    private static Set<DvhMechanism> set(List<DvhMechanism> mechanisms) {
        return new HashSet<>(mechanisms);
    }
}
