package dev.nestsim.model.workload;

import java.util.Objects;

/**
 * One reported metric of a workload run.
 *
 * @param name     stable name, for example {@code throughput}, {@code latencyP99}, {@code cpuUtilization}, {@code exitsPerSecond}
 * @param unit     its unit, for example {@code transactions/s}, {@code us}, {@code fraction}, {@code cycles}
 * @param level    the level it belongs to (0 for L0, k for Lk), or {@code null} for the whole run
 * @param reason   the exit reason of an exit-profile metric (a {@code dev.nestsim.model.exits.ExitReason} name, as
 *                 {@code perf kvm stat} names it), {@code null} for every other metric
 * @param estimate mean and 95% confidence half-width over the replications
 */
public record Metric(String name, String unit, Integer level, String reason, Estimate estimate) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(estimate, "estimate");
    }

    /** A metric that is not one of the exit profile's. */
    public Metric(String name, String unit, Integer level, Estimate estimate) {
        this(name, unit, level, null, estimate);
    }
}
