package dev.nestsim.runs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands a run that needs an execution to both executors: this instance's {@link LocalRunExecutor} (at once)
 * and a JobRunr job (durable, any instance). The job's id is the run's id for the first attempt and a name
 * derived from the run and the attempt after that, so asking twice for the same attempt enqueues one job
 * (JobRunr skips a job whose id exists), while a re-execution after a crash gets a job of its own.
 *
 * <p>The job is enqueued by one background thread, not by the request that submitted the run, so a submission
 * answers without waiting for JobRunr's insert. A job that is never enqueued (the process died first, or the
 * bounded backlog was full) is no loss: the run is committed QUEUED, and the sweep dispatches it again.
 */
@Component
class RunDispatcher implements DisposableBean {

    private static final int BACKLOG = 10_000;
    private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

    private final JobScheduler jobs;
    private final LocalRunExecutor local;
    private final ThreadPoolExecutor enqueuer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(BACKLOG), r -> {
        Thread t = new Thread(r, "run-jobrunr-enqueue");
        t.setDaemon(true);
        return t;
    }, new ThreadPoolExecutor.DiscardPolicy());

    RunDispatcher(JobScheduler jobs, LocalRunExecutor local) {
        this.jobs = jobs;
        this.local = local;
    }

    /** Dispatches attempt {@code attempt} of the run; call it only after the run's row is committed. */
    void dispatch(UUID runId, int attempt) {
        local.offer(runId);
        enqueuer.execute(() -> enqueue(runId, attempt));
    }

    private void enqueue(UUID runId, int attempt) {
        try {
            jobs.<RunJob>enqueue(jobIdOf(runId, attempt), job -> job.execute(runId));
        } catch (RuntimeException e) {
            log.warn("run {}: JobRunr job not enqueued ({}); the sweep dispatches the run again", runId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        enqueuer.shutdownNow();
    }

    /** Whether this instance's executor holds the run already. */
    boolean pendingHere(UUID runId) {
        return local.isPending(runId);
    }

    /** The JobRunr job id of an attempt: the run's id for the first, a name-based UUID of run and attempt after. */
    static UUID jobIdOf(UUID runId, int attempt) {
        return attempt <= 1 ? runId : UUID.nameUUIDFromBytes((runId + "#attempt-" + attempt).getBytes(StandardCharsets.UTF_8));
    }
}
