package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Cpu;

/** What a NAPI poll does with each received packet: its cost in the poll, then its effect at the poll's end. */
public interface RxConsumer {

    /** Cycles of the poll for this packet, which the consumer books itself (on the polling CPU's accounts). */
    double rxCycles(Packet packet);

    /** The packet's effect once the poll that processed it ends (wake a thread, forward it, send an ACK). */
    void accept(Cpu cpu, Packet packet);
}
