package dev.nestsim.model.workload;

import java.util.function.Consumer;
import umontreal.ssj.rng.RandomStream;

/**
 * One direction of the physical link between the client machine and the server's NIC: packets are serialized
 * one after another at line rate, then arrive after the fixed one-way latency ({@link StackParam#WIRE_LATENCY_NS})
 * with a small jitter.
 */
final class Wire {

    /** Relative jitter of the one-way latency (uniform, plus or minus). */
    static final double LATENCY_JITTER = 0.1;

    private final Sim sim;
    private final double bitsPerSecond;
    private final double latencySeconds;
    private final RandomStream jitter;
    private final Consumer<Packet> receiver;
    private double busyUntil;
    private double bytesSent;

    Wire(Sim sim, Consumer<Packet> receiver) {
        this.sim = sim;
        this.bitsPerSecond = sim.platform().lineRateBitsPerSecond();
        this.latencySeconds = StackParam.WIRE_LATENCY_NS.value() * 1e-9;
        this.jitter = sim.stream(Source.NETWORK);
        this.receiver = receiver;
    }

    /** Sends {@code packet}; it reaches the other end after queueing, serialization and latency. */
    void send(Packet packet) {
        double now = sim.now();
        double start = Math.max(now, busyUntil);
        busyUntil = start + packet.wireBytes() * 8 / bitsPerSecond;
        bytesSent += packet.wireBytes();
        double latency = latencySeconds * (1 + LATENCY_JITTER * (2 * jitter.nextDouble() - 1));
        new SimEvent(sim) {
            @Override
            void fire() {
                receiver.accept(packet);
            }
        }.after(busyUntil - now + latency);
    }

    /** Seconds of transmission queued ahead of a packet sent now. */
    double backlogSeconds() {
        return Math.max(0, busyUntil - sim.now());
    }

    double bytesSent() {
        return bytesSent;
    }
}
