package dev.nestsim.advice;

import dev.nestsim.model.workload.Metric;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.machine.Counter;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a workload's leaf does per operation (a unit of its throughput), measured in an L1 VM: its {@link Counter}s per second
 * over its throughput, and the cycles the server spends per operation natively. The analytic screen prices these events on each
 * candidate's path.
 *
 * @param perOperation       each counter's events per operation
 * @param cyclesPerOperation native server cycles per operation, above 0
 */
public record EventRates(Map<Counter, Double> perOperation, double cyclesPerOperation) {

    public EventRates {
        perOperation = Map.copyOf(perOperation);
        if (!(cyclesPerOperation > 0)) {
            throw new IllegalArgumentException("cyclesPerOperation must be above 0, was " + cyclesPerOperation);
        }
    }

    /**
     * The rates of one run's result in an L1 VM with a virtio NIC (what the workload's guest does: its doorbells, halts, IPIs,
     * timer programs and interrupts per operation), with native's cycles per operation (the run's over its ratio to native's).
     */
    public static EventRates of(WorkloadResult l1Result) {
        double throughput = mean(l1Result, "throughput", null);
        Map<Counter, Double> rates = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) {
            rates.put(c, throughput > 0 ? mean(l1Result, c.metric(), l1Result.level()) / throughput : 0);
        }
        double ratio = mean(l1Result, "cyclesPerOperationNormalizedToNative", null);
        double cycles = mean(l1Result, "cyclesPerOperation", null);
        return new EventRates(rates, Math.max(ratio > 0 ? cycles / ratio : cycles, 1));
    }

    public double rate(Counter counter) {
        return perOperation.getOrDefault(counter, 0.0);
    }

    private static double mean(WorkloadResult result, String name, Integer level) {
        for (Metric m : result.metrics()) {
            if (m.name().equals(name) && m.reason() == null && java.util.Objects.equals(m.level(), level)) {
                return m.estimate().mean();
            }
        }
        return 0;
    }
}
