package dev.nestsim.model.workload;

import dev.nestsim.model.workload.apps.WorkloadModel;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.exits.CascadeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Entry points for the benchmarks in {@code dev.nestsim.bench} into the package's simulations. */
public final class WorkloadSimulations {

    /** The paper's configurations of the whole evaluation: the native runs come with every other one. */
    static final List<PaperPaths> EVALUATED = List.of(PaperPaths.NATIVE, PaperPaths.L1, PaperPaths.L2_BASELINE,
            PaperPaths.L2_DVH, PaperPaths.L3_BASELINE, PaperPaths.L3_DVH);

    private WorkloadSimulations() {
    }

    /** Replications of one workload with default parameters on one of the paper's paths, set up once. */
    public static final class Replicator {
        private final WorkloadModel model;
        private final Platform platform;
        private final Map<String, Double> parameters;

        private Replicator(String workload, PaperPaths config) {
            SimulatedWorkload runner = (SimulatedWorkload) Workloads.standard(CascadeEngine.reference()).runner(workload).orElseThrow();
            this.model = runner.model();
            this.platform = Platform.of(CascadeEngine.reference(), config.path());
            this.parameters = Workloads.withDefaults(runner.descriptor(), Map.of());
        }

        /** One replication with streams seeded by {@code seed}; returns the simulation events it executed. */
        public long replicate(long seed) {
            return model.replicate(platform, parameters, new RandomStreams(seed, 0)).events();
        }
    }

    /** A replicator of {@code workload} on the paper's L2 baseline path. */
    public static Replicator paperL2Baseline(String workload) {
        return new Replicator(workload, PaperPaths.L2_BASELINE);
    }

    /**
     * The paper's evaluation: every application workload on every configuration of {@link #EVALUATED} with
     * {@code replications} replications, on {@code threads} threads; returns the sum of the normalised means (so
     * the work cannot be optimised away).
     */
    public static double paperEvaluation(int replications, int threads) throws Exception {
        Workloads catalogue = Workloads.standard(CascadeEngine.reference());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<WorkloadResult>> runs = new ArrayList<>();
            for (String workload : PaperEvaluation.WORKLOADS) {
                WorkloadRunner runner = catalogue.runner(workload).orElseThrow();
                for (PaperPaths config : EVALUATED) {
                    runs.add(pool.submit(() -> runner.run(config.path(), Map.of(), 1, replications, RunMonitor.NONE)));
                }
            }
            double sum = 0;
            for (Future<WorkloadResult> run : runs) {
                sum += run.get().normalizedToNative().mean();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }
}
