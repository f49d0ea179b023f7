package dev.nestsim.model.exits;

import java.util.ArrayList;
import java.util.List;

/** Runs microbenchmarks on a path: sums each one's steps from the path's memoized exit-cost table. */
public final class Microbenchmarks {

    /** The default trace budget: enough for an L3 trace to show every reflection once. */
    public static final int DEFAULT_TRACE_NODES = 2000;

    private final CascadeEngine engine;

    public Microbenchmarks(CascadeEngine engine) {
        this.engine = engine;
    }

    /** Every microbenchmark at the top of the table's path. */
    public List<MicrobenchmarkResult> runAll(ExitCostTable table, boolean withTrace) {
        List<MicrobenchmarkResult> results = new ArrayList<>();
        for (Microbenchmark m : Microbenchmark.values()) {
            results.add(run(table, m, withTrace));
        }
        return results;
    }

    /** One microbenchmark at the top of the table's path (the leaf, or the bare host). */
    public MicrobenchmarkResult run(ExitCostTable table, Microbenchmark benchmark, boolean withTrace) {
        int n = table.topLevel();
        int size = n + 1;
        double clockMhz = table.path().host().hardware().cyclesPerMicrosecond();
        if (n == 0 && !benchmark.nativeApplicable()) {
            Bill none = new Bill(size);
            return new MicrobenchmarkResult(benchmark.apiName(), benchmark.description(), 0, false, 0, 0,
                    none.exitsRaised(), none.exitsHandled(), none.cyclesPerLevel(), none.profile(), null);
        }
        Bill bill = new Bill(size);
        List<TraceNode> children = new ArrayList<>();
        int budget = DEFAULT_TRACE_NODES;
        for (MicroStep step : benchmark.steps()) {
            if (step instanceof MicroStep.Event e) {
                EventCost cost = table.cost(n, e.event());
                bill.add(cost, 1);
                if (withTrace) {
                    TraceNode node = engine.trace(table, n, e.event(), Math.max(1, budget));
                    budget -= node.size();
                    children.add(node);
                }
            } else if (step instanceof MicroStep.GuestWork w) {
                double cycles = engine.calibration().get(w.param());
                bill.work(n, cycles);
                addWork(children, n, w.param().meaning(), cycles, withTrace);
            } else if (step instanceof MicroStep.HandlerWork hw) {
                int h = Math.max(0, table.cost(n, hw.event()).handledAt());
                double cycles = engine.calibration().get(hw.param());
                bill.work(h, cycles);
                addWork(children, h, hw.param().meaning(), cycles, withTrace);
            } else {
                double cycles = ((MicroStep.Spin) step).cycles();
                bill.work(n, cycles);
                addWork(children, n, "the test's own spin", cycles, withTrace);
            }
        }
        TraceNode trace = withTrace
                ? new TraceNode("MICROBENCHMARK", n, null, false, -1, benchmark.apiName(), 1, bill.cycles(), bill.cycles(),
                        children, false)
                : null;
        return new MicrobenchmarkResult(benchmark.apiName(), benchmark.description(), n, true, bill.cycles(),
                bill.cycles() / clockMhz, bill.exitsRaised(), bill.exitsHandled(), bill.cyclesPerLevel(), bill.profile(), trace);
    }

    private static void addWork(List<TraceNode> children, int level, String name, double cycles, boolean withTrace) {
        if (withTrace) {
            children.add(new TraceNode("WORK", level, null, false, -1, name, 1, cycles, cycles, List.of(), false));
        }
    }
}
