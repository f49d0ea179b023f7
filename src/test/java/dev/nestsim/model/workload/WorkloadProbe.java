package dev.nestsim.model.workload;

import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.results.Outcome;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.GuestEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Looks inside one replication of a workload on one of the paper's paths: the cascade's price of the events the
 * simulation uses at every level, then the rate, CPUs busy and exits per level, the busiest CPU of each level, and
 * the leaf's events per unit of work. Run from the project root with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.nestsim.model.workload.WorkloadProbe -Dexec.args="memcached L2_BASELINE clientThreads=8"}
 * (workload, a {@link PaperPaths} name, then any workload parameters as name=value).
 */
public final class WorkloadProbe {

    private static final GuestEvent[] PRICED = {GuestEvent.DEVICE_NOTIFY, GuestEvent.IPI_SEND, GuestEvent.IPI_SEND_TO_HALTED,
        GuestEvent.INTERRUPT_DELIVERY, GuestEvent.HALT, GuestEvent.WAKEUP_POLLED, GuestEvent.WAKEUP_BLOCKED,
        GuestEvent.TIMER_PROGRAM, GuestEvent.HYPERVISOR_INTERRUPT};

    private WorkloadProbe() {
    }

    public static void main(String[] args) {
        dev.nestsim.model.exits.Calibration cal = dev.nestsim.model.exits.Calibration.DEFAULT;
        for (dev.nestsim.model.exits.Param p : dev.nestsim.model.exits.Param.values()) {
            String v = System.getProperty("param." + p.name());
            if (v != null) {
                cal = cal.with(p, Double.parseDouble(v));
            }
        }
        CascadeEngine engine = new CascadeEngine(cal);
        SimulatedWorkload runner = (SimulatedWorkload) Workloads.standard(engine).runner(args[0]).orElseThrow();
        Platform platform = Platform.of(engine, PaperPaths.valueOf(args[1]).path());
        Map<String, Double> given = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            given.put(pair[0], Double.parseDouble(pair[1]));
        }
        for (int k = 0; k < platform.levels(); k++) {
            StringBuilder prices = new StringBuilder("L" + k + " cycles:");
            for (GuestEvent e : PRICED) {
                prices.append(String.format(" %s=%.0f", e, platform.event(k, e).cycles()));
            }
            System.out.println(prices);
        }
        Outcome o = runner.model().replicate(platform, Workloads.withDefaults(runner.descriptor(), given), new RandomStreams(1, 0));
        double rate = o.rate();
        System.out.printf("rate %.0f/s over %.3f s, latency mean %.1f us, client CPUs %.2f%n", rate, o.seconds(), o.latencyMean(), o.clientCpus());
        System.out.println("CPUs busy per level   " + Arrays.toString(o.usage().cpusBusy()));
        System.out.println("exits/s per level     " + Arrays.toString(o.usage().exitsPerSecond()));
        System.out.println("busiest CPU per level " + Arrays.toString(o.busiestCpu()));
        dev.nestsim.model.exits.ExitReason[] reasons = dev.nestsim.model.exits.ExitReason.values();
        for (int k = 0; k < platform.levels(); k++) {
            StringBuilder row = new StringBuilder("L" + k + " saw per unit:");
            for (dev.nestsim.model.exits.ExitReason r : reasons) {
                double seen = o.usage().seenPerSecond()[k * reasons.length + r.ordinal()];
                double cyc = o.usage().reasonCyclesPerSecond()[k * reasons.length + r.ordinal()];
                if (seen > 0) {
                    row.append(String.format(" %s=%.3f (%.0f cyc)", r, seen / rate, cyc / rate));
                }
            }
            System.out.println(row);
        }
        for (Counter c : Counter.values()) {
            double perSecond = o.usage().counters()[c.ordinal()];
            System.out.printf("leaf %-14s %10.0f/s  %.3f per unit%n", c, perSecond, perSecond / rate);
        }
    }
}
