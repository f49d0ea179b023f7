package dev.nestsim.model.exits;

import dev.nestsim.model.topology.Path;

/**
 * The memoized cost of every event at every level of one path, computed level by level from L0 upward
 * (bottom-up dynamic programming): cost(n, e) only needs costs at levels below n, so one pass fills the table. Immutable.
 */
public final class ExitCostTable {

    private static final GuestEvent[] EVENTS = GuestEvent.values();

    private final Path path;
    private final Bill[][] bills;
    private final Plan[][] plans;
    /** EventCosts made on first use; a race only makes an equal object twice. */
    private final EventCost[][] costs;

    private ExitCostTable(Path path, Bill[][] bills, Plan[][] plans) {
        this.path = path;
        this.bills = bills;
        this.plans = plans;
        this.costs = new EventCost[bills.length][EVENTS.length];
    }

    static ExitCostTable compute(Route route, Path path) {
        PathContext ctx = new PathContext(path);
        int size = ctx.top() + 1;
        Bill[][] bills = new Bill[size][EVENTS.length];
        Plan[][] plans = new Plan[size][EVENTS.length];
        for (int n = 0; n < size; n++) {
            for (GuestEvent event : EVENTS) {
                Plan plan = route.plan(ctx, n, event);
                plans[n][event.ordinal()] = plan;
                bills[n][event.ordinal()] = sum(plan, size, bills);
            }
        }
        return new ExitCostTable(path, bills, plans);
    }

    /**
     * Sums one plan, looking sub-events up in the rows already computed (all at lower levels). In the plan of an exit,
     * each level from L0 to the handler sees it, and their cycles not already spent on a sub-exit of their own are
     * attributed to it ({@link Bill}).
     */
    static Bill sum(Plan plan, int size, Bill[][] lower) {
        Bill bill = new Bill(size);
        int seenUpTo = plan.exit() ? plan.handledAt() : -1;
        if (plan.exit()) {
            bill.exit(plan.level(), plan.handledAt());
            for (int k = 0; k <= seenUpTo; k++) {
                bill.seen(k, plan.seenAs().get(k), 1);
            }
        }
        for (Step step : plan.steps()) {
            if (step instanceof Step.Work work) {
                bill.work(work.level(), work.cycles());
                if (work.level() <= seenUpTo) {
                    bill.attribute(work.level(), plan.seenAs().get(work.level()), work.cycles());
                }
            } else {
                Step.Sub sub = (Step.Sub) step;
                Bill sub1 = lower[sub.level()][sub.event().ordinal()];
                bill.add(sub1, sub.count(), sub.level());
                for (int k = 0; k <= seenUpTo; k++) {
                    double own = sub1.unattributedAt(k);
                    if (own > 1e-6) {
                        bill.attribute(k, plan.seenAs().get(k), own * sub.count());
                    }
                }
            }
        }
        return bill;
    }

    public Path path() {
        return path;
    }

    /** The deepest level: the leaf's, or the top hypervisor's, or 0 for the bare host. */
    public int topLevel() {
        return bills.length - 1;
    }

    /** The cost of {@code event} raised at {@code level} (0 to {@link #topLevel()}). */
    public EventCost cost(int level, GuestEvent event) {
        EventCost cost = costs[level][event.ordinal()];
        if (cost == null) {
            cost = bills[level][event.ordinal()].toCost(plans[level][event.ordinal()]);
            costs[level][event.ordinal()] = cost;
        }
        return cost;
    }

    /** Total cycles of {@code event} raised at {@code level}, without building an {@link EventCost}: for hot loops. */
    public double cycles(int level, GuestEvent event) {
        return bills[level][event.ordinal()].cycles();
    }

    /** The cost of {@code event} raised by the leaf (or the top of the path). */
    public EventCost leaf(GuestEvent event) {
        return cost(topLevel(), event);
    }

    Plan plan(int level, GuestEvent event) {
        return plans[level][event.ordinal()];
    }
}
