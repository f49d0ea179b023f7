package dev.nestsim.model.workload;

import java.util.Arrays;

/**
 * What one replication measures after its warm-up: units of work completed (transactions, requests, bytes,
 * messages), their latencies, and the change of the {@link Accounts} over the window. Warm-up is discarded:
 * everything is counted from {@link #start}.
 */
final class Measurement {

    private final Sim sim;
    private double warmupUnits = -1;
    private double measuredUnits = -1;
    private double unitsSoFar;
    private boolean measuring;
    private double startTime;
    private Accounts atStart;
    private Accounts clientAtStart;
    private double units;
    private double[] latencies = new double[1024];
    private int latencyCount;

    Measurement(Sim sim) {
        this.sim = sim;
    }

    /** Schedules the end of the warm-up {@code warmupSeconds} from now. */
    void startAfter(double warmupSeconds) {
        new SimEvent(sim) {
            @Override
            void fire() {
                start();
            }
        }.after(warmupSeconds);
    }

    private void start() {
        measuring = true;
        startTime = sim.now();
        atStart = sim.accounts().copy();
        clientAtStart = sim.clientAccounts().copy();
    }

    boolean measuring() {
        return measuring;
    }

    /**
     * Measures by work instead of time: the warm-up ends once {@code warmup} units are done, and the run stops once
     * {@code measured} more are, for workloads whose units take long enough that a fixed window would catch a
     * transient (MySQL's 200 concurrent transactions).
     */
    void byUnits(double warmup, double measured) {
        this.warmupUnits = warmup;
        this.measuredUnits = measured;
    }

    /** {@code count} units done now; a latency in seconds, or a negative value for none. */
    void done(double count, double latencySeconds) {
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
    Outcome finish() {
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
        return new Outcome(seconds, units, sorted, Usage.between(atStart, sim.accounts(), seconds, sim.hz()),
                clientCpus, sim.events(), sim.truncated());
    }
}
