package dev.nestsim.experiments.report;

import dev.nestsim.experiments.ExperimentCell;
import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.experiments.ExperimentResults.CellResult;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.runs.RunMetricEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The numbers behind an experiment's charts, taken from its stored results: each dataset keeps the experiment's order of
 * configurations and workloads. Cells without a result (waiting, running, failed, cancelled) are left out and counted.
 *
 * @param normalized            per application workload (column) and configuration (row): normalizedToNative's mean, with
 *                              its 95% half-width as the "standard deviation" the error bar is drawn from
 * @param microbenchmarkCycles  per microbenchmark (column) and configuration (row): cycles per operation (exact)
 * @param cpuPerLevel           per application cell ({@code workload · configuration}, column) and level ({@code L0}, row):
 *                              cpuUtilization in CPUs busy
 * @param exitProfiles          per workload, in the experiment's order, its exit profile
 * @param cellsDone             cells with a result
 * @param missing               the cells without one, as {@code configuration / workload (STATUS)}
 */
record Figures(DefaultStatisticalCategoryDataset normalized, DefaultCategoryDataset microbenchmarkCycles,
               DefaultCategoryDataset cpuPerLevel, List<ExitProfile> exitProfiles, int cellsDone, List<String> missing) {

    /**
     * One workload's exit profile: per configuration and level ({@code L2 baseline · L1}, column) and exit reason (row),
     * the exits that level saw per operation ({@code exitsByReasonPerOperation}).
     *
     * @param chart    the chart's name ({@code exit-profile-memcached})
     * @param workload the workload's label
     * @param unit     the unit of the values ({@code exits/request})
     * @param exits    the values
     */
    record ExitProfile(String chart, String workload, String unit, DefaultCategoryDataset exits) {
    }

    static final String SEPARATOR = " · ";

    int cellsTotal() {
        return cellsDone + missing.size();
    }

    boolean partial() {
        return !missing.isEmpty();
    }

    /** The figures of an experiment's results. */
    static Figures of(ExperimentResults.Results results) {
        Map<Integer, String> workloads = workloadLabels(results);
        var normalized = new DefaultStatisticalCategoryDataset();
        var cycles = new DefaultCategoryDataset();
        var cpu = new DefaultCategoryDataset();
        Map<Integer, ExitProfile> profiles = new TreeMap<>();
        for (CellResult c : results.cells()) {
            int w = c.cell().workloadPosition();
            profiles.computeIfAbsent(w, k -> new ExitProfile(chartName(workloads.get(k)), workloads.get(k), "exits/operation",
                    new DefaultCategoryDataset()));
        }
        seed(results, workloads, normalized, cycles);
        int done = 0;
        List<String> missing = new ArrayList<>();
        for (CellResult c : ordered(results)) {
            ExperimentCell cell = c.cell();
            String workload = workloads.get(cell.workloadPosition());
            String configuration = c.configuration().name();
            if (c.result() == null) {
                missing.add(configuration + " / " + workload + " (" + (cell.runStatus() == null ? "WAITING" : cell.runStatus()) + ")");
                continue;
            }
            done++;
            if (results.experiment().analytic().test(cell.workload())) {
                cycles.addValue(c.result().result().getPrimary().estimate().mean(), configuration, workload);
            } else {
                Estimate n = c.result().result().getNormalizedToNative();
                if (n != null) {
                    normalized.add(n.mean(), n.halfWidth(), configuration, workload);
                }
                for (RunMetricEntity m : c.result().metrics()) {
                    if (m.getName().equals("cpuUtilization") && m.getLevel() != null) {
                        cpu.addValue(m.getMean(), "L" + m.getLevel(), workload + SEPARATOR + configuration);
                    }
                }
            }
            profiles.put(cell.workloadPosition(), withExits(profiles.get(cell.workloadPosition()), configuration, c.result().metrics()));
        }
        return new Figures(normalized, cycles, cpu, List.copyOf(profiles.values()), done, missing);
    }

    /**
     * Every configuration (row) and workload (column) in the experiment's order, without a value yet, so that each chart lists
     * them in that order and a configuration has the same colour in every chart, whichever cells it has results for.
     */
    private static void seed(ExperimentResults.Results results, Map<Integer, String> workloads, DefaultStatisticalCategoryDataset normalized,
                             DefaultCategoryDataset cycles) {
        Map<Integer, Boolean> analytic = new TreeMap<>();
        results.cells().forEach(c -> analytic.put(c.cell().workloadPosition(), results.experiment().analytic().test(c.cell().workload())));
        for (var configuration : results.experiment().configurations()) {
            for (Map.Entry<Integer, Boolean> w : analytic.entrySet()) {
                if (w.getValue()) {
                    cycles.addValue(null, configuration.name(), workloads.get(w.getKey()));
                } else {
                    normalized.add(null, null, configuration.name(), workloads.get(w.getKey()));
                }
            }
        }
    }

    /** The cells by workload, then configuration: the order the charts' categories take. */
    private static List<CellResult> ordered(ExperimentResults.Results results) {
        List<CellResult> cells = new ArrayList<>(results.cells());
        cells.sort((a, b) -> a.cell().workloadPosition() != b.cell().workloadPosition()
                ? Integer.compare(a.cell().workloadPosition(), b.cell().workloadPosition())
                : Integer.compare(a.cell().configuration(), b.cell().configuration()));
        return cells;
    }

    private static ExitProfile withExits(ExitProfile profile, String configuration, List<RunMetricEntity> metrics) {
        String unit = profile.unit();
        for (RunMetricEntity m : metrics) {
            if (m.getName().equals("exitsByReasonPerOperation") && m.getLevel() != null && m.getReason() != null) {
                profile.exits().addValue(m.getMean(), m.getReason(), configuration + SEPARATOR + "L" + m.getLevel());
                unit = m.getUnit();
            }
        }
        return new ExitProfile(profile.chart(), profile.workload(), unit, profile.exits());
    }

    /** Each workload position's label: its name, with {@code (2)}, {@code (3)} ... for a name the experiment runs again. */
    static Map<Integer, String> workloadLabels(ExperimentResults.Results results) {
        Map<Integer, String> names = new TreeMap<>();
        for (CellResult c : results.cells()) {
            names.put(c.cell().workloadPosition(), c.cell().workload());
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            int k = seen.merge(e.getValue(), 1, Integer::sum);
            labels.put(e.getKey(), k == 1 ? e.getValue() : e.getValue() + " (" + k + ")");
        }
        return labels;
    }

    /** {@code exit-profile-} and the label in lower case, every run of other characters than a-z and 0-9 one dash. */
    static String chartName(String workloadLabel) {
        String slug = workloadLabel.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "exit-profile-" + slug;
    }
}
