package dev.nestsim.model.workload;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.ExitProfile;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.exits.MicrobenchmarkResult;
import dev.nestsim.model.exits.Microbenchmarks;
import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A microbenchmark as a workload: analytic, so every replication gives the same cycles and the confidence
 * half-width is 0. Normalised to native as native cycles over these cycles (1 = as fast as bare metal). Its metrics:
 * {@code cycles} and {@code latency} per operation, {@code exits} and {@code cycles} per level, and the exit profile,
 * {@code exitsByReasonPerOperation} and {@code cyclesByReasonPerOperation} per level and exit reason.
 */
final class MicrobenchmarkWorkload implements WorkloadRunner {

    private final Microbenchmark benchmark;
    private final CascadeEngine engine;
    private final WorkloadDescriptor descriptor;

    MicrobenchmarkWorkload(Microbenchmark benchmark, CascadeEngine engine) {
        this.benchmark = benchmark;
        this.engine = engine;
        this.descriptor = new WorkloadDescriptor(benchmark.apiName(), WorkloadKind.MICROBENCHMARK, benchmark.description(),
                "cycles", "cycles/operation", false, List.of(), 1000);
    }

    @Override
    public WorkloadDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public WorkloadResult run(Path path, Map<String, Double> parameters, long seed, int replications, RunMonitor monitor) {
        Microbenchmarks runner = new Microbenchmarks(engine);
        ExitCostTable table = engine.table(path);
        MicrobenchmarkResult result = runner.run(table, benchmark, false);
        for (int done = 1; done <= replications; done++) {
            if (monitor.cancelled()) {
                throw new CancelledException(done - 1);
            }
            monitor.replicationDone(done, replications);
        }
        MicrobenchmarkResult nativeResult = path.isNative() ? result
                : runner.run(engine.table(Path.nativeHost(path.host())), benchmark, false);
        Estimate normalized = nativeResult.applicable() && result.cycles() > 0
                ? Estimate.exact(nativeResult.cycles() / result.cycles(), replications) : null;
        List<Metric> metrics = new ArrayList<>();
        Metric cycles = new Metric("cycles", "cycles/operation", null, Estimate.exact(result.cycles(), replications));
        metrics.add(cycles);
        metrics.add(new Metric("latency", "us/operation", null, Estimate.exact(result.microseconds(), replications)));
        for (int k = 0; k < result.exitsPerLevel().size(); k++) {
            metrics.add(new Metric("exits", "exits/operation", k, Estimate.exact(result.exitsPerLevel().get(k), replications)));
            metrics.add(new Metric("cycles", "cycles/operation", k, Estimate.exact(result.cyclesPerLevel().get(k), replications)));
        }
        for (int k = 0; k < result.exitsPerLevel().size(); k++) {
            for (ExitProfile.Row row : result.profile().at(k)) {
                metrics.add(new Metric("exitsByReasonPerOperation", "exits/operation", k, row.reason().name(),
                        Estimate.exact(row.exits(), replications)));
                metrics.add(new Metric("cyclesByReasonPerOperation", "cycles/operation", k, row.reason().name(),
                        Estimate.exact(row.cycles(), replications)));
            }
        }
        return new WorkloadResult(benchmark.apiName(), result.level(), Map.of(), seed, replications, cycles, normalized, metrics);
    }
}
