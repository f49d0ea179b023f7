package dev.nestsim.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The fast path: runs submitted to this instance (and runs a sweep found waiting) are executed here at once, on
 * a bounded pool, instead of waiting for JobRunr's next poll (JobRunr polls a SQL database every 5 s at the
 * most). It holds only run ids; the runs table stays the truth, so whatever this queue holds when the process
 * dies is still QUEUED in the database and is found by the next sweep, here or on another instance.
 *
 * <p>At shutdown (SIGTERM) it stops taking work, lets running runs finish for {@code nestsim.runs.shutdown-grace},
 * then tells the rest to stop at their next replication and put their runs back in the queue.
 */
@Component
class LocalRunExecutor implements SmartLifecycle {

    /** Stops after the web server has stopped taking requests, before the database pool closes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LocalRunExecutor.class);

    private final RunExecution execution;
    private final LocalExecutions executions;
    private final RunsProperties properties;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor pool;

    LocalRunExecutor(RunExecution execution, LocalExecutions executions, RunsProperties properties) {
        this.execution = execution;
        this.executions = executions;
        this.properties = properties;
    }

    /** Queues the run for execution here, unless it is queued here already or the queue is full; true when queued. */
    boolean offer(UUID runId) {
        ThreadPoolExecutor current = pool;
        if (current == null || !executions.accepting() || !pending.add(runId)) {
            return false;
        }
        try {
            current.execute(() -> {
                try {
                    execution.run(runId, Via.LOCAL);
                } catch (RuntimeException e) {
                    log.debug("run {}: local execution ended with {}", runId, e.toString());
                } finally {
                    pending.remove(runId);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            pending.remove(runId);
            return false;
        }
    }

    /** Whether the run waits or runs in this instance's executor. */
    boolean isPending(UUID runId) {
        return pending.contains(runId);
    }

    @Override
    public void start() {
        int threads = properties.runningLimit();
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(2 * properties.maxQueued() + threads),
                r -> {
                    Thread t = new Thread(r, "run-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executions.startAccepting();
        log.info("runs execute here {} at a time", threads);
    }

    @Override
    public void stop() {
        ThreadPoolExecutor current = pool;
        if (current == null) {
            return;
        }
        executions.stopAccepting();
        List<Runnable> waiting = new ArrayList<>();
        current.getQueue().drainTo(waiting);
        current.shutdown();
        try {
            if (!executions.awaitIdle(properties.shutdownGrace())) {
                log.info("shutting down: runs still running after {} are put back in the queue", properties.shutdownGrace());
                executions.shutDownAll();
                if (!executions.awaitIdle(RELEASE_TIMEOUT)) {
                    log.warn("shutting down: some runs did not stop within {}; they are taken again when their lease expires", RELEASE_TIMEOUT);
                }
            }
            current.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool = null;
        log.info("run executor stopped ({} queued runs left to the next instance)", waiting.size());
    }

    @Override
    public boolean isRunning() {
        return pool != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
