package dev.nestsim.advice;

import dev.nestsim.model.workload.Metric;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.machine.Counter;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a workload's leaf does per operation (a unit of its throughput), measured natively: its {@link Counter}s per second
 * over its throughput, and the cycles the server spends per operation. The analytic screen prices these events on each
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

    /** The rates of one native run's result. */
    public static EventRates of(WorkloadResult nativeResult) {
        double throughput = mean(nativeResult, "throughput");
        Map<Counter, Double> rates = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) {
            rates.put(c, throughput > 0 ? mean(nativeResult, c.metric()) / throughput : 0);
        }
        return new EventRates(rates, Math.max(mean(nativeResult, "cyclesPerOperation"), 1));
    }

    public double rate(Counter counter) {
        return perOperation.getOrDefault(counter, 0.0);
    }

    private static double mean(WorkloadResult result, String name) {
        for (Metric m : result.metrics()) {
            if (m.name().equals(name) && m.reason() == null) {
                return m.estimate().mean();
            }
        }
        return 0;
    }
}
