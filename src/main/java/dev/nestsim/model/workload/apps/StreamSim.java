package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.StackParam;
import dev.nestsim.model.workload.net.Packet;
import dev.nestsim.model.workload.net.RxConsumer;
import dev.nestsim.model.workload.net.ServerNet;
import dev.nestsim.model.workload.results.Measurement;
import dev.nestsim.model.workload.results.Outcome;

/**
 * The discrete-event simulation of netperf's bulk tests, TCP_STREAM (the client sends, the server receives) and
 * TCP_MAERTS (the server sends). Data moves in 64 KiB TSO/GSO units of 45 segments, the size the
 * stacks hand each other at 10 Gb/s ({@code tcp_tso_autosize}); the receiver's kernel acknowledges each unit with
 * one ACK (one per GRO skb) that also advertises its receive window, and the sender keeps at most a window of
 * units in flight: up to the advertised edge (data its peer's application has not read yet) and a congestion
 * window of unacknowledged units. netserver is pinned to CPU 2 ({@code -T ,2} and {@code -T 2,2} in the
 * artifact). Throughput is the receiving application's goodput, in Mbit/s.
 */
final class StreamSim {

    /** Payload of one unit: 45 segments of 1,448 bytes. */
    static final int UNIT_BYTES = (int) (StackParam.TSO_SEGMENTS.value() * StackParam.MSS_BYTES.value());
    /** Receive window in units: 2 MiB of the autotuned receive buffer (tcp_rmem max 6 MiB, about half advertised) [est]. */
    static final int RECEIVE_WINDOW_UNITS = 32;
    /** Congestion window in units, no loss on the dedicated link [est]. */
    static final int CONGESTION_WINDOW_UNITS = 64;

    private static final Object SEND = new Object();

    /** What an ACK tells the sender: units received, and the edge of the window the receiver advertises. */
    private record Ack(long received, long edge) {
    }

    private final Sim sim;
    private final boolean serverSends;
    private final ServerNet net;
    private final Measurement measurement;
    private final AppThread<Object> netserver;
    private final AppThread<Object> netperf;
    private final double copy = StackParam.COPY_PER_BYTE.value();
    private final double syscallsPerUnit;
    private long sent;
    private long knownReceived;
    private long knownEdge = RECEIVE_WINDOW_UNITS;
    private boolean senderBlocked;
    private long received;
    private long consumed;
    private long advertisedEdge = RECEIVE_WINDOW_UNITS;

    /**
     * @param serverSends true for TCP_MAERTS, false for TCP_STREAM
     * @param sendBytes   netperf's send (and receive) size: by default the socket buffer's, 16 KiB (Linux's default)
     */
    StreamSim(Sim sim, boolean serverSends, int sendBytes) {
        this.sim = sim;
        this.syscallsPerUnit = Math.ceil((double) UNIT_BYTES / sendBytes);
        this.serverSends = serverSends;
        this.measurement = new Measurement(sim);
        this.net = new ServerNet(sim, new ServerRx(), this::clientReceives);
        Cpu[] cpus = net.leafCpus();
        Cpu pinned = cpus[Math.min(2, cpus.length - 1)];
        this.netserver = new AppThread<>(pinned, serverSends ? new Sender() : new ServerReader());
        Cpu client = new Cpu(sim, 0, "client", sim.clientAccounts(), false);
        this.netperf = new AppThread<>(client, serverSends ? new ClientReader() : new Sender());
    }

    Outcome run(double warmupSeconds, double measureSeconds) {
        sender().handOver(null, SEND);
        measurement.startAfter(warmupSeconds);
        sim.runUntil(warmupSeconds + measureSeconds);
        return measurement.finish();
    }

    private AppThread<Object> sender() {
        return serverSends ? netserver : netperf;
    }

    private boolean windowOpen() {
        return sent < knownEdge && sent - knownReceived < CONGESTION_WINDOW_UNITS;
    }

