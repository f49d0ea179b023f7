package dev.nestsim.model.workload.machine;

import dev.nestsim.model.exits.GuestEvent;
import java.util.ArrayDeque;

/**
 * One CPU as the software at {@code level} sees it: a leaf vCPU, a guest hypervisor's vCPU that runs its I/O
 * threads, or a physical CPU of L0 or of the bare host. It runs {@link Job}s one at a time, interrupt context
 * first; while it has nothing to do it is halted (HLT and wake-up, priced by
 * {@link IdleChain}). Cycles that land on it between jobs (an interrupt taken while busy, the cost of an IPI it
 * sent) are {@linkplain #charge charged} and delay its next job; if it would otherwise go idle they run as a
 * tail of their own. Every busy second also pays the periodic tick ({@link Platform#tickPerBusySecond}).
 *
 * <p>Interrupt-context work preempts a thread: an interrupt-context job submitted while a thread's job runs
 * suspends that job, runs (with any other interrupt work queued), and the thread resumes where it stopped, as a
 * kernel takes an interrupt and its softirq in the middle of a thread. The charged cycles a job starts with (the
 * exits and IPIs of the work before it: the CPU is inside a hypervisor then, or sending) are not preemptible: an
 * interrupt arriving meanwhile is taken when they are over, as a hypervisor delivers it on its VM entry.
 *
 * <p>A hypervisor's I/O CPU may have no vCPU of its own (the hypervisor has no vCPU to spare beyond those that run
 * its guest): it then {@linkplain #shareVcpuOf shares} the vCPU that runs a CPU of the level above, its host. When
 * it wakes while its host runs, the host's guest exits to the hypervisor ({@code HYPERVISOR_INTERRUPT} one level up,
 * v5.10 nested.c vmx_check_nested_events); while it runs, its host is held back by as long; when it is done the
 * vCPU returns to the guest without halting.
 */
public final class Cpu {

    private static final Job TAIL = new Job() {
        @Override
        protected double begin(Cpu cpu) {
            return 0;
        }

        @Override
        protected void end(Cpu cpu) {
        }
    };

    /** Rounding slack when comparing simulated times (far below a cycle). */
    private static final double PREEMPTION_SLACK_SECONDS = 1e-12;

    public final Sim sim;
    public final int level;
    final String name;
    private final Accounts accounts;
    private final boolean leaf;
    /** Wall time per second of work: a busy CPU also takes the periodic tick. */
    private final double tickFactor;
    private final double contextSwitchCycles;
    private final ArrayDeque<Job> irqQueue = new ArrayDeque<>();
    private final ArrayDeque<Job> threadQueue = new ArrayDeque<>();
    private final Completion completion;
    private final PreemptionPoint preemptionPoint;
    private boolean busy;
    private double idleSince;
    private double pendingCycles;
    private Object lastThread;
    private Job current;
    private double endsAt;
    private double preemptibleFrom;
    private Job suspended;
    private double suspendedSeconds;
    private Cpu host;
    private double heldUntil;
    private boolean firstWakeIpiPaid;
    private double busySeconds;
    /** KVM's per-vCPU halt-polling window at each level of {@link Platform#haltChain} (seconds; 0 at start). */
    private final double[] haltPollWindows;

    /**
     * @param accounts where its cycles go: the server's, or a separate set for the client machine
     * @param leaf     whether it is one of the leaf's CPUs (counted in the leaf's {@link Counter}s)
     */
    public Cpu(Sim sim, int level, String name, Accounts accounts, boolean leaf) {
        this.sim = sim;
        this.level = level;
        this.name = name;
        this.accounts = accounts;
        this.leaf = leaf;
        this.tickFactor = 1 + sim.platform().tickPerBusySecond(level).cycles() / sim.hz();
        this.contextSwitchCycles = sim.contextSwitchCycles();
        this.completion = new Completion(sim);
        this.preemptionPoint = new PreemptionPoint(sim);
        this.haltPollWindows = new double[level >= 1 ? sim.platform().haltChain(level).length : 0];
        sim.register(this);
    }

