package dev.nestsim.experiments;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.runs.ResultService;
import dev.nestsim.runs.RunResult;
import dev.nestsim.runs.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an experiment's cells measured so far: each cell with its run's stored result once that run SUCCEEDED. */
@Service
@Transactional(readOnly = true)
public class ExperimentResults {

    private final ExperimentService experiments;
    private final ResultService results;
    private final Workloads workloads;

    ExperimentResults(ExperimentService experiments, ResultService results, Workloads workloads) {
        this.experiments = experiments;
        this.results = results;
        this.workloads = workloads;
    }

    /**
     * A cell and its result.
     *
     * @param cell          the cell
     * @param configuration its configuration
     * @param result        its run's result, or {@code null} until that run SUCCEEDED
     */
    public record CellResult(ExperimentCell cell, ExperimentConfiguration configuration, RunResult result) {
    }

    /**
     * An experiment's results.
     *
     * @param experiment the experiment
     * @param cells      every cell, in order
     */
    public record Results(ExperimentView experiment, List<CellResult> cells) {

        public Results {
            cells = List.copyOf(cells);
        }
    }

    /** Every cell with its result where its run SUCCEEDED (404 for an unknown experiment). */
    public Results of(UUID experimentId) {
        return of(experiments.get(experimentId));
    }

    /** Every cell of this view of an experiment with its result where its run SUCCEEDED. */
    public Results of(ExperimentView view) {
        List<CellResult> cells = new ArrayList<>();
        for (ExperimentCell cell : view.cells()) {
            RunResult result = cell.runStatus() == RunStatus.SUCCEEDED ? results.result(cell.runId()) : null;
            cells.add(new CellResult(cell, view.configuration(cell.configuration()), result));
        }
        return new Results(view, cells);
    }

    /**
     * One workload compared on two configurations.
     *
     * @param workload       the workload
     * @param higherIsBetter whether more of its primary metric is better (throughput) or less (cycles, completion time)
     * @param baseline       the baseline's cell
     * @param against        the other configuration's cell
     * @param speedup        the performance of {@code against} relative to {@code baseline} (above 1: faster), from the primary
     *                       metric, with its interval; {@code null} until both cells SUCCEEDED
     */
    public record Row(String workload, boolean higherIsBetter, CellResult baseline, CellResult against, RatioInterval speedup) {
    }

    /**
     * Two configurations of an experiment, workload by workload.
     *
     * @param experiment          the experiment
     * @param baseline            the baseline configuration's name
     * @param against             the other configuration's name
     * @param commonRandomNumbers whether the two cells of each row share their random numbers (same seed and replications:
     *                            always within one experiment)
     * @param rows                one per workload that both configurations run, in the experiment's order
     */
    public record Comparison(ExperimentView experiment, String baseline, String against, boolean commonRandomNumbers, List<Row> rows) {

        public Comparison {
            rows = List.copyOf(rows);
        }
    }

    /** Compares two configurations of the experiment by name; 400 naming {@code baseline} and {@code against} when either is not one of its own. */
    public Comparison compare(UUID experimentId, String baseline, String against) {
        Results all = of(experimentId);
        List<String> names = all.experiment().configurations().stream().map(ExperimentConfiguration::name).toList();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Integer> b = configuration(names, "baseline", baseline, problems);
        Optional<Integer> a = configuration(names, "against", against, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(Problems.summary(problems), problems);
        }
        Map<Integer, CellResult> baselineCells = new TreeMap<>();
        Map<Integer, CellResult> againstCells = new TreeMap<>();
        for (CellResult c : all.cells()) {
            if (c.cell().configuration() == b.get()) {
                baselineCells.put(c.cell().workloadPosition(), c);
            }
            if (c.cell().configuration() == a.get()) {
                againstCells.put(c.cell().workloadPosition(), c);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, CellResult> e : baselineCells.entrySet()) {
            CellResult other = againstCells.get(e.getKey());
            if (other != null) {
                rows.add(row(e.getValue(), other));
            }
        }
        return new Comparison(all.experiment(), baseline, against, true, rows);
    }

    private Row row(CellResult baseline, CellResult against) {
        String workload = baseline.cell().workload();
        Optional<WorkloadDescriptor> d = workloads.runner(workload).map(r -> r.descriptor());
        boolean higherIsBetter = d.map(WorkloadDescriptor::higherIsBetter).orElse(true);
        boolean analytic = d.map(x -> x.kind() == WorkloadKind.MICROBENCHMARK).orElse(false);
        if (baseline.result() == null || against.result() == null) {
            return new Row(workload, higherIsBetter, baseline, against, null);
        }
        var rb = baseline.result().result();
        var ra = against.result().result();
        Estimate mb = rb.getPrimary().estimate();
        Estimate ma = ra.getPrimary().estimate();
        List<Double> vb = rb.getPrimaryValues();
        List<Double> va = ra.getPrimaryValues();
        RatioInterval speedup;
        if (!analytic && vb.size() >= 2 && vb.size() == va.size() && rb.getSeed() == ra.getSeed()) {
            speedup = higherIsBetter ? RatioInterval.paired(va, vb, ma.confidence()) : RatioInterval.paired(vb, va, mb.confidence());
        } else {
            speedup = higherIsBetter ? RatioInterval.of(ma, mb, analytic) : RatioInterval.of(mb, ma, analytic);
        }
        return new Row(workload, higherIsBetter, baseline, against, speedup);
    }

    private static Optional<Integer> configuration(List<String> names, String field, String given, List<FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            problems.add(FieldProblem.of(field, "not-blank", field + " must name a configuration of the experiment: one of " + names));
            return Optional.empty();
        }
        int i = names.indexOf(given);
        if (i < 0) {
            problems.add(FieldProblem.of(field, "known-configuration", field + " must be one of " + names + ", was " + Echo.quoted(given)));
            return Optional.empty();
        }
        return Optional.of(i);
    }
}
