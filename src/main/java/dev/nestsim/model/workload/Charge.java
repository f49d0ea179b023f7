package dev.nestsim.model.workload;

import dev.nestsim.model.exits.EventCost;

/**
 * What one occurrence of something costs, broken down by level: total cycles on the CPU that does it, the
 * cycles spent in each level's software and the hardware exits raised by each level. Immutable; the arrays
 * never leave this class.
 *
 * <p>Booking adds only the non-zero entries (most charges touch a few of the levels): adding zero would leave
 * every sum as it is, so the sums are the same to the bit.
 */
final class Charge {

    private final double cycles;
    private final double[] cyclesPerLevel;
    private final double[] exitsPerLevel;
    /** The non-zero entries, as slots of {@link Accounts}'s per-level sums (cycles of level k at 2k, exits at 2k + 1). */
    private final int[] slots;
    private final double[] amounts;

    private Charge(double[] cyclesPerLevel, double[] exitsPerLevel) {
        this.cyclesPerLevel = cyclesPerLevel;
        this.exitsPerLevel = exitsPerLevel;
        double sum = 0;
        for (double c : cyclesPerLevel) {
            sum += c;
        }
        this.cycles = sum;
        int nonZero = 0;
        for (int k = 0; k < cyclesPerLevel.length; k++) {
            nonZero += (cyclesPerLevel[k] != 0 ? 1 : 0) + (exitsPerLevel[k] != 0 ? 1 : 0);
        }
        this.slots = new int[nonZero];
        this.amounts = new double[nonZero];
        int i = 0;
        for (int k = 0; k < cyclesPerLevel.length; k++) {
            if (cyclesPerLevel[k] != 0) {
                slots[i] = 2 * k;
                amounts[i++] = cyclesPerLevel[k];
            }
            if (exitsPerLevel[k] != 0) {
                slots[i] = 2 * k + 1;
                amounts[i++] = exitsPerLevel[k];
            }
        }
    }

    /** Nothing, on a path of {@code levels} levels (the leaf's level + 1). */
    static Charge none(int levels) {
        return new Charge(new double[levels], new double[levels]);
    }

    /** Native work: {@code cycles} of software at {@code level}, no exit. */
    static Charge work(int levels, int level, double cycles) {
        double[] c = new double[levels];
        c[level] = cycles;
        return new Charge(c, new double[levels]);
    }

    /** A hardware exit raised by {@code raisedBy} and handled entirely by L0 in {@code cycles}. */
    static Charge exitToL0(int levels, int raisedBy, double cycles) {
        double[] c = new double[levels];
        double[] x = new double[levels];
        c[0] = cycles;
        x[raisedBy] = 1;
        return new Charge(c, x);
    }

    /** One occurrence of an event as the exit cascade prices it; levels beyond the cost's own are zero. */
    static Charge of(EventCost cost, int levels) {
        double[] c = new double[levels];
        double[] x = new double[levels];
        for (int k = 0; k < Math.min(levels, cost.cyclesPerLevel().size()); k++) {
            c[k] = cost.cyclesPerLevel().get(k);
            x[k] = cost.exitsPerLevel().get(k);
        }
        return new Charge(c, x);
    }

    /** Total cycles on the CPU that pays, all levels together. */
    double cycles() {
        return cycles;
    }

    double cyclesAt(int level) {
        return cyclesPerLevel[level];
    }

    double exitsAt(int level) {
        return exitsPerLevel[level];
    }

    int levels() {
        return cyclesPerLevel.length;
    }

    Charge plus(Charge other) {
        double[] c = cyclesPerLevel.clone();
        double[] x = exitsPerLevel.clone();
        for (int k = 0; k < c.length; k++) {
            c[k] += other.cyclesPerLevel[k];
            x[k] += other.exitsPerLevel[k];
        }
        return new Charge(c, x);
    }

    Charge times(double factor) {
        double[] c = cyclesPerLevel.clone();
        double[] x = exitsPerLevel.clone();
        for (int k = 0; k < c.length; k++) {
            c[k] *= factor;
            x[k] *= factor;
        }
        return new Charge(c, x);
    }

    /** Adds this charge once to per-level sums laid out as {@link #slots} says. */
    void addTo(double[] sums) {
        for (int i = 0; i < slots.length; i++) {
            sums[slots[i]] += amounts[i];
        }
    }
}
