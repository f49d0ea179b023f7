package dev.nestsim.model.workload;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper's application evaluation as the model runs it, computed at most once per JVM for the tests that
 * compare configurations: every workload with its default parameters, a fixed seed and a few replications.
 */
final class PaperEvaluation {

    static final List<String> WORKLOADS = List.of("netperf-tcp-rr", "netperf-tcp-stream", "netperf-tcp-maerts", "apache",
            "memcached", "mysql", "hackbench");
    static final long SEED = 2020;
    static final int REPLICATIONS = 2;

    private static final Workloads CATALOGUE = Workloads.standard(CascadeEngine.reference());
    private static final Map<String, WorkloadResult> RESULTS = new ConcurrentHashMap<>();

    private PaperEvaluation() {
    }

    /** The workload's result on the configuration (normalised to native), computed once. */
    static WorkloadResult result(String workload, PaperPaths config) {
        String key = workload + "@" + config;
        WorkloadResult known = RESULTS.get(key);
        if (known != null) {
            return known;
        }
        WorkloadRunner runner = CATALOGUE.runner(workload).orElseThrow();
        WorkloadResult computed = runner.run(config.path(), halfWindow(runner.descriptor()), SEED, REPLICATIONS, RunMonitor.NONE);
        RESULTS.putIfAbsent(key, computed);
        return computed;
    }

    /**
     * Half the default measurement window in simulated time: the ratios are steady-state, and the suite stays fast.
     * MySQL keeps its measured transactions: 500 with 200 in flight would measure a transient.
     */
    private static Map<String, Double> halfWindow(WorkloadDescriptor descriptor) {
        Map<String, Double> shorter = new java.util.TreeMap<>();
        for (WorkloadParameter p : descriptor.parameters()) {
            if (p.name().equals("durationSeconds")) {
                shorter.put(p.name(), Math.max(p.min(), p.defaultValue() / 2));
            }
        }
        return shorter;
    }

    /** The workload's performance on the configuration relative to native (1 = native). */
    static double normalized(String workload, PaperPaths config) {
        return result(workload, config).normalizedToNative().mean();
    }
}
