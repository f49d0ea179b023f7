package dev.nestsim.model.workload;

/**
 * A piece of work a {@link Cpu} runs: a NAPI poll, a vhost pass, an application thread's turn. Interrupt-context
 * jobs run before thread jobs queued on the same CPU and suspend a thread's job that is running; they are never
 * suspended themselves.
 */
abstract class Job {

    /** True for interrupt and softirq context (NAPI, interrupt relays), false for threads. */
    boolean irqContext() {
        return false;
    }

    /** The thread this job runs as, for context-switch accounting, or {@code null} for interrupt context. */
    Object thread() {
        return null;
    }

    /** Called when the job starts: returns its cycles, having booked them. */
    abstract double begin(Cpu cpu);

    /** Called when the job ends, on the same CPU. */
    abstract void end(Cpu cpu);
}
