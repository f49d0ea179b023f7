package dev.nestsim.model.workload.results;

/**
 * One replication's raw figures.
 *
 * @param seconds      the measurement window in simulated seconds (after warm-up)
 * @param units        units of work completed in the window (transactions, requests, operations, bytes, messages)
 * @param latency      the latencies of the units completed in the window, summarised ({@link LatencySummary#NONE} for none)
 * @param usage        CPU, exits and counters per second over the window
 * @param clientCpus   CPUs of the client machine kept busy over the window
 * @param busiestCpu   index k: the busy fraction of the busiest CPU of level k over the window, {@code NaN} where
 *                     level k has no CPU of its own in the simulation
 * @param events       simulation events executed, warm-up included
 * @param truncated    true when the run hit its event budget before its simulated time was up
 */
public record Outcome(double seconds, double units, LatencySummary latency, Usage usage, double clientCpus, double[] busiestCpu,
               long events, boolean truncated) {

    /** Units per second. */
    public double rate() {
        return seconds > 0 ? units / seconds : 0;
    }

    public double latencyMean() {
        return latency.meanUs();
    }

    /** Whether any latency was measured. */
    public boolean hasLatencies() {
        return latency.count() > 0;
    }
}