    /** True while halted (nothing to run). */
    public boolean idle() {
        return !busy;
    }

    /**
     * The halt-polling windows of this vCPU's chain ({@link IdleChain}): entry d for the vCPU at depth d of
     * {@link Platform#haltChain}, as its hypervisor's KVM adapts it. {@link IdleChain} reads and updates them.
     */
    double[] haltPollWindows() {
        return haltPollWindows;
    }

    /** Seconds since this CPU halted (0 when busy). */
    double idleSeconds() {
        return busy ? 0 : sim.now() - idleSince;
    }

    boolean isLeaf() {
        return leaf;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** Jobs running or waiting on this CPU. */
    public int load() {
        return irqQueue.size() + threadQueue.size() + (busy ? 1 : 0);
    }

    /**
     * Seconds this CPU has spent running jobs so far (not halt polling, not idle), including the time a hypervisor's
     * I/O CPU sharing its vCPU held it back.
     */
    public double busySeconds() {
        return busySeconds;
    }

    /**
     * This CPU has no vCPU of its own: its work runs on the vCPU that runs {@code host}, a CPU of a level above
     * (the hypervisor's interrupts and I/O threads share the vCPU of its guest).
     */
    public void shareVcpuOf(Cpu host) {
        this.host = host;
    }

    /** Whether this CPU runs on the vCPU (or physical CPU) of another ({@link #shareVcpuOf}). */
    public boolean sharesVcpu() {
        return host != null;
    }

    /**
     * A CPU of a level below, sharing this CPU's vCPU, runs for {@code seconds}: this CPU's job in progress ends
     * that much later and takes no interrupt meanwhile; a halted CPU cannot start before then. The vCPU is busy
     * meanwhile, so the time counts in this CPU's {@link #busySeconds} (its occupancy, as a bottleneck).
     */
    private void holdBack(double seconds) {
        busySeconds += seconds;
        if (busy && current != null) {
            completion.cancel();
            endsAt += seconds;
            preemptibleFrom = Math.max(preemptibleFrom, sim.now()) + seconds;
            completion.after(endsAt - sim.now());
        } else {
            heldUntil = Math.max(heldUntil, sim.now()) + seconds;
        }
    }

    /** Queues a job; a halted CPU wakes up (the wake-up's latency delays the job). */
    public void submit(Job job) {
        if (job.irqContext()) {
            irqQueue.add(job);
        } else {
            threadQueue.add(job);
        }
        if (!busy) {
            wake();
        } else if (job.irqContext()) {
            preemptWhenPossible();
        }
    }

    /** Preempts the running thread's job now, or schedules it for the end of the job's charged start. */
    private void preemptWhenPossible() {
        if (!preemptible()) {
            return;
        }
        double wait = preemptibleFrom - sim.now();
        if (wait <= PREEMPTION_SLACK_SECONDS) {
            preempt();
        } else if (!preemptionPoint.pending) {
            preemptionPoint.pending = true;
            preemptionPoint.after(wait);
        }
    }

    /** Whether the job now running is a thread's, which interrupt work may suspend. */
    private boolean preemptible() {
        return current != null && current != TAIL && !current.irqContext() && suspended == null;
    }

    /** Suspends the running thread's job to run the interrupt work queued; {@link #finish} resumes it. */
    private void preempt() {
        completion.cancel();
        suspended = current;
        suspendedSeconds = endsAt - sim.now();
        current = null;
        startNext();
    }

    /** Books {@code charge} and makes this CPU spend its cycles before its next job. */
    public void charge(Charge charge) {
        accounts.book(charge);
        pendingCycles += charge.cycles();
    }

    /** Books native work of this CPU's own level and spends it before the next job. */
    public void work(double cycles) {
        accounts.work(level, cycles);
        pendingCycles += cycles;
    }

    /** The signaller of the interrupt that will wake this halted CPU already paid its hypervisor's reschedule IPI. */
    void markFirstWakeIpiPaid() {
        firstWakeIpiPaid = true;
    }

    private void wake() {
        busy = true;
        if (host != null && !host.idle()) {
            // L0's interrupt makes whatever runs on the CPU exit to L0; a guest hypervisor's is reflected to it
            charge(level == 0 ? sim.platform().event(host.level, GuestEvent.HOST_INTERRUPT)
                    : sim.platform().event(level + 1, GuestEvent.HYPERVISOR_INTERRUPT));
        } else {
            double idle = sim.now() - idleSince;
            pendingCycles += IdleChain.wake(sim, this, idle, firstWakeIpiPaid);
        }
        firstWakeIpiPaid = false;
        startNext();
    }

    private void startNext() {
        Job job = irqQueue.poll();
        if (job == null) {
            job = threadQueue.poll();
        }
        run(job);
    }

    private void run(Job job) {
        double cycles = job.begin(this);
        Object thread = job.thread();
        if (thread != null && thread != lastThread) {
            cycles += contextSwitchCycles;
            accounts.work(level, contextSwitchCycles);
            lastThread = thread;
        }
        double charged = pendingCycles;
        cycles += charged;
        pendingCycles = 0;
        current = job;
        occupy(cycles, charged, 0);
    }

    /**
     * Keeps this CPU busy with the current job for {@code cycles} (the first {@code charged} of them not
     * preemptible), plus {@code resumedSeconds} of a suspended job's remainder, and the tick on top.
     */
    private void occupy(double cycles, double charged, double resumedSeconds) {
        double busySeconds = sim.seconds(cycles);
        accounts.busy(level, leaf, busySeconds);
        double seconds = busySeconds * tickFactor;
        this.busySeconds += seconds;
        double held = Math.max(0, heldUntil - sim.now());
        preemptibleFrom = sim.now() + held + sim.seconds(charged) * tickFactor;
        endsAt = sim.now() + held + seconds + resumedSeconds;
        completion.after(held + seconds + resumedSeconds);
        if (host != null) {
            host.holdBack(seconds);
        }
    }

    /** Resumes the thread's job that interrupt work suspended, after the cycles charged meanwhile. */
    private void resume() {
        current = suspended;
        suspended = null;
        double charged = pendingCycles;
        pendingCycles = 0;
        occupy(charged, charged, suspendedSeconds);
    }

    private void finish() {
        Job done = current;
        current = null;
        done.end(this);
        if (!irqQueue.isEmpty()) {
            startNext();
        } else if (suspended != null) {
            resume();
        } else if (!threadQueue.isEmpty()) {
            startNext();
        } else if (pendingCycles > 0) {
            run(TAIL);
        } else {
            halt();
        }
    }

    private void halt() {
        busy = false;
        idleSince = sim.now();
        lastThread = null;
        if (host != null && !host.idle()) {
            return;
        }
        if (level >= 1) {
            Platform p = sim.platform();
            accounts.book(p.event(level, GuestEvent.HALT));
            accounts.book(p.event(level, GuestEvent.TIMER_PROGRAM));
            if (leaf) {
                accounts.count(Counter.HALTS, 1);
                accounts.count(Counter.TIMER_PROGRAMS, 1);
            }
        }
    }

    /** The end of a job's non-preemptible start, when interrupt work that arrived meanwhile preempts it. */
    private final class PreemptionPoint extends SimEvent {
        boolean pending;

        PreemptionPoint(Sim owner) {
            super(owner);
        }

        @Override
        protected void fire() {
            pending = false;
            if (!irqQueue.isEmpty()) {
                preemptWhenPossible();
            }
        }
    }

    private final class Completion extends SimEvent {
        Completion(Sim owner) {
            super(owner);
        }

        @Override
        protected void fire() {
            finish();
        }
    }
}
