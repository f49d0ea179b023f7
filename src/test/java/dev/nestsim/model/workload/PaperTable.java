package dev.nestsim.model.workload;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints the tables of docs/workloads.md: every application workload on the paper's configurations with default
 * parameters, 10 replications, seed 1. Run from the project root with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.nestsim.model.workload.PaperTable}.
 */
public final class PaperTable {

    private static final List<PaperPaths> COLUMNS = List.of(PaperPaths.L1, PaperPaths.L2_BASELINE, PaperPaths.L2_PASSTHROUGH,
            PaperPaths.L2_DVH_VP, PaperPaths.L2_DVH, PaperPaths.L3_BASELINE, PaperPaths.L3_DVH);

    private PaperTable() {
    }

    public static void main(String[] args) throws Exception {
        int replications = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Workloads catalogue = Workloads.standard(CascadeEngine.reference());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        StringBuilder normalized = new StringBuilder("| workload | native | L1 | L2 base | L2 passthrough | L2 DVH-VP | L2 DVH | L3 base | L3 DVH |\n");
        normalized.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        StringBuilder usage = new StringBuilder("| workload | config | CPUs busy L0 / L1 / L2 / L3 | exits/s L1 / L2 / L3 | leaf halts/s | leaf IPIs/s | leaf doorbells/s |\n");
        usage.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        try {
            for (String workload : PaperEvaluation.WORKLOADS) {
                WorkloadRunner runner = catalogue.runner(workload).orElseThrow();
                Future<WorkloadResult> nativeRun = pool.submit(() -> runner.run(PaperPaths.NATIVE.path(), Map.of(), 1, replications, RunMonitor.NONE));
                WorkloadResult base = nativeRun.get();
                normalized.append("| ").append(workload).append(" | ")
                        .append(String.format("%.4g %s", base.primary().estimate().mean(), base.primary().unit()));
                List<Future<WorkloadResult>> runs = new java.util.ArrayList<>();
                for (PaperPaths config : COLUMNS) {
                    runs.add(pool.submit(() -> runner.run(config.path(), Map.of(), 1, replications, RunMonitor.NONE)));
                }
                for (int i = 0; i < COLUMNS.size(); i++) {
                    WorkloadResult r = runs.get(i).get();
                    normalized.append(String.format(" | %.3f ± %.3f", r.normalizedToNative().mean(), r.normalizedToNative().halfWidth()));
                    PaperPaths config = COLUMNS.get(i);
                    if (config == PaperPaths.L2_BASELINE || config == PaperPaths.L2_DVH || config == PaperPaths.L3_BASELINE) {
                        usage.append(usageRow(workload, config, r));
                    }
                }
                normalized.append(" |\n");
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(normalized);
        System.out.println(usage);
    }

    private static String usageRow(String workload, PaperPaths config, WorkloadResult r) {
        StringBuilder cpus = new StringBuilder();
        StringBuilder exits = new StringBuilder();
        double halts = 0;
        double ipis = 0;
        double kicks = 0;
        for (Metric m : r.metrics()) {
            switch (m.name()) {
                case "cpuUtilization":
                    cpus.append(cpus.length() == 0 ? "" : " / ").append(String.format("%.2f", m.estimate().mean()));
                    break;
                case "exitsPerSecond":
                    if (m.level() > 0) {
                        exits.append(exits.length() == 0 ? "" : " / ").append(String.format("%.3g", m.estimate().mean()));
                    }
                    break;
                case "haltsPerSecond":
                    halts = m.estimate().mean();
                    break;
                case "ipisPerSecond":
                    ipis = m.estimate().mean();
                    break;
                case "kicksPerSecond":
                    kicks = m.estimate().mean();
                    break;
                default:
                    break;
            }
        }
        return String.format("| %s | %s | %s | %s | %.3g | %.3g | %.3g |%n", workload, config, cpus, exits, halts, ipis, kicks);
    }
}
