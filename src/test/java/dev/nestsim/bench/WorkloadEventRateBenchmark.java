package dev.nestsim.bench;

import dev.nestsim.model.workload.WorkloadSimulations;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.DoublyLinked;

/**
 * Simulated events per second of the workload simulation (one replication with default parameters on the L2
 * baseline path: its set-up, SSJ's simulator and event list, the whole model at work; the path's costs are computed
 * once, as a run does for all its replications) against a bare {@link PriorityQueue} event loop that executes as
 * many events as a replication does, with nothing else to do: each event pops the earliest of the pending events and
 * schedules its successor a pseudo-random delay later, so the loop always holds as many events as the simulation
 * holds on average ({@link #PENDING}). Both report {@code events} per second.
 *
 * <p>A third loop, {@link #ssjLoop}, does what the bare loop does on SSJ's own {@link Simulator} and the
 * {@link DoublyLinked} list the simulation uses: the same number of events, as many pending, each rescheduling itself
 * with a sequence number as its priority and nothing else to do. It is the ceiling the simulation can reach while it
 * keeps SSJ's event list: whatever the model does per event comes on top of it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class WorkloadEventRateBenchmark {

    /**
     * Events pending in the bare loop, per workload: what the simulation keeps pending on average (CPU completions,
     * wire arrivals, interrupts and doorbells on their way), counted as events scheduled and not yet fired at each
     * event, the firing one included, over the replications of seeds 1 and 2 on the L2 baseline path: netperf TCP_RR
     * 2.8, Memcached 13.4, Hackbench 5.9 (docs/workloads.md section 5), rounded. A heap is the faster the fewer
     * events it holds, so a loop holding more than the simulation would flatter the simulation.
     */
    static final Map<String, Integer> PENDING = Map.of("netperf-tcp-rr", 3, "memcached", 13, "hackbench", 6);

    @Param({"netperf-tcp-rr", "memcached", "hackbench"})
    public String workload;

    private WorkloadSimulations.Replicator replicator;
    private long eventsPerReplication;
    private int pending;
    private long seed;

    /** JMH reports the {@code events} field per second of benchmark time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void measureEvents() {
        replicator = WorkloadSimulations.paperL2Baseline(workload);
        eventsPerReplication = replicator.replicate(1);
        pending = PENDING.get(workload);
    }

    @Benchmark
    public long simulation(Events counter) {
        long events = replicator.replicate(++seed);
        counter.events += events;
        return events;
    }

    @Benchmark
    public double bareLoop(Events counter) {
        double sink = bare(eventsPerReplication, pending);
        counter.events += eventsPerReplication;
        return sink;
    }

    @Benchmark
    public double ssjLoop(Events counter) {
        double sink = ssj(eventsPerReplication, pending);
        counter.events += eventsPerReplication;
        return sink;
    }

    /**
     * The bare loop on SSJ: {@code pending} events on a {@link Simulator} with a {@link DoublyLinked} list, each
     * rescheduling itself a pseudo-random delay later with the next sequence number as its priority (as the
     * simulation's events do), until {@code events} have run.
     */
    static double ssj(long events, int pending) {
        Simulator simulator = new Simulator(new DoublyLinked());
        simulator.init();
        SelfRescheduling[] loop = new SelfRescheduling[pending];
        long[] state = {0x9E3779B97F4A7C15L, 0, events};
        for (int i = 0; i < pending; i++) {
            loop[i] = new SelfRescheduling(simulator, state);
            loop[i].next();
        }
        simulator.start();
        return simulator.time();
    }

    /** One event of {@link #ssj}; {@code state} holds the generator, the sequence number and the events left. */
    private static final class SelfRescheduling extends Event {
        private final long[] state;

        SelfRescheduling(Simulator simulator, long[] state) {
            super(simulator);
            this.state = state;
        }

        void next() {
            state[0] = xorshift(state[0]);
            setPriority(++state[1]);
            schedule(1 + (state[0] & 0xFFFF));
        }

        @Override
        public void actions() {
            if (--state[2] <= 0) {
                simulator().stop();
                return;
            }
            next();
        }
    }

    /** A minimal discrete-event loop: a heap of {@code pending} (time, sequence) events, each scheduling its successor. */
    static double bare(long events, int pending) {
        PriorityQueue<long[]> queue = new PriorityQueue<>(pending * 2, (a, b) -> {
            int byTime = Long.compare(a[0], b[0]);
            return byTime != 0 ? byTime : Long.compare(a[1], b[1]);
        });
        long seed = 0x9E3779B97F4A7C15L;
        long sequence = 0;
        for (int i = 0; i < pending; i++) {
            seed = xorshift(seed);
            queue.add(new long[] {seed & 0xFFFF, sequence++});
        }
        long now = 0;
        for (long e = 0; e < events; e++) {
            long[] event = queue.poll();
            now = event[0];
            seed = xorshift(seed);
            event[0] = now + 1 + (seed & 0xFFFF);
            event[1] = sequence++;
            queue.add(event);
        }
        return now;
    }

    private static long xorshift(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
