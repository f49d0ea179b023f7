package dev.nestsim.runs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The executions running on this instance, whichever path started them (the local executor or a JobRunr job):
 * at most {@link RunsProperties#runningLimit()} at once, all reachable for the heartbeat, for a cancellation and
 * for the shutdown. Once {@link #stopAccepting()} is called no new execution starts.
 */
@Component
class LocalExecutions {

    private final Semaphore slots;
    private final int limit;
    private final Map<UUID, Execution> running = new ConcurrentHashMap<>();
    private final RunLedger ledger;
    private final Clock clock;
    private final Duration lease;
    private volatile boolean accepting = true;

    LocalExecutions(RunsProperties properties, RunLedger ledger, Clock clock) {
        this.limit = properties.runningLimit();
        this.slots = new Semaphore(limit, true);
        this.ledger = ledger;
        this.clock = clock;
        this.lease = properties.lease();
    }

    /** Waits for a free slot; false when the instance stopped accepting work meanwhile. */
    boolean acquireSlot() {
        try {
            while (accepting) {
                if (slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    if (accepting) {
                        return true;
                    }
                    slots.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    void releaseSlot() {
        slots.release();
    }

    /** Executions running on this instance now. */
    int executing() {
        return running.size();
    }

    boolean accepting() {
        return accepting;
    }

    Execution register(Claim claim) {
        Execution execution = new Execution(claim, ledger, clock, lease);
        if (!accepting) {
            execution.shutDown();
        }
        running.put(claim.runId(), execution);
        return execution;
    }

    void unregister(Claim claim) {
        running.computeIfPresent(claim.runId(), (id, e) -> e.claim().attempt() == claim.attempt() ? null : e);
    }

    /** The executions running now. */
    List<Execution> running() {
        return List.copyOf(running.values());
    }

    /** Tells the execution of this run, if it runs here, to stop at its next replication. */
    void requestCancel(UUID runId) {
        Execution execution = running.get(runId);
        if (execution != null) {
            execution.requestCancel();
        }
    }

    /** Executions may start (again: a stopped application context may be started again, as the test framework does). */
    void startAccepting() {
        accepting = true;
    }

    /** No new execution starts from now on; running ones go on. */
    void stopAccepting() {
        accepting = false;
    }

    /** Tells every running execution to stop at its next replication and give its run back to the queue. */
    void shutDownAll() {
        running.values().forEach(Execution::shutDown);
    }

    /** Waits until no execution holds a slot, at most {@code timeout}; true when none does. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return idle();
    }

    private boolean idle() {
        return running.isEmpty() && slots.availablePermits() == limit;
    }
}
