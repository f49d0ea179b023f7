package dev.nestsim.experiments;

import java.util.List;
import java.util.function.Predicate;

/**
 * An experiment as the API shows it: the stored row, its configurations and cells (with their runs' statuses), and its
 * progress.
 *
 * @param experiment     the row
 * @param configurations its configurations, in order
 * @param cells          its cells, in order
 * @param analytic       whether a workload is evaluated once per run (a microbenchmark), for the cells not yet submitted
 */
public record ExperimentView(ExperimentEntity experiment, List<ExperimentConfiguration> configurations, List<ExperimentCell> cells,
                             Predicate<String> analytic) {

    public ExperimentView {
        configurations = List.copyOf(configurations);
        cells = List.copyOf(cells);
    }

    /** Cells whose run SUCCEEDED. */
    public int cellsDone() {
        return (int) cells.stream().filter(c -> c.runStatus() == dev.nestsim.runs.RunStatus.SUCCEEDED).count();
    }

    /** Replications done over every cell (a SUCCEEDED cell counts all of its). */
    public long replicationsDone() {
        return cells.stream().mapToLong(ExperimentCell::replicationsDone).sum();
    }

    /** Replications over every cell: each submitted cell's run's own, and what each other cell's run will record. */
    public long replicationsTotal() {
        long total = 0;
        for (ExperimentCell c : cells) {
            total += c.replications() >= 0 ? c.replications() : analytic.test(c.workload()) ? 1 : experiment.getReplications();
        }
        return total;
    }

    public ExperimentConfiguration configuration(int position) {
        return configurations.get(position);
    }

    /** The cell that made it FAILED, or {@code null}. */
    public ExperimentCell failedCell() {
        Integer failed = experiment.getFailedCell();
        return failed == null ? null : cells.get(failed);
    }
}
