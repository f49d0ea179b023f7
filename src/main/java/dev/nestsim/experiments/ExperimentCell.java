package dev.nestsim.experiments;

import dev.nestsim.runs.RunStatus;
import java.util.UUID;

/**
 * A (configuration, workload) cell and, once submitted, its run as the runs table has it now.
 *
 * @param position         its place in submission order, from 0
 * @param configuration    the position of its configuration
 * @param workloadPosition the position of its workload in the experiment's list
 * @param workload         the workload
 * @param parameters       the parameters as given, a JSON object
 * @param runId            its run, or {@code null} before it is submitted
 * @param runStatus        its run's status, or {@code null}
 * @param runProblem       why its run FAILED, or {@code null}
 * @param replicationsDone its run's replications done (0 before it is submitted)
 * @param replications     its run's replications (an analytic microbenchmark's run records one, whatever the
 *                         experiment asks), or {@code -1} before it is submitted
 */
public record ExperimentCell(int position, int configuration, int workloadPosition, String workload, String parameters, UUID runId,
                             RunStatus runStatus, String runProblem, int replicationsDone, int replications) {

    public boolean submitted() {
        return runId != null;
    }

    /** Its run is QUEUED or RUNNING. */
    public boolean active() {
        return runStatus != null && RunStatus.active().contains(runStatus);
    }
}