    /** The receiver's kernel got a unit: its ACK, advertising the window left by what its application read. */
    private Packet ackForReceived() {
        received++;
        advertisedEdge = consumed + RECEIVE_WINDOW_UNITS;
        Packet ack = Packet.ack(0, 0);
        ack.data = new Ack(received, advertisedEdge);
        return ack;
    }

    /** The sender's kernel got an ACK: the window may open and wake the blocked sender. */
    private void senderGets(Packet packet, Cpu cpu) {
        Ack ack = (Ack) packet.data;
        knownReceived = Math.max(knownReceived, ack.received());
        knownEdge = Math.max(knownEdge, ack.edge());
        if (senderBlocked && windowOpen()) {
            senderBlocked = false;
            if (cpu == null) {
                sender().handOverFromDevice(SEND);
            } else {
                sender().handOver(cpu, SEND);
            }
        }
    }

    /** The sending application: one unit per turn (4 writes of 16 KiB, TSO) while the window is open. */
    private final class Sender implements AppThread.Body<Object> {
        @Override
        public double cycles(Cpu cpu, Object item, boolean woken) {
            double cycles = StackParam.SEND_TSO_SKB.value() + UNIT_BYTES * copy
                    + syscallsPerUnit * StackParam.SYSCALL_RECV.value();
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Object item) {
            Packet unit = Packet.data(0, 0, UNIT_BYTES);
            sent++;
            if (serverSends) {
                net.transmit(cpu, unit);
            } else {
                net.fromClient(unit);
            }
            if (windowOpen()) {
                sender().handOver(cpu, SEND);
            } else {
                senderBlocked = true;
            }
        }
    }

    /** netserver reading a unit; it reopens the window with an update once half of it was read. */
    private final class ServerReader implements AppThread.Body<Object> {
        @Override
        public double cycles(Cpu cpu, Object item, boolean woken) {
            double cycles = UNIT_BYTES * copy + syscallsPerUnit * StackParam.SYSCALL_RECV.value();
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Object item) {
            consumed++;
            measurement.done(UNIT_BYTES * 8e-6, -1);
            if (consumed + RECEIVE_WINDOW_UNITS - advertisedEdge >= RECEIVE_WINDOW_UNITS / 2) {
                advertisedEdge = consumed + RECEIVE_WINDOW_UNITS;
                Packet update = Packet.ack(0, 1);
                update.data = new Ack(received, advertisedEdge);
                net.transmit(cpu, update);
            }
        }
    }

    /** netperf on the client machine receiving a unit: its NIC's 45 frames with GRO, the copy, the ACK. */
    private final class ClientReader implements AppThread.Body<Object> {
        @Override
        public double cycles(Cpu cpu, Object item, boolean woken) {
            double cycles = StackParam.IRQ_NAPI_ENTRY.value()
                    + StackParam.TSO_SEGMENTS.value() * StackParam.RX_WIRE_FRAME.value() + StackParam.RX_PACKET.value()
                    + StackParam.ACK_TX.value() + UNIT_BYTES * copy + syscallsPerUnit * StackParam.SYSCALL_RECV.value();
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Object item) {
            consumed++;
            measurement.done(UNIT_BYTES * 8e-6, -1);
            net.fromClient(ackForReceived());
        }
    }

    /** The server's receive softirq: data is acknowledged and queued for netserver; ACKs reopen its window. */
    private final class ServerRx implements RxConsumer {
        @Override
        public double rxCycles(Packet packet) {
            double cycles = packet.pureAck ? 0 : StackParam.ACK_TX.value();
            sim.accounts().work(sim.platform().leafLevel(), cycles);
            return cycles;
        }

        @Override
        public void accept(Cpu cpu, Packet packet) {
            if (packet.pureAck) {
                senderGets(packet, cpu);
            } else {
                net.transmit(cpu, ackForReceived());
                netserver.handOver(cpu, packet);
            }
        }
    }

    /** The client machine's NIC: data goes to netperf's reader, ACKs to netperf's sending window. */
    private void clientReceives(Packet packet) {
        if (packet.pureAck) {
            senderGets(packet, null);
        } else {
            netperf.handOverFromDevice(packet);
        }
    }
}
