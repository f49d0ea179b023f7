package dev.nestsim.model.topology;

import dev.nestsim.model.hardware.KernelGeneration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of one hypervisor level: L0 on the host, or a guest hypervisor (docs/model.md section 3).
 *
 * @param dvh                 the DVH mechanisms this hypervisor uses from below and provides to its guests
 * @param haltPollNs          halt-polling window for its guests' HLT, 0 to 10,000,000 ns (KVM default 200,000)
 * @param timerOffload        what backs its guests' TSC-deadline timers
 * @param exposeVmcsShadowing whether it gives its guest hypervisors VMCS shadowing: L0 hardware shadowing
 *                            ({@code kvm_intel.enable_shadow_vmcs}), a guest hypervisor emulated shadowing (KVM's default)
 * @param postedInterrupts    whether it delivers interrupts to its running guests as posted interrupts
 * @param kernel              the Linux/KVM generation it runs; {@code null} for a guest hypervisor that runs its parent's
 *                            ({@link Path#kernel} resolves it); a host's L0 without one runs {@link #DEFAULT_KERNEL}
 */
public record HypervisorSettings(Set<DvhMechanism> dvh, long haltPollNs, TimerOffload timerOffload,
                                 boolean exposeVmcsShadowing, boolean postedInterrupts, KernelGeneration kernel) {

    /** KVM's default halt-polling window, {@code KVM_HALT_POLL_NS_DEFAULT}. */
    public static final long KVM_DEFAULT_HALT_POLL_NS = 200_000;
    public static final long MAX_HALT_POLL_NS = 10_000_000;
    /** The generation of an L0 that names none: a current kernel. */
    public static final KernelGeneration DEFAULT_KERNEL = KernelGeneration.LINUX_5_10;

    /** Linux/KVM defaults without any DVH mechanism. */
    public static final HypervisorSettings KVM_DEFAULTS = new HypervisorSettings(
            Set.of(), KVM_DEFAULT_HALT_POLL_NS, TimerOffload.PREEMPTION_TIMER, true, true);

    public HypervisorSettings {
        Objects.requireNonNull(dvh, "dvh");
        Objects.requireNonNull(timerOffload, "timerOffload");
        if (haltPollNs < 0 || haltPollNs > MAX_HALT_POLL_NS) {
            throw new IllegalArgumentException("haltPollNs must be between 0 and " + MAX_HALT_POLL_NS + ", was " + haltPollNs);
        }
        dvh = dvh.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dvh));
    }

    /** Settings that name no kernel generation (a guest hypervisor then runs its parent's). */
    public HypervisorSettings(Set<DvhMechanism> dvh, long haltPollNs, TimerOffload timerOffload,
                              boolean exposeVmcsShadowing, boolean postedInterrupts) {
        this(dvh, haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts, null);
    }

    public HypervisorSettings withDvh(Set<DvhMechanism> mechanisms) {
        return new HypervisorSettings(mechanisms, haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts, kernel);
    }

    public HypervisorSettings withExposeVmcsShadowing(boolean expose) {
        return new HypervisorSettings(dvh, haltPollNs, timerOffload, expose, postedInterrupts, kernel);
    }

    public HypervisorSettings withHaltPollNs(long ns) {
        return new HypervisorSettings(dvh, ns, timerOffload, exposeVmcsShadowing, postedInterrupts, kernel);
    }

    public HypervisorSettings withTimerOffload(TimerOffload offload) {
        return new HypervisorSettings(dvh, haltPollNs, offload, exposeVmcsShadowing, postedInterrupts, kernel);
    }

    public HypervisorSettings withPostedInterrupts(boolean posted) {
        return new HypervisorSettings(dvh, haltPollNs, timerOffload, exposeVmcsShadowing, posted, kernel);
    }

    /** The same settings on kernel generation {@code generation} ({@code null}: a guest hypervisor's parent's). */
    public HypervisorSettings withKernel(KernelGeneration generation) {
        return new HypervisorSettings(dvh, haltPollNs, timerOffload, exposeVmcsShadowing, postedInterrupts, generation);
    }
}
