package dev.nestsim.model.workload;

import dev.nestsim.model.workload.apps.WorkloadModel;
import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.workload.results.Outcome;
import dev.nestsim.model.exits.ExitReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Builds a {@link WorkloadResult} from the replications of a path and of its native counterpart: every metric as
 * a mean with its 95% confidence half-width over the replications, and the primary metric normalised to native
 * replication by replication (the pairs share their random numbers).
 *
 * <p>Metrics: {@code throughput} in the workload's unit; {@code completionTime} in seconds for workloads with a
 * fixed amount of work (the primary metric there); {@code latencyMean}, {@code latencyP50}, {@code latencyP90},
 * {@code latencyP99} in microseconds where there is a latency; {@code cpuUtilization} per level in CPUs busy
 * (cycles of that level's software over the clock and the window: 3.2 means three CPUs and a fifth; L0 includes
 * the hardware transitions and halt polling for its guests); {@code exitsPerSecond} per level (exits raised by
 * that level's software); {@code busiestCpuUtilization} per level, the busy fraction of that level's busiest
 * CPU (a leaf vCPU, or an I/O CPU of a hypervisor: 1 marks the bottleneck; absent for a level that has no CPU of
 * its own in the simulation); {@code cyclesPerOperation} per level and for all levels together (no level), and
 * {@code exitsPerOperation} per level, per unit of the throughput (a transaction, request, operation, message or
 * Mbit); {@code cyclesPerOperationNormalizedToNative}, the server's cycles per unit over native's, replication by
 * replication; the leaf's {@link Counter}s per second; {@code clientCpuUtilization} on the client machine; and
 * {@code measuredSeconds}, the simulated window per replication.
 */
final class Summary {

    private Summary() {
    }

    static WorkloadResult of(WorkloadDescriptor descriptor, WorkloadModel model, int level, Map<String, Double> parameters,
                             long seed, List<Outcome> outcomes, List<Outcome> natives) {
        int n = outcomes.size();
        double total = model.totalUnits(parameters);
        List<Metric> metrics = new ArrayList<>();
        Metric throughput = metric("throughput", unitOf(descriptor), null, estimate(outcomes, Outcome::rate));
        Metric primary = throughput;
        metrics.add(throughput);
        ToDoubleFunction<Outcome> primaryValue = Outcome::rate;
        if (total > 0) {
            primaryValue = o -> total / Math.max(o.rate(), 1e-9);
            primary = metric("completionTime", "s", null, estimate(outcomes, primaryValue));
            metrics.add(0, primary);
        }
        if (model.hasLatency() && allHaveLatencies(outcomes)) {
            metrics.add(metric("latencyMean", "us", null, estimate(outcomes, Outcome::latencyMean)));
            metrics.add(metric("latencyP50", "us", null, estimate(outcomes, o -> o.latency().p50Us())));
            metrics.add(metric("latencyP90", "us", null, estimate(outcomes, o -> o.latency().p90Us())));
            metrics.add(metric("latencyP99", "us", null, estimate(outcomes, o -> o.latency().p99Us())));
        }
        int levels = outcomes.get(0).usage().cpusBusy().length;
        for (int k = 0; k < levels; k++) {
            int at = k;
            metrics.add(metric("cpuUtilization", "CPUs busy", k, estimate(outcomes, o -> o.usage().cpusBusy()[at])));
        }
        for (int k = 0; k < levels; k++) {
            int at = k;
            metrics.add(metric("exitsPerSecond", "exits/s", k, estimate(outcomes, o -> o.usage().exitsPerSecond()[at])));
        }
        String perOperation = "/" + operationOf(unitOf(descriptor));
        for (int k = 0; k < levels; k++) {
            int at = k;
            metrics.add(metric("cyclesPerOperation", "cycles" + perOperation, k,
                    estimate(outcomes, o -> perOperation(o, o.usage().cyclesPerSecond()[at]))));
        }
        metrics.add(metric("cyclesPerOperation", "cycles" + perOperation, null,
                estimate(outcomes, o -> perOperation(o, serverCyclesPerSecond(o)))));
        for (int k = 0; k < levels; k++) {
            int at = k;
            metrics.add(metric("exitsPerOperation", "exits" + perOperation, k,
                    estimate(outcomes, o -> perOperation(o, o.usage().exitsPerSecond()[at]))));
        }
        metrics.add(metric("cyclesPerOperationNormalizedToNative", "ratio", null, level == 0
                ? new Estimate(1, 0, Estimates.CONFIDENCE, n) : cpuCostToNative(outcomes, natives)));
        for (int k = 0; k < levels; k++) {
            int at = k;
            if (!Double.isNaN(outcomes.get(0).busiestCpu()[at])) {
                metrics.add(metric("busiestCpuUtilization", "fraction", k, estimate(outcomes, o -> o.busiestCpu()[at])));
            }
        }
        for (Counter c : Counter.values()) {
            metrics.add(metric(c.metric(), c.unit(), level, estimate(outcomes, o -> o.usage().counters()[c.ordinal()])));
        }
        exitProfile(metrics, outcomes, levels, perOperation);
        metrics.add(metric("clientCpuUtilization", "CPUs busy", null, estimate(outcomes, Outcome::clientCpus)));
        metrics.add(metric("measuredSeconds", "s", null, estimate(outcomes, Outcome::seconds)));
        Estimate normalized = level == 0 ? new Estimate(1, 0, Estimates.CONFIDENCE, n) : normalized(outcomes, natives);
        return new WorkloadResult(descriptor.name(), level, parameters, seed, n, primary, normalized, metrics,
                values(outcomes, primaryValue));
    }

    private static List<Double> values(List<Outcome> outcomes, ToDoubleFunction<Outcome> value) {
        List<Double> values = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            values.add(value.applyAsDouble(o));
        }
        return values;
    }

    /**
     * The exit profile (docs/workloads.md section 3), as {@code perf kvm stat} shows it at each level: for every reason a level
     * saw in any replication, {@code exitsByReasonPerSecond} and {@code exitsByReasonPerOperation} (exits the level saw:
     * handled, or reflected on their way to a guest hypervisor), {@code cyclesByReasonPerSecond} and
     * {@code cyclesByReasonPerOperation} (its software's cycles on them).
     */
    private static void exitProfile(List<Metric> metrics, List<Outcome> outcomes, int levels, String perOperation) {
        ExitReason[] reasons = ExitReason.values();
        for (int k = 0; k < levels; k++) {
            for (ExitReason r : reasons) {
                int i = k * reasons.length + r.ordinal();
                boolean seen = false;
                for (Outcome o : outcomes) {
                    seen |= o.usage().seenPerSecond()[i] > 0 || o.usage().reasonCyclesPerSecond()[i] > 0;
                }
                if (!seen) {
                    continue;
                }
                metrics.add(new Metric("exitsByReasonPerSecond", "exits/s", k, r.name(),
                        estimate(outcomes, o -> o.usage().seenPerSecond()[i])));
                metrics.add(new Metric("exitsByReasonPerOperation", "exits" + perOperation, k, r.name(),
                        estimate(outcomes, o -> perOperation(o, o.usage().seenPerSecond()[i]))));
                metrics.add(new Metric("cyclesByReasonPerSecond", "cycles/s", k, r.name(),
                        estimate(outcomes, o -> o.usage().reasonCyclesPerSecond()[i])));
                metrics.add(new Metric("cyclesByReasonPerOperation", "cycles" + perOperation, k, r.name(),
                        estimate(outcomes, o -> perOperation(o, o.usage().reasonCyclesPerSecond()[i]))));
            }
        }
    }

    /** Per replication, the path's throughput over native's (for completion times: native time over the path's). */
    private static Estimate normalized(List<Outcome> outcomes, List<Outcome> natives) {
        double[] ratios = new double[outcomes.size()];
        for (int r = 0; r < ratios.length; r++) {
            double nativeRate = natives.get(r).rate();
            ratios[r] = nativeRate > 0 ? outcomes.get(r).rate() / nativeRate : 0;
        }
        return Estimates.of(ratios);
    }

    /**
     * Per replication, the server's cycles per unit of work on the path (every level together: the leaf, its
     * hypervisors, L0 with its halt polling and transitions) over native's: what the same work costs in CPU.
     */
    private static Estimate cpuCostToNative(List<Outcome> outcomes, List<Outcome> natives) {
        double[] ratios = new double[outcomes.size()];
        for (int r = 0; r < ratios.length; r++) {
            double nativeCost = perOperation(natives.get(r), serverCyclesPerSecond(natives.get(r)));
            ratios[r] = nativeCost > 0 ? perOperation(outcomes.get(r), serverCyclesPerSecond(outcomes.get(r))) / nativeCost : 0;
        }
        return Estimates.of(ratios);
    }

    /** A per-second figure per unit of work done (0 when no unit was done). */
    private static double perOperation(Outcome o, double perSecond) {
        double rate = o.rate();
        return rate > 0 ? perSecond / rate : 0;
    }

    private static double serverCyclesPerSecond(Outcome o) {
        double sum = 0;
        for (double c : o.usage().cyclesPerSecond()) {
            sum += c;
        }
        return sum;
    }

    /** The unit of work of a throughput unit: "transactions/s" gives "transaction", "Mbit/s" gives "Mbit". */
    static String operationOf(String throughputUnit) {
        String unit = throughputUnit.endsWith("/s") ? throughputUnit.substring(0, throughputUnit.length() - 2) : throughputUnit;
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private static String unitOf(WorkloadDescriptor descriptor) {
        return descriptor.primaryMetric().equals("throughput") ? descriptor.primaryUnit() : throughputUnit(descriptor.name());
    }

    private static String throughputUnit(String workload) {
        return workload.equals("hackbench") ? "messages/s" : "transactions/s";
    }

    private static boolean allHaveLatencies(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (!o.hasLatencies()) {
                return false;
            }
        }
        return true;
    }

    private static Metric metric(String name, String unit, Integer level, Estimate estimate) {
        return new Metric(name, unit, level, estimate);
    }

    private static Estimate estimate(List<Outcome> outcomes, ToDoubleFunction<Outcome> value) {
        double[] values = new double[outcomes.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = value.applyAsDouble(outcomes.get(r));
        }
        return Estimates.of(values);
    }
}
