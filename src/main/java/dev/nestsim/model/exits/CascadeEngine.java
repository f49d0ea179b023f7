package dev.nestsim.model.exits;

import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The exit-cascade cost engine (docs/model.md section 2). Immutable and safe to share between threads.
 *
 * <p>The recurrence, with each term a method or parameter of the same name:
 * <pre>
 * cost(0, e) = native cost of e                                   ({@code Route.nativeCycles})
 * cost(n, e) = exitless work of e at Ln                           (hardware shadowing, posted interrupt, ...)
 *            | VM_EXIT                                           (hardware exit from Ln to L0)
 *              + sum over k in [0, h) of reflect(k)               (Lk emulates the exit into L(k+1): {@code KvmHandlers.reflect})
 *              + handlerWork(h, e) + sum over op in handlerOps(h, e) of cost(h, op)
 *              + cost(h, VMRESUME)                                (at h = 0 the hardware entry, VM_ENTRY)
 * </pre>
 * where h is the level that handles e ({@code Route.handler}): n-1 normally, 0 for a DVH bypass, n-2 for a
 * shadowed VMREAD/VMWRITE under emulated VMCS shadowing. reflect(k) for k &ge; 1 ends with Lk's own VMRESUME,
 * itself an event at level k, and cost(k, VMRESUME) is L(k-1)'s emulation of that entry ({@code emulateEntry}):
 * the recursion that multiplies exits. Every sub-cost is at a lower level, so {@link #table} computes the whole
 * path bottom-up in one pass (memoized); {@link #naiveCycles} walks the same recursion without memory.
 */
public final class CascadeEngine {

    private static final CascadeEngine REFERENCE = new CascadeEngine(Calibration.DEFAULT);

    private final Calibration calibration;
    private final Route route;

    public CascadeEngine(Calibration calibration) {
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.route = new Route(calibration);
    }

    /** The engine with the calibrated reference parameters. */
    public static CascadeEngine reference() {
        return REFERENCE;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** Every event at every level of {@code path}, memoized. */
    public ExitCostTable table(Path path) {
        return ExitCostTable.compute(route, path);
    }

    /** The level that handles {@code event} raised at {@code level} when it exits (-1 for none). */
    public int handlerLevel(Path path, int level, GuestEvent event) {
        return route.plan(new PathContext(path), level, event).handledAt();
    }

    /**
     * The cost of one event by the naive recursive walk, without memoization: exponential in depth. Kept for
     * the benchmark that shows what memoization buys, and as a cross-check of {@link #table}.
     */
    public double naiveCycles(Path path, int level, GuestEvent event) {
        PathContext ctx = new PathContext(path);
        return naive(ctx, level, event);
    }

    /** Visits every occurrence of every sub-event, as a direct simulation of the cascade would. */
    private double naive(PathContext ctx, int level, GuestEvent event) {
        double total = 0;
        for (Step step : route.plan(ctx, level, event).steps()) {
            if (step instanceof Step.Work work) {
                total += work.cycles();
            } else {
                Step.Sub sub = (Step.Sub) step;
                for (long i = 0; i < sub.count(); i++) {
                    total += naive(ctx, sub.level(), sub.event());
                }
            }
        }
        return total;
    }

    /**
     * The trace of {@code event} raised at {@code level}: the tree of exits with level, reason, handler and
     * cycles at every node. At most {@code maxNodes} nodes are expanded; deeper events are listed with their
     * cycles and marked truncated.
     */
    public TraceNode trace(ExitCostTable table, int level, GuestEvent event, int maxNodes) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1, was " + maxNodes);
        }
        int[] budget = {maxNodes};
        return traceEvent(table, level, event, 1, budget);
    }

    private TraceNode traceEvent(ExitCostTable table, int level, GuestEvent event, long count, int[] budget) {
        Plan plan = table.plan(level, event);
        EventCost cost = table.cost(level, event);
        budget[0]--;
        if (budget[0] < plan.steps().size()) {
            return new TraceNode("EVENT", level, event, plan.exit(), plan.handledAt(), plan.handler(), count,
                    cost.cycles(), cost.cycles() * count, List.of(), !plan.steps().isEmpty());
        }
        List<TraceNode> children = new ArrayList<>(plan.steps().size());
        for (Step step : plan.steps()) {
            if (step instanceof Step.Work work) {
                budget[0]--;
                children.add(new TraceNode("WORK", work.level(), null, false, -1, work.name(), 1,
                        work.cycles(), work.cycles(), List.of(), false));
            } else {
                Step.Sub sub = (Step.Sub) step;
                if (budget[0] <= 0) {
                    EventCost subCost = table.cost(sub.level(), sub.event());
                    Plan subPlan = table.plan(sub.level(), sub.event());
                    children.add(new TraceNode("EVENT", sub.level(), sub.event(), subPlan.exit(), subPlan.handledAt(),
                            subPlan.handler(), sub.count(), subCost.cycles(), subCost.cycles() * sub.count(), List.of(),
                            !subPlan.steps().isEmpty()));
                } else {
                    children.add(traceEvent(table, sub.level(), sub.event(), sub.count(), budget));
                }
            }
        }
        return new TraceNode("EVENT", level, event, plan.exit(), plan.handledAt(), plan.handler(), count,
                cost.cycles(), cost.cycles() * count, children, false);
    }

    /** Exposed for tests: the plans of a level, by event. */
    Map<GuestEvent, Plan> plans(Path path, int level) {
        PathContext ctx = new PathContext(path);
        Map<GuestEvent, Plan> plans = new EnumMap<>(GuestEvent.class);
        for (GuestEvent e : GuestEvent.values()) {
            plans.put(e, route.plan(ctx, level, e));
        }
        return plans;
    }
}
