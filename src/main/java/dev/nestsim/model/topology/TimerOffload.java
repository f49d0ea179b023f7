package dev.nestsim.model.topology;

/** What backs a guest's TSC-deadline timer in its hypervisor (docs/model.md section 3). */
public enum TimerOffload {
    /** The VMX preemption timer (KVM's default when the CPU has it): cheap to program, expiry is a fast exit. */
    PREEMPTION_TIMER,
    /** A host hrtimer: programming it reprograms the host's own clock event device. */
    HRTIMER
}
