package dev.nestsim.model.workload;

import java.util.Objects;

/**
 * One reported metric of a workload run.
 *
 * @param name     stable name, for example {@code throughput}, {@code latencyP99}, {@code cpuUtilization}, {@code exitsPerSecond}
 * @param unit     its unit, for example {@code transactions/s}, {@code us}, {@code fraction}, {@code cycles}
 * @param level    the level it belongs to (0 for L0, k for Lk), or {@code null} for the whole run
 * @param estimate mean and 95% confidence half-width over the replications
 */
public record Metric(String name, String unit, Integer level, Estimate estimate) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(estimate, "estimate");
    }
}
