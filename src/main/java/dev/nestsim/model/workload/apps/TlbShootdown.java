package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.StackParam;
import dev.nestsim.model.exits.GuestEvent;

/**
 * TLB shootdowns of one multi-threaded server process (Linux 4.18's {@code flush_tlb_mm_range}): when a thread unmaps
 * pages, the CPU flushes them itself and sends a call-function IPI to every other CPU in the address space's CPU mask,
 * then waits until each has flushed ({@code smp_call_function_many} with {@code wait}). A 4.18 guest's x2APIC is in
 * cluster mode (QEMU's FADT never forces physical destination mode), and {@code __x2apic_send_IPI_mask} writes the
 * ICR once per cluster of 16 CPUs: one exit for all the targets, whose handler delivers to each of them. The mask holds every CPU that
 * ran one of the process's threads and has not switched to another address space since, idle ones too: 4.18's lazy
 * TLB mode leaves an idle CPU in the mask, and the flush IPI is what makes it switch to {@code init_mm} and leave it
 * (4.19 stopped sending flushes to lazy CPUs). Each IPI is an ICR write at the leaf's level, priced by the cascade:
 * nested-slow without DVH's virtual IPIs; a halted target is woken for it.
 */
final class TlbShootdown {

    private final Sim sim;
    private final Cpu[] cpus;
    private final boolean[] inMask;
    private final Job[] flush;

    TlbShootdown(Sim sim, Cpu[] cpus) {
        this.sim = sim;
        this.cpus = cpus;
        this.inMask = new boolean[cpus.length];
        this.flush = new Job[cpus.length];
    }

    /** A thread of the process ran on {@code cpu}: the CPU holds its address space. */
    void ran(Cpu cpu) {
        int i = indexOf(cpu);
        if (i >= 0) {
            inMask[i] = true;
        }
    }

    /** The thread on {@code cpu} unmaps {@code pages} pages: it flushes them, shoots them down and waits. */
    void unmap(Cpu cpu, int pages) {
        double perPage = StackParam.TLB_FLUSH_PER_PAGE.value() * pages;
        cpu.work(perPage);
        Platform p = sim.platform();
        double wait = 0;
        boolean first = true;
        for (int i = 0; i < cpus.length; i++) {
            Cpu target = cpus[i];
            if (target == cpu || !inMask[i]) {
                continue;
            }
            int t = target.level;
            // the waiter spins until the slowest target has run the flush: a running one takes the interrupt, a halted one
            // is woken first (optimistically, while its hypervisor still polls it)
            double latency = (target.idle() ? p.event(t, GuestEvent.WAKEUP_POLLED).cycles() : p.event(t, GuestEvent.INTERRUPT_DELIVERY).cycles())
                    + p.event(t, GuestEvent.EOI).cycles() + StackParam.SHOOTDOWN_HANDLER.value() + perPage;
            wait = Math.max(wait, latency);
            if (target.idle()) {
                inMask[i] = false;
            }
            // one ICR write for all the targets (x2APIC cluster mode), so one exit; the hypervisor that emulates it
            // delivers to every further destination in the same exit
            int sender = first ? cpu.level : p.ipiHandler(cpu.level);
            first = false;
            Signals.send(sim, cpu, sender, target, flushJob(i), StackParam.SHOOTDOWN_HANDLER.value());
        }
        if (wait > 0) {
            cpu.work(wait);
            cpu.accounts().count(Counter.TLB_SHOOTDOWNS, 1);
        }
    }

    private Job flushJob(int i) {
        if (flush[i] == null) {
            flush[i] = new Job() {
                @Override
                protected boolean irqContext() {
                    return true;
                }

                @Override
                protected double begin(Cpu on) {
                    return 0;
                }

                @Override
                protected void end(Cpu on) {
                }
            };
        }
        return flush[i];
    }

    private int indexOf(Cpu cpu) {
        for (int i = 0; i < cpus.length; i++) {
            if (cpus[i] == cpu) {
                return i;
            }
        }
        return -1;
    }
}
