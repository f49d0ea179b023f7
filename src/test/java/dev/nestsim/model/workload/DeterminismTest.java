package dev.nestsim.model.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same inputs and seed, identical results: alone, after other runs, and on parallel threads. */
class DeterminismTest {

    private static final Map<String, Double> SHORT = Map.of("durationSeconds", 0.03, "warmupSeconds", 0.005);

    private static WorkloadResult run(Workloads catalogue, String workload, PaperPaths config, long seed) {
        Map<String, Double> parameters = workload.equals("mysql")
                ? Map.of("warmupTransactions", 50.0, "measuredTransactions", 100.0) : SHORT;
        return catalogue.runner(workload).orElseThrow().run(config.path(), parameters, seed, 2, RunMonitor.NONE);
    }

    private static Workloads fresh() {
        return Workloads.standard(CascadeEngine.reference());
    }

    @ParameterizedTest
    @ValueSource(strings = {"netperf-tcp-rr", "netperf-tcp-maerts", "apache", "memcached", "mysql", "hackbench"})
    void sameSeedGivesEqualResults(String workload) {
        assertThat(run(fresh(), workload, PaperPaths.L2_BASELINE, 11)).isEqualTo(run(fresh(), workload, PaperPaths.L2_BASELINE, 11));
    }

    @Test
    void sameResultAfterOtherRunsInTheSameJvm() {
        Workloads catalogue = fresh();
        WorkloadResult first = run(catalogue, "memcached", PaperPaths.L2_DVH, 3);
        run(catalogue, "memcached", PaperPaths.L3_BASELINE, 4);
        run(catalogue, "apache", PaperPaths.L2_DVH, 3);
        run(fresh(), "hackbench", PaperPaths.L1, 3);
        assertThat(run(catalogue, "memcached", PaperPaths.L2_DVH, 3)).isEqualTo(first);
    }

    @Test
    void sameResultOnParallelThreads() throws Exception {
        Workloads shared = fresh();
        WorkloadResult alone = run(fresh(), "netperf-tcp-rr", PaperPaths.L2_PASSTHROUGH, 9);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<WorkloadResult>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> run(shared, "netperf-tcp-rr", PaperPaths.L2_PASSTHROUGH, 9)));
                futures.add(pool.submit(() -> run(shared, "hackbench", PaperPaths.L3_DVH, 9)));
            }
            for (int i = 0; i < futures.size(); i += 2) {
                assertThat(futures.get(i).get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentSeedsGiveDifferentReplications() {
        WorkloadResult a = run(fresh(), "memcached", PaperPaths.L1, 1);
        WorkloadResult b = run(fresh(), "memcached", PaperPaths.L1, 2);
        assertThat(a.primary().estimate().mean()).isNotEqualTo(b.primary().estimate().mean());
    }
}
