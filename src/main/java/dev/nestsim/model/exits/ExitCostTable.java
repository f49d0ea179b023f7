package dev.nestsim.model.exits;

import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The memoized cost of every event at every level of one path, computed level by level from L0 upward
 * (STYLE.md habit 4): cost(n, e) only needs costs at levels below n, so one pass fills the table. Immutable.
 */
public final class ExitCostTable {

    private final Path path;
    private final List<Map<GuestEvent, EventCost>> levels;
    private final List<Map<GuestEvent, Plan>> plans;

    ExitCostTable(Path path, List<Map<GuestEvent, EventCost>> levels, List<Map<GuestEvent, Plan>> plans) {
        this.path = path;
        this.levels = levels;
        this.plans = plans;
    }

    static ExitCostTable compute(Route route, Path path) {
        PathContext ctx = new PathContext(path);
        int size = ctx.top() + 1;
        List<EnumMap<GuestEvent, Bill>> bills = new ArrayList<>(size);
        List<Map<GuestEvent, EventCost>> costs = new ArrayList<>(size);
        List<Map<GuestEvent, Plan>> plans = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            EnumMap<GuestEvent, Bill> levelBills = new EnumMap<>(GuestEvent.class);
            EnumMap<GuestEvent, EventCost> levelCosts = new EnumMap<>(GuestEvent.class);
            EnumMap<GuestEvent, Plan> levelPlans = new EnumMap<>(GuestEvent.class);
            for (GuestEvent event : GuestEvent.values()) {
                Plan plan = route.plan(ctx, n, event);
                Bill bill = sum(plan, size, bills);
                levelBills.put(event, bill);
                levelPlans.put(event, plan);
                levelCosts.put(event, bill.toCost(plan, size));
            }
            bills.add(levelBills);
            costs.add(Collections.unmodifiableMap(levelCosts));
            plans.add(Collections.unmodifiableMap(levelPlans));
        }
        return new ExitCostTable(path, Collections.unmodifiableList(costs), Collections.unmodifiableList(plans));
    }

    /** Sums one plan, looking sub-events up in the rows already computed (all at lower levels). */
    static Bill sum(Plan plan, int size, List<? extends Map<GuestEvent, Bill>> lower) {
        Bill bill = new Bill(size);
        if (plan.exit()) {
            bill.exitsRaised[plan.level()]++;
            bill.exitsHandled[plan.handledAt()]++;
        }
        for (Step step : plan.steps()) {
            if (step instanceof Step.Work work) {
                bill.work(work.level(), work.cycles());
            } else {
                Step.Sub sub = (Step.Sub) step;
                bill.add(lower.get(sub.level()).get(sub.event()), sub.count());
            }
        }
        return bill;
    }

    public Path path() {
        return path;
    }

    /** The deepest level: the leaf's, or the top hypervisor's, or 0 for the bare host. */
    public int topLevel() {
        return levels.size() - 1;
    }

    /** The cost of {@code event} raised at {@code level} (0 to {@link #topLevel()}). */
    public EventCost cost(int level, GuestEvent event) {
        return levels.get(level).get(event);
    }

    /** The cost of {@code event} raised by the leaf (or the top of the path). */
    public EventCost leaf(GuestEvent event) {
        return cost(topLevel(), event);
    }

    Plan plan(int level, GuestEvent event) {
        return plans.get(level).get(event);
    }
}
