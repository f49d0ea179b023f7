package dev.nestsim.experiments;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An experiment to create, as asked for; {@link ExperimentService#create} checks every field and reports every problem
 * at once.
 *
 * @param name         what to call it; {@code null} for a preset's name
 * @param preset       a preset of {@link Presets}, or {@code null} for the configurations and workloads given here
 * @param targets      configurations that exist: VMs or hosts
 * @param topologies   configurations the experiment provisions for itself (and deletes with itself)
 * @param workloads    the workloads, each run on every configuration
 * @param replications replications of every cell, or {@code null} for the default
 * @param seed         the seed of every cell's run, or {@code null} to have one chosen (and recorded)
 */
public record ExperimentSpec(String name, String preset, List<TargetSpec> targets, List<TopologySpec> topologies, List<WorkloadSpec> workloads,
                             Integer replications, Long seed) {

    /**
     * A configuration to provision: a host of its own, guest hypervisors (L1 first) and the leaf VM.
     *
     * @param name        its name in the results
     * @param host        the host and L0
     * @param hypervisors the guest hypervisors, L1 first; {@code null} or empty for none
     * @param vm          the leaf VM, or {@code null} to run natively on the host
     */
    public record TopologySpec(String name, HostPart host, List<HypervisorPart> hypervisors, VmPart vm) {
    }

    /**
     * A host from a catalogue profile, some hardware overridden.
     *
     * @param profile    a profile of GET /api/v1/host-profiles
     * @param cores      physical cores, or {@code null} for the profile's
     * @param clockGhz   base clock, or {@code null} for the profile's
     * @param memoryGib  memory, or {@code null} for the profile's
     * @param dvh        the DVH mechanisms L0 supports, or {@code null} for none
     * @param kernel     L0's kernel generation ({@code linux-4.18}), or {@code null} for the profile's
     * @param onlineCpus the CPUs L0 brings online, or {@code null} for all
     * @param hardware   the rest of the hardware and L0's other settings (the advisor's), or {@code null} for the defaults
     * @param calibration the calibration the host computes with (its id or name, as in POST /api/v1/hosts), or {@code null}
     *                    for the reference parameters
     */
    public record HostPart(String profile, Integer cores, Double clockGhz, Integer memoryGib, Set<DvhMechanism> dvh, String kernel,
                           Integer onlineCpus, HostExtras hardware, String calibration) {

        public HostPart(String profile, Integer cores, Double clockGhz, Integer memoryGib, Set<DvhMechanism> dvh, String kernel,
                        Integer onlineCpus, HostExtras hardware) {
            this(profile, cores, clockGhz, memoryGib, dvh, kernel, onlineCpus, hardware, null);
        }

        public HostPart(String profile, Integer cores, Double clockGhz, Integer memoryGib, Set<DvhMechanism> dvh, String kernel,
                        Integer onlineCpus) {
            this(profile, cores, clockGhz, memoryGib, dvh, kernel, onlineCpus, null, null);
        }
    }

    /**
     * A host's settings beyond a topology's, each {@code null} for the profile's or the default (as in POST /api/v1/hosts).
     *
     * @param nicGbps             NIC line rate
     * @param nicSriovVfs         SR-IOV VFs
     * @param features            CPU feature overrides, or {@code null} for the profile's
     * @param haltPollNs          L0's halt-polling window
     * @param exposeVmcsShadowing whether L0 gives L1 hardware VMCS shadowing
     * @param postedInterrupts    whether L0 posts interrupts
     */
    public record HostExtras(Double nicGbps, Integer nicSriovVfs, dev.nestsim.provisioning.HostSpec.FeatureOverrides features,
                             Long haltPollNs, Boolean exposeVmcsShadowing, Boolean postedInterrupts) {
    }

    /**
     * A guest hypervisor.
     *
     * @param vcpus     its vCPUs
     * @param memoryGib its memory
     * @param dvh       what it provides to its guests, or {@code null} for none
     * @param viommu    its virtual IOMMU, or {@code null} for OFF
     * @param kernel    its kernel generation, or {@code null} for its parent's
     * @param exposeVmcsShadowing whether it gives its guest hypervisors VMCS shadowing, or {@code null} for true
     * @param haltPollNs          its halt-polling window, or {@code null} for KVM's default
     * @param postedInterrupts    whether it posts interrupts to its guests, or {@code null} for what its path allows
     */
    public record HypervisorPart(Integer vcpus, Integer memoryGib, Set<DvhMechanism> dvh, ViommuMode viommu, String kernel,
                                 Boolean exposeVmcsShadowing, Long haltPollNs, Boolean postedInterrupts) {

        public HypervisorPart(Integer vcpus, Integer memoryGib, Set<DvhMechanism> dvh, ViommuMode viommu, String kernel) {
            this(vcpus, memoryGib, dvh, viommu, kernel, null, null, null);
        }
    }

    /**
     * The leaf VM.
     *
     * @param vcpus     its vCPUs
     * @param memoryGib its memory
     * @param io        its I/O model, or {@code null} for VIRTIO
     * @param dvh       the mechanisms it asks for, or {@code null} for none
     * @param postedInterrupts whether interrupts are posted to it, or {@code null} for what its path allows
     */
    public record VmPart(Integer vcpus, Integer memoryGib, IoModel io, Set<DvhMechanism> dvh, Boolean postedInterrupts) {

        public VmPart(Integer vcpus, Integer memoryGib, IoModel io, Set<DvhMechanism> dvh) {
            this(vcpus, memoryGib, io, dvh, null);
        }
    }

    /**
     * One configuration: exactly one of a VM and a host.
     *
     * @param name   its name in the results; {@code null} for the VM's or host's name
     * @param vmId   a VM to run in
     * @param hostId a host to run on natively
     */
    public record TargetSpec(String name, UUID vmId, UUID hostId) {
    }

    /**
     * One workload with its parameters.
     *
     * @param workload   a workload of the catalogue
     * @param parameters values for some of its parameters, or {@code null}
     */
    public record WorkloadSpec(String workload, Map<String, Double> parameters) {
    }
}
