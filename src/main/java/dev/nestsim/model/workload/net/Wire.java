package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.SimEvent;
import dev.nestsim.model.workload.machine.Source;
import dev.nestsim.model.workload.machine.StackParam;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import umontreal.ssj.rng.RandomStream;

/**
 * One direction of the physical link between the client machine and the server's NIC: packets are serialized
 * one after another at line rate, then arrive after the one-way latency ({@link StackParam#WIRE_LATENCY_NS}) with
 * a small jitter, in the order they were sent (a link does not reorder). One pending simulation event per
 * direction, whatever the number of packets in flight.
 */
final class Wire {

    /** Relative jitter of the one-way latency (uniform, plus or minus). */
    static final double LATENCY_JITTER = 0.1;

    private final Sim sim;
    private final double bitsPerSecond;
    private final double latencySeconds;
    private final RandomStream jitter;
    private final Consumer<Packet> receiver;
    private final ArrayDeque<Packet> inFlight = new ArrayDeque<>();
    private double[] arrivals = new double[64];
    private int head;
    private int count;
    private final Arrival arrival;
    private double busyUntil;
    private double lastArrival;
    private boolean scheduled;

    Wire(Sim sim, Consumer<Packet> receiver) {
        this.sim = sim;
        this.bitsPerSecond = sim.platform().lineRateBitsPerSecond();
        this.latencySeconds = StackParam.WIRE_LATENCY_NS.value() * 1e-9;
        this.jitter = sim.stream(Source.NETWORK);
        this.receiver = receiver;
        this.arrival = new Arrival(sim);
    }

    /** Sends {@code packet}; it reaches the other end after queueing, serialization and latency. */
    void send(Packet packet) {
        double now = sim.now();
        busyUntil = Math.max(now, busyUntil) + packet.wireBytes() * 8 / bitsPerSecond;
        double latency = latencySeconds * (1 + LATENCY_JITTER * (2 * jitter.nextDouble() - 1));
        lastArrival = Math.max(lastArrival, busyUntil + latency);
        inFlight.add(packet);
        if (count == arrivals.length) {
            double[] grown = new double[count * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = arrivals[(head + i) % arrivals.length];
            }
            arrivals = grown;
            head = 0;
        }
        arrivals[(head + count++) % arrivals.length] = lastArrival;
        if (!scheduled) {
            scheduled = true;
            arrival.after(lastArrival - now);
        }
    }

    /** Seconds of transmission queued ahead of a packet sent now. */
    double backlogSeconds() {
        return Math.max(0, busyUntil - sim.now());
    }

    private final class Arrival extends SimEvent {
        Arrival(Sim owner) {
            super(owner);
        }

        @Override
        protected void fire() {
            Packet packet = inFlight.poll();
            head = (head + 1) % arrivals.length;
            count--;
            if (count == 0) {
                scheduled = false;
            } else {
                after(Math.max(0, arrivals[head] - sim.now()));
            }
            receiver.accept(packet);
        }
    }
}
