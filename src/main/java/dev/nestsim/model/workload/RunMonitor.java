package dev.nestsim.model.workload;

/**
 * How a running workload reports progress and learns it was cancelled. Called between replications;
 * implementations must be cheap and thread-safe.
 */
public interface RunMonitor {

    /** A monitor that ignores progress and is never cancelled. */
    RunMonitor NONE = new RunMonitor() {
        @Override
        public void replicationDone(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} replications are finished. */
    void replicationDone(int done, int total);

    /** True when the run should stop at the next replication boundary. */
    boolean cancelled();

    /**
     * A replication simulated {@code events} discrete events (its warm-up included); called after {@link #replicationDone}
     * by the simulated workloads, never by the analytic ones. Observability only: nothing a monitor does here changes a
     * result. Does nothing by default.
     */
    default void eventsSimulated(long events) {
    }
}
