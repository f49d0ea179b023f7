package dev.nestsim.model.workload;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a workload run measured. Contains nothing that depends on wall-clock time, so the same inputs and
 * seed give an equal result.
 *
 * @param workload           the workload's name
 * @param level              the level of the leaf it ran on (0: natively)
 * @param parameters         every parameter's value, defaults filled in, in name order
 * @param seed               the seed of the run
 * @param replications       independent replications
 * @param primary            the primary metric (for example throughput) as an estimate
 * @param normalizedToNative performance relative to the same workload on the bare host (1 = native; below 1 slower),
 *                           or {@code null} when the workload has no native counterpart
 * @param metrics            every metric, overall and per level
 * @param primaryValues      the primary metric's value in each replication, in replication order (replication r of
 *                           two runs with the same seed uses the same random streams, so two runs can be compared
 *                           replication by replication); empty where the figure is analytic (a microbenchmark)
 */
public record WorkloadResult(String workload, int level, Map<String, Double> parameters, long seed, int replications,
                             Metric primary, Estimate normalizedToNative, List<Metric> metrics, List<Double> primaryValues) {

    public WorkloadResult {
        Objects.requireNonNull(workload, "workload");
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
        Objects.requireNonNull(primary, "primary");
        metrics = List.copyOf(metrics);
        primaryValues = List.copyOf(primaryValues);
        if (!primaryValues.isEmpty() && primaryValues.size() != primary.estimate().n()) {
            throw new IllegalArgumentException("primaryValues holds " + primaryValues.size() + " values for "
                    + primary.estimate().n() + " replications");
        }
    }

    /** A result without per-replication values (an analytic figure). */
    public WorkloadResult(String workload, int level, Map<String, Double> parameters, long seed, int replications,
                          Metric primary, Estimate normalizedToNative, List<Metric> metrics) {
        this(workload, level, parameters, seed, replications, primary, normalizedToNative, metrics, List.of());
    }
}
