package dev.nestsim.model.exits;

import java.util.ArrayList;
import java.util.List;

/** A mutable accumulator of cycles and exits per level, used while a plan is summed. */
final class Bill {

    double cycles;
    final double[] cyclesPerLevel;
    final long[] exitsRaised;
    final long[] exitsHandled;

    Bill(int levels) {
        cyclesPerLevel = new double[levels];
        exitsRaised = new long[levels];
        exitsHandled = new long[levels];
    }

    void work(int level, double amount) {
        cycles += amount;
        cyclesPerLevel[level] += amount;
    }

    /** Adds {@code count} times a bill of an event raised at {@code level} (it has nothing above that level). */
    void add(Bill other, long count, int level) {
        cycles += other.cycles * count;
        for (int k = 0; k <= level; k++) {
            cyclesPerLevel[k] += other.cyclesPerLevel[k] * count;
            exitsRaised[k] += other.exitsRaised[k] * count;
            exitsHandled[k] += other.exitsHandled[k] * count;
        }
    }

    EventCost toCost(Plan plan, int reportLevels) {
        List<Long> raised = new ArrayList<>(reportLevels);
        List<Long> handled = new ArrayList<>(reportLevels);
        List<Double> perLevel = new ArrayList<>(reportLevels);
        for (int k = 0; k < reportLevels; k++) {
            raised.add(exitsRaised[k]);
            handled.add(exitsHandled[k]);
            perLevel.add(cyclesPerLevel[k]);
        }
        return new EventCost(plan.level(), plan.event(), plan.exit(), plan.handledAt(), plan.handler(), cycles,
                raised, handled, perLevel);
    }
}
