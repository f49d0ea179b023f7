package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.StackParam;
import java.util.ArrayDeque;
import java.util.function.BiPredicate;

/**
 * The transmit qdisc in front of a guest's single-queue virtio-net device, which every vCPU sends through. One CPU at a
 * time runs it (Linux 4.18 net/core/dev.c {@code __dev_xmit_skb}: {@code qdisc_run_begin} is a trylock of the qdisc's
 * seqlock for pfifo_fast, a test of its running seqcount otherwise): a CPU that finds it running only enqueues its
 * packet and returns, and the owner, once its own {@code start_xmit} returns, dequeues and sends the queued packets one
 * by one ({@code __qdisc_run}). Since the driver calls {@code virtqueue_kick} inside {@code start_xmit}, the owner holds
 * the qdisc for the whole doorbell exit: the packets other vCPUs send meanwhile reach the ring only after it, one at a
 * time, and each is a doorbell again if the backend emptied the ring and re-armed its notifications in the meantime.
 * virtio-net in 4.18 does not account its queue for byte queue limits, so {@code qdisc_avail_bulklimit} is 0, the qdisc
 * never dequeues in bulk, and no packet goes out with {@code xmit_more} (sch_generic.c {@code try_bulk_dequeue_skb}).
 *
 * <p>Not modelled: the 64-packet quota after which the owner defers the rest to its NET_TX softirq (it then sends
 * them on the same CPU a little later), and the busylock of a contended locked qdisc.
 */
final class Qdisc {

    /** Packets the owner sends before it yields the qdisc and reschedules itself ({@code dev_tx_weight}). */
    static final int QUOTA = 64;

    private final ArrayDeque<Packet> queue = new ArrayDeque<>();
    /** Sends one packet to the device from a CPU; true when that rang the doorbell (its exit is charged to the CPU). */
    private final BiPredicate<Cpu, Packet> startXmit;
    private boolean running;

    Qdisc(BiPredicate<Cpu, Packet> startXmit) {
        this.startXmit = startXmit;
    }

    /**
     * A CPU sends {@code packet} at the end of a job: it joins the queue, and unless another CPU holds the qdisc this
     * one takes it and sends from the head (its own packet, when nothing older waits, goes straight to the device).
     */
    void transmit(Cpu cpu, Packet packet) {
        queue.add(packet);
        if (!running) {
            running = true;
            new Run().drain(cpu, false);
        }
    }

    /** One CPU's hold of the qdisc: {@code __qdisc_run}, which pauses while a doorbell it rang is in flight. */
    private final class Run extends Job {
        private int sent;

        /** Sends from the head until a doorbell (resumed by {@link #end}), the quota, or an empty queue. */
        void drain(Cpu cpu, boolean dequeueCost) {
            boolean charge = dequeueCost;
            while (!queue.isEmpty()) {
                if (sent == QUOTA) {
                    running = false;
                    cpu.submit(new NetTx());
                    return;
                }
                Packet next = queue.poll();
                if (charge) {
                    cpu.work(StackParam.QDISC_XMIT.value());
                }
                charge = true;
                sent++;
                if (startXmit.test(cpu, next)) {
                    cpu.submit(this);
                    return;
                }
            }
            running = false;
        }

        @Override
        protected boolean irqContext() {
            return true;
        }

        @Override
        protected double begin(Cpu cpu) {
            return 0;
        }

        @Override
        protected void end(Cpu cpu) {
            drain(cpu, true);
        }
    }

    /** The NET_TX softirq the owner raised when it used its quota ({@code __netif_schedule}): it runs the qdisc again if free. */
    private final class NetTx extends Job {
        @Override
        protected boolean irqContext() {
            return true;
        }

        @Override
        protected double begin(Cpu cpu) {
            return 0;
        }

        @Override
        protected void end(Cpu cpu) {
            if (!running && !queue.isEmpty()) {
                running = true;
                new Run().drain(cpu, true);
            }
        }
    }
}
