package dev.nestsim.model.workload.results;

import dev.nestsim.model.workload.machine.Accounts;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.SimEvent;
import java.util.Arrays;
import java.util.List;

/**
 * What one replication measures after its warm-up: units of work completed (transactions, requests, bytes,
 * messages), their latencies, and the change of the {@link Accounts} over the window. Warm-up is discarded:
 * everything is counted from {@link #start}.
 */
public final class Measurement {

    private final Sim sim;
    private double warmupUnits = -1;
    private double measuredUnits = -1;
    private double unitsSoFar;
    private boolean measuring;
    private double startTime;
    private Accounts atStart;
    private Accounts clientAtStart;
    private double[] busyAtStart;
    private double units;
    private double[] latencies = new double[1024];
    private int latencyCount;

    public Measurement(Sim sim) {
        this.sim = sim;
    }

    /** Schedules the end of the warm-up {@code warmupSeconds} from now. */
    public void startAfter(double warmupSeconds) {
        new SimEvent(sim) {
            @Override
            protected void fire() {
                start();
            }
        }.after(warmupSeconds);
    }

    private void start() {
        measuring = true;
        startTime = sim.now();
        atStart = sim.accounts().copy();
        clientAtStart = sim.clientAccounts().copy();
        List<Cpu> cpus = sim.cpus();
        busyAtStart = new double[cpus.size()];
        for (int i = 0; i < busyAtStart.length; i++) {
            busyAtStart[i] = cpus.get(i).busySeconds();
        }
    }

    boolean measuring() {
        return measuring;
    }

    /**
     * Measures by work instead of time: the warm-up ends once {@code warmup} units are done, and the run stops once
     * {@code measured} more are, for workloads whose units take long enough that a fixed window would catch a
     * transient (MySQL's 200 concurrent transactions).
     */
    public void byUnits(double warmup, double measured) {
        this.warmupUnits = warmup;
        this.measuredUnits = measured;
    }

    /** {@code count} units done now; a latency in seconds, or a negative value for none. */
    public void done(double count, double latencySeconds) {
        unitsSoFar += count;
        if (!measuring) {
            if (warmupUnits >= 0 && unitsSoFar >= warmupUnits) {
                start();
            }
            return;
        }
        units += count;
        if (latencySeconds >= 0) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = latencySeconds * 1e6;
        }
        if (measuredUnits >= 0 && units >= measuredUnits) {
            sim.simulator().stop();
        }
    }

    /** The replication's figures at the end of the run. */
    public Outcome finish() {
        if (!measuring) {
            start();
        }
        double seconds = sim.now() - startTime;
        double[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        Usage client = Usage.between(clientAtStart, sim.clientAccounts(), seconds, sim.hz());
        double clientCpus = 0;
        for (double c : client.cpusBusy()) {
            clientCpus += c;
        }
        return new Outcome(seconds, units, LatencySummary.of(sorted), Usage.between(atStart, sim.accounts(), seconds, sim.hz()),
                clientCpus, busiestCpus(seconds), sim.events(), sim.truncated());
    }

    /**
     * Per level, the busy fraction of the server's busiest CPU of that level over the window (a leaf vCPU at the
     * leaf's level, an I/O CPU of a hypervisor below it), capped at 1; {@code NaN} for a level with no CPU of its
     * own in the simulation (a guest hypervisor that does no I/O for this path). A job's time is booked when it
     * starts, so a CPU busy at the window's end can be credited a little of the time after it: hence the cap.
     */
    private double[] busiestCpus(double seconds) {
        double[] busiest = new double[sim.platform().levels()];
        Arrays.fill(busiest, Double.NaN);
        List<Cpu> cpus = sim.cpus();
        for (int i = 0; i < cpus.size(); i++) {
            Cpu cpu = cpus.get(i);
            if (cpu.accounts() != sim.accounts()) {
                continue;
            }
            double before = i < busyAtStart.length ? busyAtStart[i] : 0;
            double fraction = seconds > 0 ? Math.min(1, (cpu.busySeconds() - before) / seconds) : 0;
            busiest[cpu.level] = Double.isNaN(busiest[cpu.level]) ? fraction : Math.max(busiest[cpu.level], fraction);
        }
        return busiest;
    }
}
