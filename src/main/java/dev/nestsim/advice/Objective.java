package dev.nestsim.advice;

/** What the advisor optimizes; the names are the API's. */
public enum Objective {
    /** The highest performance relative to native (normalizedToNative mean). */
    maxNormalizedToNative,
    /** The fewest server cycles per operation relative to native (cyclesPerOperationVsNative). */
    minCpuPerOperation,
    /** The lowest 99th-percentile latency (the workload's latencyP99; workloads without latency fall back to normalizedToNative). */
    minLatencyP99
}
