package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.experiments.ExperimentsProperties;
import dev.nestsim.security.Tenancy;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Keeps advice moving, on every instance: every {@code nestsim.experiments.feed-interval} it advances each QUEUED or RUNNING
 * advice ({@link AdviceEngine#advance}). Everything it needs is in the database, so after a {@code kill -9} the next start
 * carries on where the last commit left it. {@code nestsim.advice.search=false} leaves an instance out (it still accepts and
 * serves advice; an instance without it searches).
 */
@Component
@ConditionalOnProperty(name = "nestsim.advice.search", havingValue = "true", matchIfMissing = true)
class AdviceSupervisor implements SmartLifecycle {

    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(AdviceSupervisor.class);

    private final AdviceRepository advice;
    private final AdviceEngine engine;
    private final ExperimentsProperties properties;
    private final Tenancy tenancy;
    private volatile ScheduledExecutorService scheduler;

    AdviceSupervisor(AdviceRepository advice, AdviceEngine engine, AdviceService service, ExperimentsProperties properties, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.advice = advice;
        this.engine = engine;
        this.properties = properties;
        service.onCreate(this::soon);
    }

    void tick() {
        for (UUID id : advice.idsIn(ExperimentStatus.active(), PageRequest.of(0, BATCH))) {
            guarded(id);
        }
    }

    private void soon() {
        ScheduledExecutorService current = scheduler;
        if (current == null) {
            return;
        }
        try {
            current.execute(this::tick);
        } catch (RejectedExecutionException stopping) {
            log.debug("advice supervisor stopping; the next start carries on");
        }
    }

    /** Advances one advice as its own tenant: its stages' experiments, and what they provision, are that tenant's. */
    private void guarded(UUID id) {
        try {
            advice.findById(id).map(AdviceEntity::getTenant).ifPresent(tenant -> tenancy.actingFor(tenant, () -> engine.advance(id)));
        } catch (RuntimeException e) {
            log.warn("advice supervisor: advance {} failed: {}", id, e.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "advice-supervisor");
            t.setDaemon(true);
            return t;
        });
        long every = properties.feedInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("advice supervisor: tick failed: {}", e.toString());
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
