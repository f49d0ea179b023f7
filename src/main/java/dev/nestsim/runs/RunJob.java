package dev.nestsim.runs;

import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/**
 * The JobRunr job of a run: the durable, at-least-once trigger that any instance's background job server
 * may pick up. It carries only the run's id; {@link RunExecution} makes running it twice, or after the
 * local executor already finished the run, a no-op.
 */
@Component
public class RunJob {

    private final RunExecution execution;
    private final LocalExecutions executions;

    RunJob(RunExecution execution, LocalExecutions executions) {
        this.execution = execution;
        this.executions = executions;
    }

    /**
     * Executes the run if it still needs an execution. JobRunr retries the job when the service itself failed, or when
     * this instance is shutting down and takes no new work (the job then fails so that a retry, here after a restart
     * or on another instance, executes the run).
     */
    @Job(name = "simulation run %0", retries = 3)
    public void execute(UUID runId) {
        if (!executions.accepting()) {
            throw new IllegalStateException("this instance is shutting down and takes no new run; JobRunr retries run " + runId);
        }
        execution.run(runId, Via.JOBRUNR);
    }
}
