package dev.nestsim.model.workload.machine;

/** What the leaf does that a user may want counted per second, besides the exits (all at the leaf's level). */
public enum Counter {
    /** HLT instructions executed by the leaf's CPUs when they go idle. */
    HALTS("haltsPerSecond", "halts/s"),
    /** Interrupts taken by the leaf's CPUs: device, IPI and timer. */
    INTERRUPTS("interruptsPerSecond", "interrupts/s"),
    /** IPIs sent by the leaf (reschedule IPIs for cross-CPU wake-ups). */
    IPIS("ipisPerSecond", "IPIs/s"),
    /** Device doorbells written by the leaf (virtio kicks, VF tail writes, e1000 register writes). */
    KICKS("kicksPerSecond", "doorbells/s"),
    /** TSC-deadline writes by the leaf: tick stop and restart around idle, and one per busy tick. */
    TIMER_PROGRAMS("timerProgramsPerSecond", "writes/s"),
    /** TLB shootdowns the leaf's threads made (each a call-function IPI to every other CPU holding the address space). */
    TLB_SHOOTDOWNS("tlbShootdownsPerSecond", "shootdowns/s");

    private final String metric;
    private final String unit;

    Counter(String metric, String unit) {
        this.metric = metric;
        this.unit = unit;
    }

    public String metric() {
        return metric;
    }

    public String unit() {
        return unit;
    }
}
