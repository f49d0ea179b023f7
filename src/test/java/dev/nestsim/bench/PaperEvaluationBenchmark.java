package dev.nestsim.bench;

import dev.nestsim.model.workload.WorkloadSimulations;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of the paper's whole application evaluation: 7 workloads x {native, L1, L2 baseline, L2 DVH, L3
 * baseline, L3 DVH} x 10 replications with default parameters, each configuration a run with its native
 * counterpart (shared between the configurations of a workload, as the runs API shares a catalogue), on
 * {@code threads} threads. Goal: within 60 s on the machine's 2 cores.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class PaperEvaluationBenchmark {

    @Param({"2"})
    public int threads;

    @Benchmark
    public double wholeEvaluation() throws Exception {
        return WorkloadSimulations.paperEvaluation(10, threads);
    }
}
