package dev.nestsim.model.exits;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable accumulator of cycles and exits per level, used while a plan is summed. One array holds
 * everything (total cycles, then cycles, exits raised and exits handled per level) so a bill is one allocation.
 */
final class Bill {

    private final int levels;
    /** [0]: cycles; [1 + k]: cycles of level k; [1 + L + k]: exits raised by level k; [1 + 2L + k]: handled by k. */
    private final double[] v;

    Bill(int levels) {
        this.levels = levels;
        this.v = new double[1 + 3 * levels];
    }

    double cycles() {
        return v[0];
    }

    double cyclesAt(int level) {
        return v[1 + level];
    }

    long exitsRaisedAt(int level) {
        return (long) v[1 + levels + level];
    }

    long exitsHandledAt(int level) {
        return (long) v[1 + 2 * levels + level];
    }

    void work(int level, double amount) {
        v[0] += amount;
        v[1 + level] += amount;
    }

    void exit(int raisedBy, int handledBy) {
        v[1 + levels + raisedBy] += 1;
        v[1 + 2 * levels + handledBy] += 1;
    }

    /** Adds {@code count} times a bill of an event raised at {@code level} (it has nothing above that level). */
    void add(Bill other, long count, int level) {
        double[] o = other.v;
        v[0] += o[0] * count;
        for (int seg = 1; seg < v.length; seg += levels) {
            for (int k = seg, end = seg + level; k <= end; k++) {
                v[k] += o[k] * count;
            }
        }
    }

    /** Adds {@code count} times an event's published cost (for microbenchmarks that compose events). */
    void add(EventCost cost, long count) {
        v[0] += cost.cycles() * count;
        for (int k = 0; k < levels; k++) {
            v[1 + k] += cost.cyclesPerLevel().get(k) * count;
            v[1 + levels + k] += cost.exitsPerLevel().get(k) * count;
            v[1 + 2 * levels + k] += cost.exitsHandledPerLevel().get(k) * count;
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

    EventCost toCost(Plan plan) {
        return new EventCost(plan.level(), plan.event(), plan.exit(), plan.handledAt(), plan.handler(), cycles(),
                exitsRaised(), exitsHandled(), cyclesPerLevel());
    }
}
