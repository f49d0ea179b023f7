package dev.nestsim.bench;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.topology.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full exit-cost table of one path (every event at every level, memoized bottom-up) against the naive
 * recursive walk of every event at the leaf, at depths 1 to 8 (the naive walk only to 5: it is exponential).
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=ExitCostBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExitCostBenchmark {

    @Param({"1", "2", "3", "4", "5", "6", "7", "8"})
    public int depth;

    private final CascadeEngine engine = CascadeEngine.reference();
    private Path path;

    @Setup
    public void setUp() {
        path = PathFixture.baseline(depth);
    }

    @Benchmark
    public ExitCostTable memoizedTable() {
        return engine.table(path);
    }

    @Benchmark
    public void naiveLeafEvents(Blackhole blackhole) {
        if (depth > 5) {
            return;
        }
        for (GuestEvent event : GuestEvent.values()) {
            blackhole.consume(engine.naiveCycles(path, depth, event));
        }
    }
}
