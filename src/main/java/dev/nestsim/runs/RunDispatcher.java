package dev.nestsim.runs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a run that needs an execution to both executors: this instance's {@link LocalRunExecutor} (at once)
 * and a JobRunr job (durable, any instance). The job's id is the run's id for the first attempt and a name
 * derived from the run and the attempt after that, so asking twice for the same attempt enqueues one job
 * (JobRunr skips a job whose id exists), while a re-execution after a crash gets a job of its own.
 */
@Component
class RunDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

    private final JobScheduler jobs;
    private final LocalRunExecutor local;

    RunDispatcher(JobScheduler jobs, LocalRunExecutor local) {
        this.jobs = jobs;
        this.local = local;
    }

    /** Dispatches attempt {@code attempt} of the run; call it only after the run's row is committed. */
    void dispatch(UUID runId, int attempt) {
        local.offer(runId);
        try {
            jobs.<RunJob>enqueue(jobIdOf(runId, attempt), job -> job.execute(runId));
        } catch (RuntimeException e) {
            log.warn("run {}: JobRunr job not enqueued ({}); the sweep dispatches the run again", runId, e.getMessage());
        }
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
