package dev.nestsim.model.workload;

/** Analytic microbenchmarks and simulated application workloads. */
public enum WorkloadKind {
    MICROBENCHMARK,
    APPLICATION
}
