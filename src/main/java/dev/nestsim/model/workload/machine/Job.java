package dev.nestsim.model.workload.machine;

/**
 * A piece of work a {@link Cpu} runs: a NAPI poll, a vhost pass, an application thread's turn. Interrupt-context
 * jobs run before thread jobs queued on the same CPU and suspend a thread's job that is running; they are never
 * suspended themselves.
 */
public abstract class Job {

    /** True for interrupt and softirq context (NAPI, interrupt relays), false for threads. */
    protected boolean irqContext() {
        return false;
    }

    /** The thread this job runs as, for context-switch accounting, or {@code null} for interrupt context. */
    protected Object thread() {
        return null;
    }

    /** Called when the job starts: returns its cycles, having booked them. */
    protected abstract double begin(Cpu cpu);

    /** Called when the job ends, on the same CPU. */
    protected abstract void end(Cpu cpu);
}
