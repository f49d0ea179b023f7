package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Accounts;
import dev.nestsim.model.workload.machine.Charge;
import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Jitter;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.SimEvent;
import dev.nestsim.model.workload.machine.Source;
import dev.nestsim.model.workload.machine.StackParam;
import dev.nestsim.model.exits.GuestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import umontreal.ssj.rng.RandomStream;

/**
 * MySQL's redo-log flush at COMMIT with group commit ({@code innodb_flush_log_at_trx_commit = 1}, the MySQL 5.7 default): one
 * write and flush in flight at a time; commits that arrive meanwhile wait for the next one, which serves them
 * all. The flush goes through virtio-blk at every level (the parent's QEMU, in user space, writes the level's
 * own disk image, which is a virtio-blk disk of the level below) down to the physical disk, and its completion
 * interrupt climbs back. The QEMU work of each level is booked to that level without modelling its CPU's queue.
 */
final class RedoLog {

    private final Sim sim;
    private final Cpu interruptCpu;
    private final BiConsumer<Cpu, Conversation> resume;
    private final RandomStream disk;
    private final List<Conversation> waiting = new ArrayList<>();
    private final List<Conversation> group = new ArrayList<>();
    private boolean flushing;
    private final Job completion = new Job() {
        @Override
        protected boolean irqContext() {
            return true;
        }

        @Override
        protected double begin(Cpu cpu) {
            double cycles = StackParam.IRQ_NAPI_ENTRY.value();
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        protected void end(Cpu cpu) {
            flushing = false;
            for (Conversation c : group) {
                resume.accept(cpu, c);
            }
            group.clear();
            if (!waiting.isEmpty()) {
                flush(cpu);
            }
        }
    };

    /**
     * @param interruptCpu the leaf CPU that takes the disk's interrupt
     * @param resume       what a committed transaction does next, on the CPU that learned of the flush
     */
    RedoLog(Sim sim, Cpu interruptCpu, BiConsumer<Cpu, Conversation> resume) {
        this.sim = sim;
        this.interruptCpu = interruptCpu;
        this.resume = resume;
        this.disk = sim.stream(Source.DISK);
    }

    /** The thread on {@code cpu} commits {@code conversation}'s transaction and waits for the log to be flushed. */
    void commit(Cpu cpu, Conversation conversation) {
        waiting.add(conversation);
        if (!flushing) {
            flush(cpu);
        }
    }

    private void flush(Cpu leader) {
        flushing = true;
        group.addAll(waiting);
        waiting.clear();
        Platform p = sim.platform();
        int n = p.leafLevel();
        leader.work(StackParam.NATIVE_BLK_REQUEST.value());
        if (n >= 1) {
            leader.charge(p.blockKick(n));
            leader.accounts().count(Counter.KICKS, 1);
        }
        double latencyCycles = (n >= 1 ? p.blockKick(n).cycles() : 0) + down(p, n) + up(p, n);
        double flushSeconds = Jitter.of(StackParam.DISK_FLUSH_US.value() * 1e-6, 0.2, disk);
        new SimEvent(sim) {
            @Override
            protected void fire() {
                Signals.send(sim, null, Signals.HARDWARE, interruptCpu, completion, 0);
            }
        }.after(sim.seconds(latencyCycles) + flushSeconds);
    }

    /** The write's way down: each level's QEMU, then its own disk's doorbell (native submission at L0). Books, returns cycles. */
    private double down(Platform p, int n) {
        Accounts accounts = sim.accounts();
        double cycles = 0;
        for (int k = n - 1; k >= 0; k--) {
            double qemu = StackParam.QEMU_BLK_REQUEST.value();
            accounts.work(k, qemu);
            cycles += qemu;
            Charge submit = k >= 1 ? p.blockKick(k) : Charge.work(p.levels(), 0, StackParam.NATIVE_BLK_REQUEST.value());
            accounts.book(submit);
            cycles += submit.cycles();
        }
        return cycles;
    }

    /** The completion's way up: each level below the leaf injects the interrupt into the next and handles it. */
    private double up(Platform p, int n) {
        Accounts accounts = sim.accounts();
        double cycles = 0;
        for (int k = 1; k < n; k++) {
            Charge hop = p.event(k - 1, GuestEvent.IPI_SEND).plus(p.event(k, GuestEvent.INTERRUPT_DELIVERY))
                    .plus(Charge.work(p.levels(), k, StackParam.IRQ_NAPI_ENTRY.value()));
            accounts.book(hop);
            cycles += hop.cycles();
        }
        if (n >= 1) {
            accounts.book(p.event(n - 1, GuestEvent.IPI_SEND));
        }
        return cycles;
    }
}
