package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.StackParam;

/**
 * A guest hypervisor that relays an assigned device's interrupt to its guest (physical passthrough, or
 * virtual-passthrough without DVH's posted interrupts): its vfio interrupt handler signals an eventfd and its
 * KVM injects the interrupt one level up (vfio_msihandler, irqfd). Interrupts cross every such level.
 */
final class Relay {

    private final int level;
    private final Cpu cpu;
    private final Relay next;
    private final Napi target;
    private final Job job = new Job() {
        @Override
        protected boolean irqContext() {
            return true;
        }

        @Override
        protected double begin(Cpu on) {
            double cycles = StackParam.VFIO_IRQ_RELAY.value();
            on.accounts().work(on.level, cycles);
            return cycles;
        }

        @Override
        protected void end(Cpu on) {
            if (next != null) {
                next.raise(on, level);
            } else {
                target.raise(on, level);
            }
        }
    };

    /** A relay at {@code level} on {@code cpu} that passes the interrupt to {@code next}, or to {@code target} at the top. */
    Relay(int level, Cpu cpu, Relay next, Napi target) {
        this.level = level;
        this.cpu = cpu;
        this.next = next;
        this.target = target;
    }

    /** The interrupt arrives from software at level {@code s} (or {@link Signals#HARDWARE}). */
    void raise(Cpu from, int s) {
        Signals.send(cpu.sim, from, s, cpu, job, 0);
    }
}
