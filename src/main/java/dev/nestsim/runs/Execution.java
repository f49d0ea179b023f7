package dev.nestsim.runs;

import dev.nestsim.model.workload.RunMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One execution of a run on this instance, as the workload sees it ({@link RunMonitor}): progress goes to the
 * run's row at most every {@link #PROGRESS_EVERY} (and renews the lease), and the workload stops at the next
 * replication when the run was cancelled, the instance is shutting down, or the execution lost the run.
 * Called from the workload's thread; the flags are set from others.
 */
final class Execution implements RunMonitor {

    /** Why an execution stops early. */
    enum Stop {
        NONE,
        /** a user cancelled the run */
        CANCELLED,
        /** the instance is shutting down: the run goes back to the queue */
        SHUTDOWN,
        /** another execution took the run over (this one's lease expired): this one may change nothing */
        LOST
    }

    static final Duration PROGRESS_EVERY = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(Execution.class);

    private final Claim claim;
    private final RunLedger ledger;
    private final Clock clock;
    private final Duration lease;
    private volatile boolean cancelRequested;
    private volatile boolean shuttingDown;
    private volatile boolean lost;
    private volatile int done;
    private volatile long events;
    private Instant lastWrite;

    Execution(Claim claim, RunLedger ledger, Clock clock, Duration lease) {
        this.claim = claim;
        this.ledger = ledger;
        this.clock = clock;
        this.lease = lease;
        this.cancelRequested = claim.cancelRequested();
        this.lastWrite = clock.instant();
    }

    Claim claim() {
        return claim;
    }

    @Override
    public void replicationDone(int replicationsDone, int total) {
        this.done = replicationsDone;
        Instant now = clock.instant();
        if (replicationsDone < total && Duration.between(lastWrite, now).compareTo(PROGRESS_EVERY) >= 0) {
            lastWrite = now;
            try {
                if (!ledger.progress(claim, replicationsDone, now.plus(lease), now)) {
                    lost = true;
                }
            } catch (DataAccessException e) {
                log.warn("run {}: progress not recorded ({}); the lease is renewed by the heartbeat", claim.runId(), e.getMessage());
            }
        }
    }

    @Override
    public void eventsSimulated(long simulated) {
        events += simulated;
    }

    @Override
    public boolean cancelled() {
        return cancelRequested || shuttingDown || lost;
    }

    /** Why it should stop, the first reason in the order cancelled, lost, shutdown. */
    Stop stop() {
        if (cancelRequested) {
            return Stop.CANCELLED;
        }
        if (lost) {
            return Stop.LOST;
        }
        return shuttingDown ? Stop.SHUTDOWN : Stop.NONE;
    }

    int replicationsDone() {
        return done;
    }

    /** Discrete events the workload reported simulating so far (0 for an analytic workload). */
    long eventsSimulated() {
        return events;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void shutDown() {
        shuttingDown = true;
    }

    void markLost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }
}
