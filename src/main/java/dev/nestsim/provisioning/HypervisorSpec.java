package dev.nestsim.provisioning;

import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.ViommuMode;
import java.util.Set;

/**
 * What a user asks for when creating or replacing a guest hypervisor; {@code null} settings take defaults.
 *
 * @param name                its name
 * @param parent              where it runs (fixed once created)
 * @param vcpus               its vCPUs
 * @param memoryGib           its memory
 * @param dvh                 the DVH mechanisms it provides to its guests; {@code null} for none
 * @param exposeVmcsShadowing whether it gives its guest hypervisors emulated VMCS shadowing; {@code null} for true
 * @param haltPollNs          its halt-polling window; {@code null} for 200,000 ns
 * @param viommu              the virtual IOMMU it is given; {@code null} for OFF
 * @param postedInterrupts    whether it posts interrupts to its guests; {@code null} for what its path makes available
 * @param timerOffload        what backs its guests' timers; {@code null} for PREEMPTION_TIMER
 * @param kernel              the kernel generation it runs; {@code null}: its parent's
 */
public record HypervisorSpec(String name, ParentRef parent, int vcpus, int memoryGib, Set<DvhMechanism> dvh,
                             Boolean exposeVmcsShadowing, Long haltPollNs, ViommuMode viommu, Boolean postedInterrupts,
                             TimerOffload timerOffload, KernelGeneration kernel) {
}
