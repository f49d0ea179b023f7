package dev.nestsim.model.workload.machine;

import java.util.ArrayList;
import java.util.List;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.DoublyLinked;

/**
 * The state of one replication: its own SSJ {@link Simulator} (never the global default), the path's
 * {@link Platform}, the running {@link Accounts}, the random streams, and the measurement window. Created,
 * run and dropped by one thread.
 *
 * <p>The simulator keeps its events in SSJ's {@link DoublyLinked} list rather than its default splay tree: a
 * replication has few events pending (one completion per busy CPU, one arrival per wire direction, a few
 * interrupts and doorbells on their way; on the paper's configurations 2.6 to 13.4 on average and at most 39, see
 * docs/workloads.md section 5), so the list's insertion, a walk back from its tail, is short and beats the tree's
 * splaying. Like every SSJ list it orders by time, then priority, so the order of events is the same.
 */
public final class Sim {

    /** {@link #hypervisorIrqVcpu}'s value for interrupts taken on a spare vCPU of the guest hypervisor. */
    public static final int SPARE_VCPU = -1;

    private final Simulator simulator = new Simulator(new DoublyLinked());
    private final Platform platform;
    private final RandomStreams streams;
    private final Accounts accounts;
    private final Accounts clientAccounts;
    private final double hz;
    private final double contextSwitchCycles;
    private final long maxEvents;
    private final int hypervisorIrqVcpu;
    private long sequence;
    private long events;
    private boolean truncated;
    private final List<Cpu> cpus = new ArrayList<>();

    public Sim(Platform platform, RandomStreams streams, long maxEvents) {
        this(platform, streams, maxEvents, SPARE_VCPU);
    }

    /**
     * @param hypervisorIrqVcpu where each guest hypervisor takes its device interrupts: {@link #SPARE_VCPU},
     *                          or the number of the leaf's vCPU whose vCPU chain takes them (modulo the leaf's vCPUs)
     */
    public Sim(Platform platform, RandomStreams streams, long maxEvents, int hypervisorIrqVcpu) {
        this.platform = platform;
        this.streams = streams;
        this.accounts = new Accounts(platform);
        this.clientAccounts = new Accounts(platform);
        this.hz = platform.hz();
        this.contextSwitchCycles = platform.contextSwitchCycles();
        this.maxEvents = maxEvents;
        this.hypervisorIrqVcpu = hypervisorIrqVcpu;
    }

    /** Where each guest hypervisor takes its device interrupts (see the constructor). */
    public int hypervisorIrqVcpu() {
        return hypervisorIrqVcpu;
    }

    void register(Cpu cpu) {
        cpus.add(cpu);
    }

    /** Every CPU of the replication, in creation order. */
    public List<Cpu> cpus() {
        return cpus;
    }

    public Simulator simulator() {
        return simulator;
    }

    public Platform platform() {
        return platform;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The client machine's own CPU time: a separate native host, never counted in the server's levels. */
    public Accounts clientAccounts() {
        return clientAccounts;
    }

    /** A scheduler context switch, in cycles (the cascade's calibrated figure, any level). */
    double contextSwitchCycles() {
        return contextSwitchCycles;
    }

    public RandomStream stream(Source source) {
        return streams.stream(source);
    }

    public double now() {
        return simulator.time();
    }

    /** Seconds that {@code cycles} take at the host's clock. */
    public double seconds(double cycles) {
        return cycles / hz;
    }

    public double hz() {
        return hz;
    }

    long nextSequence() {
        return ++sequence;
    }

    void countEvent() {
        if (++events > maxEvents) {
            truncated = true;
            simulator.stop();
        }
    }

    public long events() {
        return events;
    }

    /** True when the replication stopped at its event budget before its simulated time was up. */
    public boolean truncated() {
        return truncated;
    }

    /** Runs the simulation until {@code endSeconds} (or the event budget); events must be scheduled already. */
    public void runUntil(double endSeconds) {
        new SimEvent(this) {
            @Override
            protected void fire() {
                simulator.stop();
            }
        }.after(endSeconds);
        simulator.start();
    }
}
