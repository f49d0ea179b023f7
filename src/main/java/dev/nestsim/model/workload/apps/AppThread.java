package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.StackParam;
import java.util.ArrayDeque;

/**
 * An application thread of the leaf (or of the client machine) that sleeps until work is handed to it. Handing
 * work to a sleeping thread wakes it: {@code try_to_wake_up} on the waker, and, when the thread's CPU is another
 * one, a reschedule IPI (kernel/sched/core.c ttwu_queue: in the paper's VMs every vCPU is its own socket, so every cross-CPU wake-up
 * takes the IPI path; natively an idle CPU in MWAIT needs none). Once awake it handles the items one after the
 * other, as an event loop does, and sleeps again when none is left.
 *
 * <p>A thread is either pinned to one CPU or free to move among several: then each wake-up places it as the
 * scheduler's wake-up path and load balancing do, on its previous CPU if that is idle, else on an idle one, else
 * on the least loaded (so a CPU busy with the receive softirq does not keep its share of threads waiting).
 *
 * <p>The thread is itself the {@link Job} that its CPU runs: one turn handles one item.
 *
 * @param <T> what is handed to the thread
 */
final class AppThread<T> extends Job {

    /** What a thread does with one item. */
    interface Body<T> {
        /**
         * Cycles to handle {@code item} (the body books them on {@code cpu}'s accounts); {@code woken} is true for
         * the first item after the thread slept (an event loop's {@code epoll_wait} that blocked).
         */
        double cycles(Cpu cpu, T item, boolean woken);

        /** The item's effects once handled (send a response, hand work on). */
        void done(Cpu cpu, T item);
    }

    private final Cpu[] cpus;
    private Cpu home;
    private final Body<T> body;
    /**
     * The oldest item waiting, kept in the thread itself: most threads hold one item at a time, and hackbench's
     * thousands of threads are each visited at random, so every object less to reach is a cache miss less.
     */
    private T first;
    private boolean waiting;
    /** The items waiting after {@link #first}, in order; created when the thread first holds two. */
    private ArrayDeque<T> more;
    private boolean runnable;
    private boolean woken;
    private T current;

    /** A thread pinned to {@code home}. */
    AppThread(Cpu home, Body<T> body) {
        this(home, new Cpu[] {home}, body);
    }

    /** A thread that starts on {@code home} and may run on any of {@code cpus}. */
    AppThread(Cpu home, Cpu[] cpus, Body<T> body) {
        this.home = home;
        this.cpus = cpus;
        this.body = body;
    }

    private void add(T item) {
        if (!waiting) {
            first = item;
            waiting = true;
        } else {
            if (more == null) {
                more = new ArrayDeque<>();
            }
            more.add(item);
        }
    }

    private T take() {
        T item = first;
        if (more != null && !more.isEmpty()) {
            first = more.poll();
        } else {
            first = null;
            waiting = false;
        }
        return item;
    }

    /** Where a waking thread runs: its previous CPU if idle, else the first idle one, else the least loaded. */
    private Cpu place() {
        if (cpus.length == 1 || home.idle()) {
            return home;
        }
        Cpu best = home;
        for (Cpu c : cpus) {
            if (c.idle()) {
                return c;
            }
            if (c.load() < best.load()) {
                best = c;
            }
        }
        return best;
    }

    Cpu home() {
        return home;
    }

    @Override
    protected Object thread() {
        return this;
    }

    @Override
    protected double begin(Cpu cpu) {
        current = take();
        boolean first = woken;
        woken = false;
        return body.cycles(cpu, current, first);
    }

    @Override
    protected void end(Cpu cpu) {
        T item = current;
        current = null;
        body.done(cpu, item);
        if (waiting) {
            cpu.submit(this);
        } else {
            runnable = false;
        }
    }

    /** Queues {@code item}; true when the thread slept and is now runnable, placed on its CPU for this wake-up. */
    private boolean queueWaking(T item) {
        add(item);
        if (runnable) {
            return false;
        }
        runnable = true;
        woken = true;
        home = place();
        return true;
    }

    /** Hands {@code item} to the thread from software on {@code waker}, waking the thread if it sleeps. */
    void handOver(Cpu waker, T item) {
        if (!queueWaking(item)) {
            return;
        }
        if (waker == null) {
            home.submit(this);
            return;
        }
        waker.work(StackParam.THREAD_WAKE.value());
        Signals.send(home.sim, waker, waker.level, home, this, StackParam.SCHED_IPI_HANDLER.value());
    }

    /** Hands {@code item} to the thread when a device interrupt arrives for it (a client machine's NIC). */
    void handOverFromDevice(T item) {
        if (!queueWaking(item)) {
            return;
        }
        Signals.send(home.sim, null, Signals.HARDWARE, home, this, StackParam.IRQ_NAPI_ENTRY.value());
    }
}
