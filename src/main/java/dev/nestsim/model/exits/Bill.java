package dev.nestsim.model.exits;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable accumulator of cycles and exits per level, and of the exit profile (exits each level saw by reason, and
 * the cycles it spent on them), used while a plan is summed. One array holds everything so a bill is one allocation.
 *
 * <p>Attribution: in the plan of an exit handled at level h, the cycles of every level k from 0 to h that are not
 * already attributed to an exit of their own (a sub-exit's handling) are level k's time on this exit, under the
 * reason level k sees it as. Cycles above h (the guest's own, a TLB refill after the resume) stay unattributed.
 */
final class Bill {

    private static final int REASONS = ExitReason.values().length;

    private final int levels;
    /**
     * [0]: cycles; [1 + k]: cycles of level k; [1 + L + k]: exits raised by level k; [1 + 2L + k]: handled by k;
     * [SEEN + k * R + r]: exits level k saw under reason r; [ATTRIBUTED + k * R + r]: level k's cycles on them.
     */
    private final double[] v;
    private final int seen;
    private final int attributed;

    Bill(int levels) {
        this.levels = levels;
        this.seen = 1 + 3 * levels;
        this.attributed = seen + levels * REASONS;
        this.v = new double[attributed + levels * REASONS];
    }

    double cycles() {
        return v[0];
    }

    double cyclesAt(int level) {
        return v[1 + level];
    }

    long exitsRaisedAt(int level) {
        return Math.round(v[1 + levels + level]);
    }

    long exitsHandledAt(int level) {
        return Math.round(v[1 + 2 * levels + level]);
    }

    void work(int level, double amount) {
        v[0] += amount;
        v[1 + level] += amount;
    }

    void exit(int raisedBy, int handledBy) {
        v[1 + levels + raisedBy] += 1;
        v[1 + 2 * levels + handledBy] += 1;
    }

    /** Level {@code level} saw {@code count} exits under {@code reason}. */
    void seen(int level, ExitReason reason, double count) {
        v[seen + level * REASONS + reason.ordinal()] += count;
    }

    /** {@code amount} of level {@code level}'s cycles were spent on exits of {@code reason}. */
    void attribute(int level, ExitReason reason, double amount) {
        v[attributed + level * REASONS + reason.ordinal()] += amount;
    }

    /** Cycles of level {@code level} not attributed to any exit. */
    double unattributedAt(int level) {
        double sum = 0;
        int base = attributed + level * REASONS;
        for (int r = 0; r < REASONS; r++) {
            sum += v[base + r];
        }
        return v[1 + level] - sum;
    }

    /**
     * Adds {@code count} times a bill of an event raised at {@code level}. Its cycles may reach above that level (the
     * guest a reflection resumes refills its TLB), so every level is added.
     */
    void add(Bill other, long count, int level) {
        double[] o = other.v;
        for (int i = 0; i < v.length; i++) {
            v[i] += o[i] * count;
        }
    }

    /** Adds {@code count} times an event's published cost (for microbenchmarks that compose events). */
    void add(EventCost cost, long count) {
        v[0] += cost.cycles() * count;
        for (int k = 0; k < levels; k++) {
            v[1 + k] += cost.cyclesPerLevel().get(k) * count;
            v[1 + levels + k] += cost.exitsPerLevel().get(k) * count;
            v[1 + 2 * levels + k] += cost.exitsHandledPerLevel().get(k) * count;
            for (ExitProfile.Row row : cost.profile().at(k)) {
                seen(k, row.reason(), row.exits() * count);
                attribute(k, row.reason(), row.cycles() * count);
            }
        }
    }

    List<Long> exitsRaised() {
        List<Long> list = new ArrayList<>(levels);
        for (int k = 0; k < levels; k++) {
            list.add(exitsRaisedAt(k));
        }
        return list;
    }

    List<Long> exitsHandled() {
        List<Long> list = new ArrayList<>(levels);
        for (int k = 0; k < levels; k++) {
            list.add(exitsHandledAt(k));
        }
        return list;
    }

    List<Double> cyclesPerLevel() {
        List<Double> list = new ArrayList<>(levels);
        for (int k = 0; k < levels; k++) {
            list.add(cyclesAt(k));
        }
        return list;
    }

    ExitProfile profile() {
        double[] exits = new double[levels * REASONS];
        double[] cycles = new double[levels * REASONS];
        System.arraycopy(v, seen, exits, 0, exits.length);
        System.arraycopy(v, attributed, cycles, 0, cycles.length);
        return ExitProfile.of(levels, exits, cycles);
    }

    EventCost toCost(Plan plan) {
        return new EventCost(plan.level(), plan.event(), plan.exit(), plan.handledAt(), plan.handler(), cycles(),
                exitsRaised(), exitsHandled(), cyclesPerLevel(), profile());
    }
}
