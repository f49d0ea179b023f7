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

    RunJob(RunExecution execution) {
        this.execution = execution;
    }

    /** Executes the run if it still needs an execution; JobRunr retries it when the service itself failed. */
    @Job(name = "simulation run %0", retries = 3)
    public void execute(UUID runId) {
        execution.run(runId, Via.JOBRUNR);
    }
}
