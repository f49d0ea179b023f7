package dev.nestsim.runs;

import java.util.List;

/**
 * A SUCCEEDED run's result as stored: the run, its result row and its metric rows in order.
 *
 * @param run     the run
 * @param result  its result
 * @param metrics its metrics, in the order the workload reported them
 */
public record RunResult(RunEntity run, RunResultEntity result, List<RunMetricEntity> metrics) {

    public RunResult {
        metrics = List.copyOf(metrics);
    }
}
