package dev.nestsim.model.workload;

/**
 * One replication's raw figures.
 *
 * @param seconds      the measurement window in simulated seconds (after warm-up)
 * @param units        units of work completed in the window (transactions, requests, operations, bytes, messages)
 * @param latenciesUs  latencies of the units completed in the window, sorted, in microseconds (may be empty)
 * @param usage        CPU, exits and counters per second over the window
 * @param clientCpus   CPUs of the client machine kept busy over the window
 * @param busiestCpu   index k: the busy fraction of the busiest CPU of level k over the window, {@code NaN} where
 *                     level k has no CPU of its own in the simulation
 * @param events       simulation events executed, warm-up included
 * @param truncated    true when the run hit its event budget before its simulated time was up
 */
record Outcome(double seconds, double units, double[] latenciesUs, Usage usage, double clientCpus, double[] busiestCpu, long events,
               boolean truncated) {

    /** Units per second. */
    double rate() {
        return seconds > 0 ? units / seconds : 0;
    }

    double latencyMean() {
        double sum = 0;
        for (double l : latenciesUs) {
            sum += l;
        }
        return latenciesUs.length == 0 ? 0 : sum / latenciesUs.length;
    }

    /** The {@code q}-quantile of the latencies (nearest rank), 0 when there are none. */
    double latencyQuantile(double q) {
        if (latenciesUs.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * latenciesUs.length);
        return latenciesUs[Math.max(0, Math.min(latenciesUs.length - 1, rank - 1))];
    }
}
