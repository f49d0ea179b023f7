package dev.nestsim.model.workload.machine;

/**
 * The running sums of one replication: cycles of software at each level (CPU time), hardware exits raised by
 * each level, the exit profile (exits each level saw by reason and its cycles on them), and the leaf's
 * {@link Counter}s. The periodic tick of busy CPUs is kept as busy seconds per level
 * and priced when read ({@link Platform#tickPerBusySecond}), which is the same sum at a fraction of the work.
 * Mutable, owned by one replication's simulation.
 */
public final class Accounts {

    /** Laid out as {@link Charge} books them: cycles and exits per level, then the profile's slots. */
    private final double[] sums;
    private final double[] counters = new double[Counter.values().length];
    private final double[] busySeconds;
    private final Charge[] tickPerBusySecond;
    private double leafBusySeconds;

    Accounts(Platform platform) {
        int levels = platform.levels();
        this.sums = new double[Charge.sums(levels)];
        this.busySeconds = new double[levels];
        this.tickPerBusySecond = new Charge[levels];
        for (int k = 0; k < levels; k++) {
            tickPerBusySecond[k] = platform.tickPerBusySecond(k);
        }
    }

    private Accounts(Accounts other) {
        this.sums = other.sums.clone();
        this.busySeconds = other.busySeconds.clone();
        this.tickPerBusySecond = other.tickPerBusySecond;
        this.leafBusySeconds = other.leafBusySeconds;
        System.arraycopy(other.counters, 0, counters, 0, counters.length);
    }

    public void book(Charge charge) {
        charge.addTo(sums);
    }

    public void work(int level, double cyclesOfWork) {
        sums[2 * level] += cyclesOfWork;
    }

    public void count(Counter counter, double times) {
        counters[counter.ordinal()] += times;
    }

    /** A CPU at {@code level} ran jobs for {@code seconds}: it took the periodic tick meanwhile. */
    void busy(int level, boolean leaf, double seconds) {
        busySeconds[level] += seconds;
        if (leaf) {
            leafBusySeconds += seconds;
        }
    }

    public int levels() {
        return busySeconds.length;
    }

    public double cyclesAt(int level) {
        double sum = sums[2 * level];
        for (int k = 0; k < busySeconds.length; k++) {
            sum += busySeconds[k] * tickPerBusySecond[k].cyclesAt(level);
        }
        return sum;
    }

    /** Exits level {@code level} saw under {@code reason} so far, the busy CPUs' ticks included. */
    public double seenAt(int level, dev.nestsim.model.exits.ExitReason reason) {
        double sum = sums[Charge.slotOfSeen(busySeconds.length, level, reason)];
        for (int k = 0; k < busySeconds.length; k++) {
            sum += busySeconds[k] * tickPerBusySecond[k].seenAt(level, reason);
        }
        return sum;
    }

    /** Level {@code level}'s cycles on exits of {@code reason} so far, the busy CPUs' ticks included. */
    public double reasonCyclesAt(int level, dev.nestsim.model.exits.ExitReason reason) {
        double sum = sums[Charge.slotOfReasonCycles(busySeconds.length, level, reason)];
        for (int k = 0; k < busySeconds.length; k++) {
            sum += busySeconds[k] * tickPerBusySecond[k].reasonCyclesAt(level, reason);
        }
        return sum;
    }

    public double exitsAt(int level) {
        double sum = sums[2 * level + 1];
        for (int k = 0; k < busySeconds.length; k++) {
            sum += busySeconds[k] * tickPerBusySecond[k].exitsAt(level);
        }
        return sum;
    }

    public double counter(Counter counter) {
        double value = counters[counter.ordinal()];
        if (counter == Counter.INTERRUPTS || counter == Counter.TIMER_PROGRAMS) {
            value += leafBusySeconds * StackParam.HZ.value();
        }
        return value;
    }

    public Accounts copy() {
        return new Accounts(this);
    }
}
