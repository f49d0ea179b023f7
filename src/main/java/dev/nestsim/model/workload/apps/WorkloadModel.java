package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.results.Outcome;
import java.util.Map;

/**
 * How one application workload is simulated: one replication on a platform, from that replication's random
 * streams. Implementations are immutable; each call builds and drops its own simulation.
 */
public interface WorkloadModel {

    /** Simulates one replication on {@code platform} with validated, defaulted {@code parameters}. */
    Outcome replicate(Platform platform, Map<String, Double> parameters, RandomStreams streams);

    /**
     * The units of work a run of the real benchmark completes (10,000 transactions, 20 M messages), whose time is
     * the primary metric, or 0 when the primary metric is the throughput itself.
     */
    default double totalUnits(Map<String, Double> parameters) {
        return 0;
    }

    /** Whether the workload reports latencies (per transaction, request or operation). */
    default boolean hasLatency() {
        return true;
    }
}
