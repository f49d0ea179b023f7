package dev.nestsim.model.workload.machine;

import dev.nestsim.model.exits.EventCost;
import dev.nestsim.model.exits.ExitProfile;
import dev.nestsim.model.exits.ExitReason;

/**
 * What one occurrence of something costs, broken down by level: total cycles on the CPU that does it, the cycles
 * spent in each level's software, the hardware exits raised by each level, and its exit profile (the exits each
 * level saw by reason and the cycles it spent on them, {@link ExitProfile}). Immutable; the arrays never leave
 * this class.
 *
 * <p>Booking adds only the non-zero entries (most charges touch a few of the levels and reasons): adding zero would
 * leave every sum as it is, so the sums are the same to the bit.
 */
public final class Charge {

    static final int REASONS = ExitReason.values().length;

    private final double cycles;
    private final double[] cyclesPerLevel;
    private final double[] exitsPerLevel;
    /** [2 (k R + r)]: exits level k saw under reason r; [2 (k R + r) + 1]: its cycles on them. */
    private final double[] profile;
    /** The non-zero entries, as slots of {@link Accounts}'s sums ({@link #slotOfCycles} and the like). */
    private final int[] slots;
    private final double[] amounts;

    private Charge(double[] cyclesPerLevel, double[] exitsPerLevel, double[] profile) {
        this.cyclesPerLevel = cyclesPerLevel;
        this.exitsPerLevel = exitsPerLevel;
        this.profile = profile;
        double sum = 0;
        for (double c : cyclesPerLevel) {
            sum += c;
        }
        this.cycles = sum;
        int levels = cyclesPerLevel.length;
        int nonZero = 0;
        for (int k = 0; k < levels; k++) {
            nonZero += (cyclesPerLevel[k] != 0 ? 1 : 0) + (exitsPerLevel[k] != 0 ? 1 : 0);
        }
        for (double p : profile) {
            nonZero += p != 0 ? 1 : 0;
        }
        this.slots = new int[nonZero];
        this.amounts = new double[nonZero];
        int i = 0;
        for (int k = 0; k < levels; k++) {
            if (cyclesPerLevel[k] != 0) {
                slots[i] = slotOfCycles(k);
                amounts[i++] = cyclesPerLevel[k];
            }
            if (exitsPerLevel[k] != 0) {
                slots[i] = slotOfExits(k);
                amounts[i++] = exitsPerLevel[k];
            }
        }
        for (int j = 0; j < profile.length; j++) {
            if (profile[j] != 0) {
                slots[i] = 2 * levels + j;
                amounts[i++] = profile[j];
            }
        }
    }

    /** The slot of level k's cycles in per-level sums. */
    static int slotOfCycles(int k) {
        return 2 * k;
    }

    /** The slot of the exits raised by level k. */
    static int slotOfExits(int k) {
        return 2 * k + 1;
    }

    /** The slot of the exits level k saw under {@code reason}, on a path of {@code levels} levels. */
    static int slotOfSeen(int levels, int k, ExitReason reason) {
        return 2 * levels + 2 * (k * REASONS + reason.ordinal());
    }

    /** The slot of level k's cycles on exits of {@code reason}. */
    static int slotOfReasonCycles(int levels, int k, ExitReason reason) {
        return slotOfSeen(levels, k, reason) + 1;
    }

    /** The size of the sums a path of {@code levels} levels needs. */
    static int sums(int levels) {
        return 2 * levels + 2 * levels * REASONS;
    }

    /** Nothing, on a path of {@code levels} levels (the leaf's level + 1). */
    static Charge none(int levels) {
        return new Charge(new double[levels], new double[levels], new double[2 * levels * REASONS]);
    }

    /** Native work: {@code cycles} of software at {@code level}, no exit. */
    public static Charge work(int levels, int level, double cycles) {
        double[] c = new double[levels];
        c[level] = cycles;
        return new Charge(c, new double[levels], new double[2 * levels * REASONS]);
    }

    /** A hardware exit raised by {@code raisedBy} for a host interrupt, handled entirely by L0 in {@code cycles}. */
    static Charge exitToL0(int levels, int raisedBy, double cycles) {
        double[] c = new double[levels];
        double[] x = new double[levels];
        double[] p = new double[2 * levels * REASONS];
        c[0] = cycles;
        x[raisedBy] = 1;
        int seen = 2 * ExitReason.EXTERNAL_INTERRUPT.ordinal();
        p[seen] = 1;
        p[seen + 1] = cycles;
        return new Charge(c, x, p);
    }

    /** One occurrence of an event as the exit cascade prices it; levels beyond the cost's own are zero. */
    static Charge of(EventCost cost, int levels) {
        double[] c = new double[levels];
        double[] x = new double[levels];
        double[] p = new double[2 * levels * REASONS];
        int known = Math.min(levels, cost.cyclesPerLevel().size());
        for (int k = 0; k < known; k++) {
            c[k] = cost.cyclesPerLevel().get(k);
            x[k] = cost.exitsPerLevel().get(k);
            for (ExitProfile.Row row : cost.profile().at(k)) {
                int i = 2 * (k * REASONS + row.reason().ordinal());
                p[i] = row.exits();
                p[i + 1] = row.cycles();
            }
        }
        return new Charge(c, x, p);
    }

    /** Total cycles on the CPU that pays, all levels together. */
    public double cycles() {
        return cycles;
    }

    double cyclesAt(int level) {
        return cyclesPerLevel[level];
    }

    public double exitsAt(int level) {
        return exitsPerLevel[level];
    }

    /** Exits level {@code level} saw under {@code reason}. */
    double seenAt(int level, ExitReason reason) {
        return profile[2 * (level * REASONS + reason.ordinal())];
    }

    /** Level {@code level}'s cycles on exits of {@code reason}. */
    double reasonCyclesAt(int level, ExitReason reason) {
        return profile[2 * (level * REASONS + reason.ordinal()) + 1];
    }

    int levels() {
        return cyclesPerLevel.length;
    }

    public Charge plus(Charge other) {
        double[] c = cyclesPerLevel.clone();
        double[] x = exitsPerLevel.clone();
        double[] p = profile.clone();
        for (int k = 0; k < c.length; k++) {
            c[k] += other.cyclesPerLevel[k];
            x[k] += other.exitsPerLevel[k];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] += other.profile[j];
        }
        return new Charge(c, x, p);
    }

    public Charge times(double factor) {
        double[] c = cyclesPerLevel.clone();
        double[] x = exitsPerLevel.clone();
        double[] p = profile.clone();
        for (int k = 0; k < c.length; k++) {
            c[k] *= factor;
            x[k] *= factor;
        }
        for (int j = 0; j < p.length; j++) {
            p[j] *= factor;
        }
        return new Charge(c, x, p);
    }

    /** Adds this charge once to per-level sums laid out as {@link #slots} says. */
    void addTo(double[] sums) {
        for (int i = 0; i < slots.length; i++) {
            sums[slots[i]] += amounts[i];
        }
    }
}
