package dev.nestsim.model.workload.results;

import dev.nestsim.model.workload.machine.Accounts;
import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.exits.ExitReason;

/**
 * Per-second rates over a measurement window: CPUs busy at each level (cycles of that level's software divided
 * by the clock and the window: 3.2 means three CPUs and a fifth kept busy), exits raised by each level per
 * second, and the leaf's {@link Counter}s per second.
 *
 * @param cpusBusy        index k: CPUs kept busy by level k's software (L0 includes hardware transitions)
 * @param cyclesPerSecond index k: cycles of level k's software per second (the same work as {@code cpusBusy} counts)
 * @param exitsPerSecond  index k: hardware exits raised by level k per second
 * @param counters        index {@link Counter#ordinal()}: per second
 * @param seenPerSecond   index k * R + r: exits level k saw under reason r ({@code ExitReason} ordinal), per second
 * @param reasonCyclesPerSecond index k * R + r: level k's cycles on exits of reason r, per second
 */
public record Usage(double[] cpusBusy, double[] cyclesPerSecond, double[] exitsPerSecond, double[] counters,
             double[] seenPerSecond, double[] reasonCyclesPerSecond) {

    static Usage between(Accounts start, Accounts end, double seconds, double hz) {
        int levels = end.levels();
        double[] cpus = new double[levels];
        double[] cycles = new double[levels];
        double[] exits = new double[levels];
        double span = seconds > 0 ? seconds : 1;
        for (int k = 0; k < levels; k++) {
            double spent = end.cyclesAt(k) - start.cyclesAt(k);
            cpus[k] = spent / hz / span;
            cycles[k] = spent / span;
            exits[k] = (end.exitsAt(k) - start.exitsAt(k)) / span;
        }
        double[] counters = new double[Counter.values().length];
        for (Counter c : Counter.values()) {
            counters[c.ordinal()] = (end.counter(c) - start.counter(c)) / span;
        }
        ExitReason[] reasons = ExitReason.values();
        double[] seen = new double[levels * reasons.length];
        double[] reasonCycles = new double[levels * reasons.length];
        for (int k = 0; k < levels; k++) {
            for (ExitReason r : reasons) {
                int i = k * reasons.length + r.ordinal();
                seen[i] = (end.seenAt(k, r) - start.seenAt(k, r)) / span;
                reasonCycles[i] = (end.reasonCyclesAt(k, r) - start.reasonCyclesAt(k, r)) / span;
            }
        }
        return new Usage(cpus, cycles, exits, counters, seen, reasonCycles);
    }
}
