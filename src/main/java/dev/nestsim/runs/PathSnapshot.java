package dev.nestsim.runs;

import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostHardware;
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
 * @param schemaVersion the version of this document's shape, {@value #SCHEMA_VERSION}
 * @param ids           the id of what sat at each level when the run was submitted: the host first
 * @param host          the host and L0
 * @param hypervisors   the guest hypervisors, L1 first
 * @param leaf          the VM the workload runs in, or {@code null} for a native run on the host
 */
@Schema(name = "RunConfiguration", description = "The path the run executes on, as it was when the run was submitted")
public record PathSnapshot(
        @Schema(description = "Version of this document's shape", example = "1") int schemaVersion,
        @Schema(description = "Id of the host (level 0), each guest hypervisor and the VM, at submission") List<UUID> ids,
        HostSnapshot host,
        @Schema(description = "Guest hypervisors, L1 first") List<HypervisorSnapshot> hypervisors,
        @Schema(description = "The VM the workload runs in; absent for a native run", nullable = true) LeafSnapshot leaf) {

    public static final int SCHEMA_VERSION = 1;

    public PathSnapshot {
        ids = List.copyOf(ids);
        hypervisors = List.copyOf(hypervisors);
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

    /** The model's path, equal to the one the snapshot was taken of. */
    public Path toPath() {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalStateException("a run configuration of schema version " + schemaVersion + " cannot be read by this version,"
                    + " which reads version " + SCHEMA_VERSION);
        }
        List<GuestHypervisor> models = new ArrayList<>();
        for (HypervisorSnapshot hv : hypervisors) {
            models.add(new GuestHypervisor(hv.name(), hv.vcpus(), hv.memoryGib(), hv.settings().toModel(), hv.viommu()));
        }
        LeafVm leafModel = leaf == null ? null
                : new LeafVm(leaf.name(), leaf.vcpus(), leaf.memoryGib(), leaf.io(), set(leaf.dvh()), leaf.postedInterrupts());
        return new Path(host.toModel(), models, leafModel);
    }

    /** The level the workload runs at: the leaf's, or 0 for a native run. */
    public int level() {
        return leaf == null ? 0 : hypervisors.size() + 1;
    }

    /** A host and its hypervisor L0. */
    @Schema(name = "RunConfigurationHost", description = "The host's hardware and its hypervisor L0")
    public record HostSnapshot(
            @Schema(example = "testbed") String name,
            @Schema(example = "20") int cores,
            @Schema(example = "2.2") double clockGhz,
            @Schema(example = "192") int memoryGib,
            NicSnapshot nic,
            FeaturesSnapshot features,
            SettingsSnapshot l0) {

        static HostSnapshot of(Host host) {
            HostHardware hw = host.hardware();
            CpuFeatures f = hw.features();
            return new HostSnapshot(host.name(), hw.cores(), hw.clockGhz(), hw.memoryGib(), new NicSnapshot(hw.nic().gbps(), hw.nic().sriovVfs()),
                    new FeaturesSnapshot(f.vmcsShadowing(), f.apicv(), f.postedInterrupts(), f.vtdPostedInterrupts(), f.ept(),
                            f.tscDeadlineTimer(), f.preemptionTimer(), f.iommu()),
                    SettingsSnapshot.of(host.l0()));
        }

        Host toModel() {
            CpuFeatures f = new CpuFeatures(features.vmcsShadowing(), features.apicv(), features.postedInterrupts(),
                    features.vtdPostedInterrupts(), features.ept(), features.tscDeadlineTimer(), features.preemptionTimer(), features.iommu());
            return new Host(name, new HostHardware(cores, clockGhz, memoryGib, new Nic(nic.gbps(), nic.sriovVfs()), f), l0.toModel());
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

    /** The settings of one hypervisor, L0 or a guest hypervisor. */
    @Schema(name = "RunConfigurationHypervisorSettings")
    public record SettingsSnapshot(List<DvhMechanism> dvh, @Schema(example = "200000") long haltPollNs, TimerOffload timerOffload,
                                   boolean exposeVmcsShadowing, boolean postedInterrupts) {

        public SettingsSnapshot {
            dvh = List.copyOf(dvh);
        }

        static SettingsSnapshot of(HypervisorSettings s) {
            return new SettingsSnapshot(sorted(s.dvh()), s.haltPollNs(), s.timerOffload(), s.exposeVmcsShadowing(), s.postedInterrupts());
        }

        HypervisorSettings toModel() {
            return new HypervisorSettings(set(dvh), haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts);
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
