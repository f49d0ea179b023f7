package dev.nestsim.model.workload;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints the exit-profile tables of docs/workloads.md section 3: for each of netperf TCP_RR, Apache and Memcached on the
 * paper's configurations (default parameters, 2 replications, seed 1), per level, the exits that level saw by reason per
 * unit of work and its cycles on them, as {@code perf kvm stat} would show them. Run from the project root with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.nestsim.model.workload.ExitProfileTable}.
 */
public final class ExitProfileTable {

    private static final List<PaperPaths> CONFIGS = List.of(PaperPaths.L1, PaperPaths.L2_BASELINE, PaperPaths.L2_DVH,
            PaperPaths.L3_BASELINE, PaperPaths.L3_DVH);

    private ExitProfileTable() {
    }

    public static void main(String[] args) throws Exception {
        int replications = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        if (args.length > 1 && args[1].equals("cost")) {
            costTable(replications);
            return;
        }
        Workloads catalogue = Workloads.standard(CascadeEngine.reference());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String workload : List.of("netperf-tcp-rr", "apache", "memcached")) {
                WorkloadRunner runner = catalogue.runner(workload).orElseThrow();
                Map<PaperPaths, Future<WorkloadResult>> runs = new LinkedHashMap<>();
                for (PaperPaths config : CONFIGS) {
                    runs.put(config, pool.submit(() -> runner.run(config.path(), Map.of(), 1, replications, RunMonitor.NONE)));
                }
                System.out.println("#### " + workload + "\n");
                System.out.println("| config | level | exits per unit of work by reason (cycles of that level on them) |");
                System.out.println("| --- | --- | --- |");
                for (Map.Entry<PaperPaths, Future<WorkloadResult>> run : runs.entrySet()) {
                    WorkloadResult r = run.getValue().get();
                    for (int k = 0; k < r.level(); k++) {
                        System.out.println("| " + run.getKey() + " | L" + k + " | " + row(r, k) + " |");
                    }
                }
                System.out.println();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU per unit of work against native and the leaf's exits per unit, every application on the paper's columns. */
    private static void costTable(int replications) throws Exception {
        List<PaperPaths> columns = List.of(PaperPaths.L1, PaperPaths.L2_BASELINE, PaperPaths.L2_PASSTHROUGH, PaperPaths.L2_DVH_VP,
                PaperPaths.L2_DVH, PaperPaths.L3_BASELINE, PaperPaths.L3_DVH);
        Workloads catalogue = Workloads.standard(CascadeEngine.reference());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            System.out.println("| workload | L1 | L2 base | L2 passthrough | L2 DVH-VP | L2 DVH | L3 base | L3 DVH |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (String workload : PaperEvaluation.WORKLOADS) {
                WorkloadRunner runner = catalogue.runner(workload).orElseThrow();
                List<Future<WorkloadResult>> runs = new ArrayList<>();
                for (PaperPaths config : columns) {
                    runs.add(pool.submit(() -> runner.run(config.path(), Map.of(), 1, replications, RunMonitor.NONE)));
                }
                StringBuilder line = new StringBuilder("| " + workload);
                for (Future<WorkloadResult> run : runs) {
                    WorkloadResult r = run.get();
                    double cost = 0;
                    double exits = 0;
                    for (Metric m : r.metrics()) {
                        if (m.name().equals("cyclesPerOperationNormalizedToNative")) {
                            cost = m.estimate().mean();
                        } else if (m.name().equals("exitsPerOperation") && m.level() != null && m.level() == r.level()) {
                            exits = m.estimate().mean();
                        }
                    }
                    line.append(String.format(" | %.3gx, %.3g", cost, exits));
                }
                System.out.println(line.append(" |"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String row(WorkloadResult r, int level) {
        Map<String, double[]> byReason = new LinkedHashMap<>();
        for (Metric m : r.metrics()) {
            if (m.reason() == null || m.level() == null || m.level() != level) {
                continue;
            }
            double[] pair = byReason.computeIfAbsent(m.reason(), k -> new double[2]);
            if (m.name().equals("exitsByReasonPerOperation")) {
                pair[0] = m.estimate().mean();
            } else if (m.name().equals("cyclesByReasonPerOperation")) {
                pair[1] = m.estimate().mean();
            }
        }
        List<String> cells = new ArrayList<>();
        byReason.forEach((reason, pair) -> {
            if (pair[0] >= 0.0005) {
                cells.add(String.format("%s %.3f (%,.0f)", reason, pair[0], pair[1]));
            }
        });
        return cells.isEmpty() ? "none" : String.join(", ", cells);
    }
}
