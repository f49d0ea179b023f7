package dev.nestsim.model.workload;

import dev.nestsim.model.topology.Path;
import java.util.Map;

/** Runs one workload on a path. Implementations are immutable and safe to share between threads. */
public interface WorkloadRunner {

    WorkloadDescriptor descriptor();

    /**
     * Runs {@code replications} independent replications on {@code path} (its leaf, or natively when the path
     * is the bare host), seeded by {@code seed}. The same arguments give an equal result, whatever ran before
     * in the JVM and on whichever thread. Reports progress and checks cancellation between replications.
     *
     * @param parameters validated values for the descriptor's parameters; missing ones take their defaults
     * @throws CancelledException when the monitor reports cancellation
     */
    WorkloadResult run(Path path, Map<String, Double> parameters, long seed, int replications, RunMonitor monitor);
}
