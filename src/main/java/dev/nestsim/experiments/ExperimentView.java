package dev.nestsim.experiments;

import java.util.List;

/**
 * An experiment as the API shows it: the stored row, its configurations and cells (with their runs' statuses), and its
 * progress.
 *
 * @param experiment     the row
 * @param configurations its configurations, in order
 * @param cells          its cells, in order
 */
public record ExperimentView(ExperimentEntity experiment, List<ExperimentConfiguration> configurations, List<ExperimentCell> cells) {

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

    public long replicationsTotal() {
        return (long) cells.size() * experiment.getReplications();
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
