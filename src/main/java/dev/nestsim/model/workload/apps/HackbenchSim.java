package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Jitter;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.Source;
import dev.nestsim.model.workload.results.Measurement;
import dev.nestsim.model.workload.results.Outcome;
import umontreal.ssj.rng.RandomStream;

/**
 * The discrete-event simulation of {@code hackbench <groups> process <loops>} inside the leaf (hackbench.c): groups of
 * 20 senders and 20 receivers exchanging 100-byte messages over AF_UNIX socket pairs, no device I/O. What a VM
 * changes is the wake-ups: a task that blocked (a receiver with an empty socket, a sender with a full one) is
 * woken by its peer, and a wake-up onto another vCPU is a reschedule IPI (every vCPU is its own socket in the
 * paper's VMs, so ttwu_queue_remote sends one), plus the timer ticks of busy CPUs and the idle periods when a run queue empties.
 *
 * <p>Each task runs in turns: a turn handles a batch of messages (writes for a sender, reads for a receiver), wakes
 * one sleeping peer, and blocks. About half the tasks are runnable at any time (senders block only on full
 * buffers), so the run queues stay long and halts are rare. The completion time is the
 * run's messages divided by the steady-state message rate; start-up and tear-down of the tasks are not simulated.
 */
final class HackbenchSim {

    /** Tasks per group: 20 senders and 20 receivers. */
    static final int TASKS_PER_GROUP = 40;
    /** Messages per sender per loop: one to each of the group's 20 receivers. */
    static final int MESSAGES_PER_SENDER_LOOP = 20;
    /**
     * One message's write and read: two AF_UNIX syscalls with skb allocation, 100-byte copy and free [est]: with
     * the wake-up and switch per turn, 4 native CPUs move 20 M messages in about 8.5 s, as the 2013 x86 run of
     * the same command did (8.17-8.65 s, github.com/chazy/kvmperf results/asplos-v3.10).
     */
    static final double MESSAGE_CYCLES = 3300;
    /**
     * Messages handled per turn between a wake-up and the next block: 10, the low end of 0.1-0.5
     * wake-ups per message [est], the end consistent with the same command losing only 4% in a single-level KVM
     * VM in 2013 (8.60-8.91 s against 8.17-8.65 s, chazy/kvmperf), when every IPI still exited without APICv.
     */
    static final double MESSAGES_PER_TURN = 10;

    private final Sim sim;
    private final Measurement measurement;
    private final RandomStream mix;
    private final AppThread<Integer>[] tasks;
    /** Each task's number, boxed once: the turns hand them over millions of times. */
    private final Integer[] ids;
    private final int[] sleeping;
    private int sleepingCount;
    private final int[] slot;

    @SuppressWarnings("unchecked")
    HackbenchSim(Sim sim, int groups) {
        this.sim = sim;
        this.measurement = new Measurement(sim);
        this.mix = sim.stream(Source.MIX);
        int count = groups * TASKS_PER_GROUP;
        Cpu[] cpus = new Cpu[sim.platform().cpus()];
        int n = sim.platform().leafLevel();
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = new Cpu(sim, n, "L" + n + " cpu" + i, sim.accounts(), true);
        }
        this.tasks = new AppThread[count];
        this.ids = new Integer[count];
        this.sleeping = new int[count];
        this.slot = new int[count];
        Turn turn = new Turn();
        for (int i = 0; i < count; i++) {
            tasks[i] = new AppThread<>(cpus[i % cpus.length], turn);
            ids[i] = i;
        }
    }

    Outcome run(double warmupSeconds, double measureSeconds) {
        for (int i = 0; i < tasks.length; i++) {
            if (i % 2 == 0) {
                tasks[i].handOver(null, ids[i]);
            } else {
                sleep(i);
            }
        }
        measurement.startAfter(warmupSeconds);
        sim.runUntil(warmupSeconds + measureSeconds);
        return measurement.finish();
    }

    private void sleep(int task) {
        slot[task] = sleepingCount;
        sleeping[sleepingCount++] = task;
    }

    private int wakeRandom() {
        int index = (int) (mix.nextDouble() * sleepingCount);
        int task = sleeping[index];
        int last = sleeping[--sleepingCount];
        sleeping[index] = last;
        slot[last] = index;
        return task;
    }

    /** One turn of a task: a batch of messages, then it wakes a sleeping peer and blocks. */
    private final class Turn implements AppThread.Body<Integer> {
        private double messages;

        @Override
        public double cycles(Cpu cpu, Integer task, boolean woken) {
            messages = Math.max(1, Math.round(Jitter.of(MESSAGES_PER_TURN, 0.5, mix)));
            double cycles = messages * MESSAGE_CYCLES;
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Integer task) {
            measurement.done(messages, -1);
            int peer = wakeRandom();
            sleep(task);
            tasks[peer].handOver(cpu, ids[peer]);
        }
    }
}
