package dev.nestsim.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps runs moving, on every instance:
 * <ul>
 *   <li>the heartbeat renews the lease of every run executing here (every fifth of the lease), and passes on
 *       cancellations asked for through another instance;</li>
 *   <li>the sweep, at start and every {@code nestsim.runs.sweep-interval}, dispatches runs that need an execution:
 *       QUEUED for longer than {@code queued-grace} (a job lost in a crash between commit and enqueue, a run
 *       released at shutdown, a backlog on another instance) and RUNNING ones whose lease expired (their
 *       executor died). After a {@code kill -9} this is what finishes every run.</li>
 * </ul>
 */
@Component
class RunSupervisor implements SmartLifecycle {

    private static final int SWEEP_BATCH = 200;
    /** The first sweep, soon after start, once the local executor (a later lifecycle phase) has started too. */
    private static final Duration FIRST_SWEEP = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(RunSupervisor.class);

    private final RunLedger ledger;
    private final LocalExecutions executions;
    private final RunDispatcher dispatcher;
    private final RunsProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    RunSupervisor(RunLedger ledger, LocalExecutions executions, RunDispatcher dispatcher, RunsProperties properties, Clock clock) {
        this.ledger = ledger;
        this.executions = executions;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Renews the leases of the runs executing here and passes on their cancellations. */
    void heartbeat() {
        List<Execution> running = executions.running();
        if (running.isEmpty()) {
            return;
        }
        Instant leaseUntil = clock.instant().plus(properties.lease());
        for (Execution execution : running) {
            if (!ledger.renew(execution.claim(), leaseUntil)) {
                execution.markLost();
            }
        }
        List<UUID> cancelled = ledger.cancelRequestedAmong(running.stream().map(e -> e.claim().runId()).toList());
        cancelled.forEach(executions::requestCancel);
    }

    /** Dispatches the runs that need an execution and are not already waiting here; returns how many. */
    int sweep() {
        Instant now = clock.instant();
        int dispatched = 0;
        for (RunLedger.Dispatchable run : ledger.dispatchable(now, now.minus(properties.queuedGrace()), SWEEP_BATCH)) {
            if (!dispatcher.pendingHere(run.id())) {
                dispatcher.dispatch(run.id(), run.attempts() + 1);
                dispatched++;
            }
        }
        if (dispatched > 0) {
            log.info("sweep: dispatched {} runs that were waiting for an execution", dispatched);
        }
        return dispatched;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-supervisor");
            t.setDaemon(true);
            return t;
        });
        long beat = heartbeatOf(properties.lease()).toMillis();
        scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("sweep", this::sweep), FIRST_SWEEP.toMillis(), properties.sweepInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stops after the executor, so leases are renewed while runs finish during the shutdown grace. */
    @Override
    public int getPhase() {
        return LocalRunExecutor.PHASE - 1;
    }

    private void guarded(String task, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            log.warn("run {} failed: {}", task, e.toString());
        }
    }

    /** A fifth of the lease, at least 200 ms. */
    static Duration heartbeatOf(Duration lease) {
        return Duration.ofMillis(Math.max(200, lease.toMillis() / 5));
    }
}
