package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.StackParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The device backend that hypervisor level k runs for the virtio (or emulated) NIC of level k + 1: a vhost-net
 * worker thread serving both queues, or QEMU's e1000 emulation (drivers/vhost/net.c handle_tx/handle_rx; QEMU hw/net/e1000.c). It sleeps with guest
 * notifications enabled; a doorbell (or a packet from the host side) wakes it. {@code handle_tx} and {@code handle_rx}
 * are separate work items of the one worker (Linux 4.18 vhost_worker): each runs until its queue is empty or it has
 * handled 256 packets, then the other runs. Transmit notifications stay disabled while {@code handle_tx} runs, so
 * packets the guest adds meanwhile need no doorbell (EVENT_IDX); it re-enables them when it finds the ring empty, which
 * is after its last {@code sendmsg} has returned, the doorbell that send rang on the level below included, and
 * whatever {@code handle_rx} still has to do.
 */
final class Backend {

    static final int WEIGHT = 256;
    /** Packets per queue handled per simulation job (a pass of up to {@link #WEIGHT} runs as such jobs). */
    static final int CHUNK = 16;

    private final ServerNet net;
    private final int level;
    private final Cpu cpu;
    private final boolean emulated;
    private final ArrayDeque<Packet> tx = new ArrayDeque<>();
    private final ArrayDeque<Packet> rx = new ArrayDeque<>();
    private final List<Packet> txBatch = new ArrayList<>();
    private final List<Packet> rxBatch = new ArrayList<>();
    private final Pass pass = new Pass();
    private boolean active;
    private boolean txArmed = true;
    /** Which queue's handler the worker runs: {@code handle_tx} and {@code handle_rx} are separate work items. */
    private boolean txTurn = true;
    /** Packets the running handler has handled since it started (it yields at {@link #WEIGHT}). */
    private int handled;
    private int kicksInFlight;

    Backend(ServerNet net, int level, Cpu cpu, boolean emulated) {
        this.net = net;
        this.level = level;
        this.cpu = cpu;
        this.emulated = emulated;
    }

    int level() {
        return level;
    }

    /** The CPU its worker thread runs on. */
    Cpu cpu() {
        return cpu;
    }

    /** True when the guest must ring the doorbell to get a packet processed (the backend sleeps, none on its way). */
    boolean needsKick() {
        return emulated || (txArmed && kicksInFlight == 0);
    }

    /** A doorbell was rung for a packet that will be {@link #kickArrived handed over} when the exit signals. */
    void kicked(Packet packet) {
        kicksInFlight++;
        txArmed = false;
        tx.add(packet);
    }

    /** The doorbell's ioeventfd woke the worker (the cascade paid the wake-up): it runs a pass. */
    void kickArrived() {
        kicksInFlight--;
        activate();
    }

    /** A guest packet to send, added while the worker is awake (no doorbell needed). */
    void enqueueTx(Packet packet) {
        tx.add(packet);
        txArmed = false;
        if (kicksInFlight == 0) {
            activate();
        }
    }

    /** A packet from the level below for the guest; the host-side poll on {@code from} wakes the worker if it sleeps. */
    void enqueueRx(Packet packet, Cpu from) {
        rx.add(packet);
        if (!active && kicksInFlight == 0) {
            active = true;
            from.work(StackParam.THREAD_WAKE.value());
            Signals.send(from.sim, from, from.level, cpu, pass, StackParam.SCHED_IPI_HANDLER.value());
        }
    }

    private void activate() {
        if (!active) {
            active = true;
            cpu.submit(pass);
        }
    }

    private double txCycles(Packet p) {
        double copy = p.bytes >= 256 ? Math.ceil(p.bytes / 4096.0) * StackParam.VHOST_ZEROCOPY_PER_PAGE.value()
                : p.bytes * StackParam.VHOST_COPY_PER_BYTE.value();
        double lower = level == 0 ? StackParam.NIC_XMIT.value() : StackParam.HV_VIRTIO_TX.value();
        return StackParam.VHOST_PACKET.value() + copy + StackParam.BRIDGE_PACKET.value() + lower
                + (emulated ? StackParam.E1000_PACKET.value() : 0);
    }

    private double rxCycles(Packet p) {
        return StackParam.VHOST_PACKET.value() + p.bytes * StackParam.VHOST_COPY_PER_BYTE.value()
                + (emulated ? StackParam.E1000_PACKET.value() : 0);
    }

    /**
     * The end of {@code handle_tx}'s last {@code sendmsg}: it runs after what that send charged to the worker's CPU (a
     * doorbell of the level below), then re-enables the guest's notifications if the ring is still empty
     * ({@code vhost_enable_notify}); a packet the guest added meanwhile is taken without one.
     */
    private final Job reArm = new Job() {
        @Override
        protected Object thread() {
            return Backend.this;
        }

        @Override
        protected double begin(Cpu on) {
            return 0;
        }

        @Override
        protected void end(Cpu on) {
            if (tx.isEmpty()) {
                txArmed = true;
            }
            pass.next(on);
        }
    };

    /** One pass of the worker thread over both queues. */
    private final class Pass extends Job {
        @Override
        protected Object thread() {
            return Backend.this;
        }

        @Override
        protected double begin(Cpu on) {
            if (txTurn ? tx.isEmpty() : rx.isEmpty()) {
                switchHandler();
            }
            double cycles = 0;
            txBatch.clear();
            rxBatch.clear();
            int room = Math.min(CHUNK, WEIGHT - handled);
            if (txTurn) {
                while (txBatch.size() < room && !tx.isEmpty()) {
                    Packet p = tx.poll();
                    txBatch.add(p);
                    cycles += txCycles(p);
                }
            } else {
                while (rxBatch.size() < room && !rx.isEmpty()) {
                    Packet p = rx.poll();
                    rxBatch.add(p);
                    cycles += rxCycles(p);
                }
                cycles += StackParam.IRQFD_INJECT.value();
            }
            on.accounts().work(on.level, cycles);
            return cycles;
        }

        @Override
        protected void end(Cpu on) {
            for (Packet p : txBatch) {
                net.down(Backend.this, on, p);
            }
            for (Packet p : rxBatch) {
                net.up(Backend.this, on, p);
            }
            boolean sent = !txBatch.isEmpty();
            handled += txBatch.size() + rxBatch.size();
            txBatch.clear();
            rxBatch.clear();
            if (txTurn && tx.isEmpty() && sent) {
                // handle_tx finds the ring empty only once its last sendmsg returned, doorbell of the level below included
                on.submit(reArm);
                return;
            }
            next(on);
        }

        /** After a chunk: the handler yields at its weight or when its queue is empty; the worker sleeps when both are. */
        void next(Cpu on) {
            if (handled >= WEIGHT || (txTurn ? tx.isEmpty() : rx.isEmpty())) {
                switchHandler();
            }
            if (!tx.isEmpty() || !rx.isEmpty()) {
                on.submit(this);
            } else {
                active = false;
            }
        }

        /** The worker moves on to the other queue's handler (the one that ran requeues itself behind it at its weight). */
        private void switchHandler() {
            txTurn = !txTurn;
            handled = 0;
        }
    }
}
