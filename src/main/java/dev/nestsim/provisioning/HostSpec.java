package dev.nestsim.provisioning;

import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.TimerOffload;
import java.util.Set;

/**
 * What a user asks for when creating or replacing a host: a catalogue profile, hardware fields (which
 * override the profile's, or without a profile are all required), and L0's settings ({@code null} for
 * the default).
 *
 * @param name                the host's name
 * @param profile             a catalogue profile name, or {@code null} for custom hardware
 * @param cores               physical cores, or {@code null} for the profile's
 * @param clockGhz            base clock, or {@code null} for the profile's
 * @param memoryGib           memory, or {@code null} for the profile's
 * @param nicGbps             NIC line rate, or {@code null} for the profile's
 * @param nicSriovVfs         SR-IOV VFs, or {@code null} for the profile's
 * @param features            CPU feature overrides, field by field
 * @param dvh                 mechanisms L0 supports; {@code null} for none
 * @param haltPollNs          L0's halt-polling window; {@code null} for KVM's 200,000 ns
 * @param timerOffload        what backs guests' timers; {@code null} for the preemption timer when the CPU has it
 * @param exposeVmcsShadowing whether L0 gives L1 hardware VMCS shadowing; {@code null} for true
 * @param postedInterrupts    whether L0 posts interrupts; {@code null} for what the hardware has
 * @param kernel              the kernel generation L0 runs; {@code null} for the profile's default, or
 *                            {@link dev.nestsim.model.topology.HypervisorSettings#DEFAULT_KERNEL} for custom hardware
 * @param onlineCpus          the CPUs L0 brings online (its {@code maxcpus}), 1 to the cores; {@code null} for all cores
 */
public record HostSpec(String name, String profile, Integer cores, Double clockGhz, Integer memoryGib, Double nicGbps,
                       Integer nicSriovVfs, FeatureOverrides features, Set<DvhMechanism> dvh, Long haltPollNs,
                       TimerOffload timerOffload, Boolean exposeVmcsShadowing, Boolean postedInterrupts, KernelGeneration kernel,
                       Integer onlineCpus) {

    /** CPU features, each {@code null} to keep the profile's (required without a profile). */
    public record FeatureOverrides(Boolean vmcsShadowing, Boolean apicv, Boolean postedInterrupts, Boolean vtdPostedInterrupts,
                                   Boolean ept, Boolean tscDeadlineTimer, Boolean preemptionTimer, Boolean iommu) {

        public static final FeatureOverrides NONE = new FeatureOverrides(null, null, null, null, null, null, null, null);
    }
}
