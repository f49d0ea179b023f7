package dev.nestsim.model.workload;

/** Thrown by a runner when its monitor reports cancellation between replications. */
public final class CancelledException extends RuntimeException {

    private final int replicationsDone;

    public CancelledException(int replicationsDone) {
        super("cancelled after " + replicationsDone + " replications");
        this.replicationsDone = replicationsDone;
    }

    public int replicationsDone() {
        return replicationsDone;
    }
}
