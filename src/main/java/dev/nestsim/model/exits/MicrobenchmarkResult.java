package dev.nestsim.model.exits;

import java.util.List;

/**
 * One microbenchmark's result on one path: cycles per operation and where they go.
 *
 * @param name                 the microbenchmark's name
 * @param description          what it measures
 * @param level                the level it ran at (0: natively on the host)
 * @param applicable           false when the operation has no meaning there (a hypercall on bare metal)
 * @param cycles               cycles per operation (the critical path the guest's rdtsc measures)
 * @param microseconds         the same at the host's base clock
 * @param exitsPerLevel        index k: hardware exits out of level k per operation
 * @param exitsHandledPerLevel index k: exits whose handler ran at level k
 * @param cyclesPerLevel       index k: cycles spent in level k's software (L0 includes the hardware transitions)
 * @param profile              per operation: the exits each level saw by reason and its cycles on them
 * @param trace                the tree of exits, when asked for; {@code null} otherwise
 */
public record MicrobenchmarkResult(String name, String description, int level, boolean applicable, double cycles,
                                   double microseconds, List<Long> exitsPerLevel, List<Long> exitsHandledPerLevel,
                                   List<Double> cyclesPerLevel, ExitProfile profile, TraceNode trace) {

    public MicrobenchmarkResult {
        exitsPerLevel = List.copyOf(exitsPerLevel);
        exitsHandledPerLevel = List.copyOf(exitsHandledPerLevel);
        cyclesPerLevel = List.copyOf(cyclesPerLevel);
    }

    public long roundedCycles() {
        return Math.round(cycles);
    }
}
