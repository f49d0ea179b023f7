package dev.nestsim.experiments;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps experiments moving, on every instance: every {@code nestsim.experiments.feed-interval} it advances each QUEUED
 * or RUNNING experiment ({@link ExperimentFeeder#advance}) and cancels runs left QUEUED or RUNNING by an experiment that
 * is FAILED or CANCELLED. Everything it needs is in the database, so after a {@code kill -9} the next start simply
 * carries on: a cell submitted before the crash has its run (which the runs machinery finishes), a cell not submitted is
 * submitted now.
 */
@Component
class ExperimentSupervisor implements SmartLifecycle {

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ExperimentSupervisor.class);

    private final ExperimentLedger ledger;
    private final ExperimentFeeder feeder;
    private final ExperimentsProperties properties;
    private volatile ScheduledExecutorService scheduler;

    ExperimentSupervisor(ExperimentLedger ledger, ExperimentFeeder feeder, ExperimentsProperties properties) {
        this.ledger = ledger;
        this.feeder = feeder;
        this.properties = properties;
    }

    /** One round over the active experiments and the runs of finished ones. */
    void tick() {
        for (UUID id : ledger.active(BATCH)) {
            guarded("advance " + id, () -> feeder.advance(id));
        }
        List<UUID> orphaned = ledger.orphanedRuns(BATCH);
        if (!orphaned.isEmpty()) {
            feeder.cancelRuns(orphaned);
        }
    }

    /** Advances the experiment soon, on this supervisor's thread (a no-op when stopped: the next tick after start does it). */
    void soon(UUID id) {
        submit(() -> guarded("advance " + id, () -> feeder.advance(id)));
    }

    /** Cancels the runs soon, each in a transaction of its own, on this supervisor's thread. */
    void cancelSoon(List<UUID> runs) {
        if (!runs.isEmpty()) {
            submit(() -> guarded("cancel runs", () -> feeder.cancelRuns(runs)));
        }
    }

    private void submit(Runnable task) {
        ScheduledExecutorService current = scheduler;
        if (current == null) {
            return;
        }
        try {
            current.execute(task);
        } catch (RejectedExecutionException stopping) {
            log.debug("experiment supervisor stopping; the next start carries on");
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "experiment-supervisor");
            t.setDaemon(true);
            return t;
        });
        long every = properties.feedInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> guarded("tick", this::tick), every, every, TimeUnit.MILLISECONDS);
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

    private void guarded(String task, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            log.warn("experiment supervisor: {} failed: {}", task, e.toString());
        }
    }
}
