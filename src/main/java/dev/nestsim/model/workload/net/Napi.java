package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Charge;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.StackParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One NAPI instance: a receive queue polled on one CPU (virtio_net.c virtnet_poll, budget 64). An interrupt is raised only when the instance
 * is not already scheduled (virtio event suppression and NAPI masking: packets that arrive while it polls join
 * the next poll without an interrupt); a poll handles at most 64 packets ({@code napi_weight}) and reschedules
 * itself while packets remain, then re-enables the interrupt.
 */
final class Napi {

    static final int WEIGHT = 64;
    /**
     * Packets handled per simulation job: a poll of up to {@link #WEIGHT} runs as jobs of this many, so that each
     * packet's effect (a wake-up, a forward) happens close to when the poll reached it. Costs do not depend on it.
     */
    static final int CHUNK = 8;

    private final Cpu cpu;
    private final RxConsumer consumer;
    private final Charge perInterrupt;
    private final ArrayDeque<Packet> queue = new ArrayDeque<>();
    private final List<Packet> batch = new ArrayList<>(CHUNK);
    private final Poll poll = new Poll();
    private boolean scheduled;
    private boolean interrupted;

    /**
     * @param perInterrupt what each interrupt costs the handler beyond the poll (an emulated NIC's register
     *                     accesses), or {@code null}
     */
    Napi(Cpu cpu, RxConsumer consumer, Charge perInterrupt) {
        this.cpu = cpu;
        this.consumer = consumer;
        this.perInterrupt = perInterrupt;
    }

    Cpu cpu() {
        return cpu;
    }

    void enqueue(Packet packet) {
        queue.add(packet);
    }

    /** Marks the instance scheduled; true when it was not, so the caller must raise the interrupt. */
    boolean claimInterrupt() {
        if (scheduled) {
            return false;
        }
        scheduled = true;
        return true;
    }

    /** Raises the interrupt (after {@link #claimInterrupt} said so) from software at level {@code s}. */
    void raise(Cpu from, int s) {
        interrupted = true;
        Signals.send(cpu.sim, from, s, cpu, poll, 0);
    }

    /** Queues {@code packet} and interrupts the polling CPU unless the instance is already scheduled. */
    void deliver(Packet packet, Cpu from, int s) {
        queue.add(packet);
        if (claimInterrupt()) {
            raise(from, s);
        }
    }

    private final class Poll extends Job {
        @Override
        protected boolean irqContext() {
            return true;
        }

        @Override
        protected double begin(Cpu on) {
            double own = 0;
            double charged = 0;
            if (interrupted) {
                interrupted = false;
                own += StackParam.IRQ_NAPI_ENTRY.value();
                if (perInterrupt != null) {
                    on.accounts().book(perInterrupt);
                    charged += perInterrupt.cycles();
                }
            }
            on.accounts().work(on.level, own);
            batch.clear();
            double consumed = 0;
            while (batch.size() < CHUNK && !queue.isEmpty()) {
                Packet p = queue.poll();
                batch.add(p);
                consumed += consumer.rxCycles(p);
            }
            return own + charged + consumed;
        }

        @Override
        protected void end(Cpu on) {
            for (Packet p : batch) {
                consumer.accept(on, p);
            }
            batch.clear();
            if (!queue.isEmpty()) {
                on.submit(this);
            } else {
                scheduled = false;
            }
        }
    }
}
