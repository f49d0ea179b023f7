package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.StackParam;

/**
 * What crosses the network in the simulation: a small packet, or a GSO/TSO super-packet of up to 45 wire
 * segments handled as one skb by every software layer that does not segment it. Workloads tag packets with
 * their own {@code kind} and attachment.
 */
public final class Packet {

    /** The connection or flow it belongs to. */
    final int flow;
    /** The workload's tag (request, response, ACK, ...). */
    public final int kind;
    /** Payload bytes. */
    final int bytes;
    /** Wire segments (1 for a small packet). */
    final int segments;
    /** True for a TCP segment that only acknowledges (and updates the window). */
    public final boolean pureAck;
    /** True for the marker of a transmit completion raised by a physical NIC. */
    final boolean txCompletion;
    /** When it was created, in simulated seconds. */
    double createdAt;
    /** The workload's attachment. */
    public Object data;
    /** A client's FIN for the connection before this request's, which the server's listener ends (Apache's lingering close). */
    public boolean closesPrevious;

    private Packet(int flow, int kind, int bytes, int segments, boolean pureAck, boolean txCompletion) {
        this.flow = flow;
        this.kind = kind;
        this.bytes = bytes;
        this.segments = segments;
        this.pureAck = pureAck;
        this.txCompletion = txCompletion;
    }

    /** A data packet of {@code bytes} payload, as many MSS-sized segments as it needs. */
    public static Packet data(int flow, int kind, int bytes) {
        return new Packet(flow, kind, bytes, segmentsOf(bytes), false, false);
    }

    /** Wire segments needed for {@code bytes} of payload. */
    public static int segmentsOf(int bytes) {
        int mss = (int) StackParam.MSS_BYTES.value();
        return Math.max(1, (bytes + mss - 1) / mss);
    }

    public static Packet ack(int flow, int kind) {
        return new Packet(flow, kind, 0, 1, true, false);
    }

    static Packet completion() {
        return new Packet(-1, -1, 0, 1, false, true);
    }

    /** Bytes on the wire: per segment its payload, headers, FCS, preamble and gap, at least a minimum frame. */
    double wireBytes() {
        double overhead = StackParam.FRAME_OVERHEAD_BYTES.value();
        double min = StackParam.MIN_FRAME_BYTES.value();
        if (segments == 1) {
            return Math.max(min, bytes + overhead);
        }
        return bytes + segments * overhead;
    }
}
