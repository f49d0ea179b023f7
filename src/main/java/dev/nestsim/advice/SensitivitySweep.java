package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Re-triggers a QUEUED or RUNNING analysis that nothing has advanced for {@code nestsim.sensitivity.stale-after} (default 5
 * minutes): its job was never enqueued (the process died between the commit and the enqueue) or ran out of retries. The new job
 * carries on from the last stored point; a job that is still alive elsewhere only costs a second computation of the same points.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "nestsim.sensitivity.compute", havingValue = "true",
        matchIfMissing = true)
class SensitivitySweep implements SmartLifecycle {

    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(SensitivitySweep.class);

    private final SensitivityRepository analyses;
    private final SensitivityService service;
    private final Clock clock;
    private final Duration staleAfter;
    private volatile ScheduledExecutorService scheduler;

    SensitivitySweep(SensitivityRepository analyses, SensitivityService service, Clock clock,
                     @Value("${nestsim.sensitivity.stale-after:5m}") Duration staleAfter) {
        this.analyses = analyses;
        this.service = service;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    void sweep() {
        Instant before = Instant.now(clock).minus(staleAfter);
        for (UUID id : analyses.staleIn(ExperimentStatus.active(), before, PageRequest.of(0, BATCH))) {
            analyses.findById(id).ifPresent(s -> {
                log.info("sensitivity {}: nothing advanced it for {}; enqueueing it again (attempt {})", id, staleAfter, s.getAttempts() + 1);
                service.enqueue(id, s.getAttempts() + 1);
            });
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sensitivity-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, Math.min(60_000, staleAfter.toMillis() / 2));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("sensitivity sweep failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
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
}
