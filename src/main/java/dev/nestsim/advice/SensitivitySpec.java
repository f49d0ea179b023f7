package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sensitivity analysis to run, as asked for; {@link SensitivityCheck} checks every field and reports every problem at once.
 *
 * @param workload      an application workload of the catalogue
 * @param parameters    values for some of its parameters, or {@code null}
 * @param host          the host: exactly one of hostId and profile (as advice takes it)
 * @param depth         the leaf's level
 * @param configuration the knobs of the configuration to analyse (an advice's recommendation gives them), or {@code null} for
 *                      the baseline: virtio, no DVH, whatever the host's CPU offers
 * @param vm            the leaf's size, or {@code null} for 4 vCPUs and 12 GiB
 * @param replications  replications of the configuration and of each knob's alternative, or {@code null} for 3
 * @param trajectories  Morris trajectories, or {@code null} for {@value SensitivityCheck#DEFAULT_TRAJECTORIES}
 * @param seed          the seed of every simulation and of the design, or {@code null} to have one chosen (and recorded)
 */
public record SensitivitySpec(String workload, Map<String, Double> parameters, AdviceSpec.HostChoice host, Integer depth,
                              ConfigurationSpec configuration, AdviceSpec.VmSize vm, Integer replications, Integer trajectories, Long seed) {

    /**
     * The knobs, each {@code null} for its default.
     *
     * @param io               the leaf's I/O model (default VIRTIO)
     * @param dvh              the DVH mechanisms (default none; VIRTUAL_PASSTHROUGH goes with io VIRTUAL_PASSTHROUGH, which implies it)
     * @param viommu           the guest hypervisors' virtual IOMMU (default OFF; STATIC when a device is assigned through them)
     * @param postedInterrupts whether every level posts interrupts (default: whether the CPU has them)
     * @param vmcsShadowing    whether every hypervisor exposes VMCS shadowing (default: at depth 2 and more, whether the CPU has it)
     * @param haltPollNs       every hypervisor's halt-polling window (default KVM's 200000)
     * @param hypervisorDvh    the DVH set each guest hypervisor provides, L1 first, one per guest hypervisor (default: each {@code dvh})
     * @param guestKernel      the guest hypervisors' kernel ({@code linux-5.10}; default the host's); depth 2 or more
     * @param vmVcpus          the leaf's vCPUs (default {@code vm.vcpus}, which when given must be the same)
     */
    public record ConfigurationSpec(IoModel io, Set<DvhMechanism> dvh, ViommuMode viommu, Boolean postedInterrupts, Boolean vmcsShadowing,
                                    Long haltPollNs, List<Set<DvhMechanism>> hypervisorDvh, String guestKernel, Integer vmVcpus) {

        /** The knobs without the kernel, vCPU and per-level DVH ones. */
        public ConfigurationSpec(IoModel io, Set<DvhMechanism> dvh, ViommuMode viommu, Boolean postedInterrupts, Boolean vmcsShadowing,
                                 Long haltPollNs) {
            this(io, dvh, viommu, postedInterrupts, vmcsShadowing, haltPollNs, null, null, null);
        }
    }
}
