package dev.nestsim.model.workload.apps;

/**
 * One exchange of a request: the client sends some packets, the server works on them (in its receive softirq or
 * in an application thread) and answers with some skbs, and the client waits for all of them before the next
 * round. A 1-byte netperf transaction is one round; an Apache request over a fresh connection is five
 * (handshake, GET, two ACK-clocked bursts, close); a sysbench transaction is 21 (one per statement).
 *
 * @param name          what it is, for people
 * @param clientAcks    pure ACKs the client sends before its data packet
 * @param requestBytes  payload of the client's data packet, 0 for none (then the last ACK ends the round)
 * @param app           true when an application thread does the server's work, false for the softirq
 * @param accept        true when a listener thread accepts the connection and hands it to a worker first
 * @param serverCycles  mean server work beyond the generic per-packet receive and send costs, in cycles
 * @param flush         true when the server must flush its redo log (group commit) before answering
 * @param responseSkbs  skbs the server sends back, at least 1
 * @param responseBytes their total payload
 * @param clientCycles  the client's application work for the round, in cycles (its kernel costs are added)
 * @param unmapPages    pages the application thread unmaps after its writes of this round (a file it mapped to send
 *                      it), 0 for none: the TLB shootdown of {@link TlbShootdown}
 * @param lingering     true when the round's first client packet is the FIN of the connection before, which wakes the
 *                      listener thread to finish that connection's lingering close (Apache's mpm_event)
 */
record Round(String name, int clientAcks, int requestBytes, boolean app, boolean accept, double serverCycles,
             boolean flush, int responseSkbs, int responseBytes, double clientCycles, int unmapPages, boolean lingering) {

    /** A round that unmaps nothing. */
    Round(String name, int clientAcks, int requestBytes, boolean app, boolean accept, double serverCycles,
          boolean flush, int responseSkbs, int responseBytes, double clientCycles) {
        this(name, clientAcks, requestBytes, app, accept, serverCycles, flush, responseSkbs, responseBytes, clientCycles, 0, false);
    }

    Round {
        if (clientAcks < 0 || requestBytes < 0 || (clientAcks == 0 && requestBytes == 0)) {
            throw new IllegalArgumentException("round " + name + ": the client must send at least one packet");
        }
        if (responseSkbs < 1 || responseBytes < 0) {
            throw new IllegalArgumentException("round " + name + ": the server must answer with at least one skb");
        }
        if (!(serverCycles >= 0) || !(clientCycles >= 0)) {
            throw new IllegalArgumentException("round " + name + ": cycles must be non-negative");
        }
        if (accept && !app) {
            throw new IllegalArgumentException("round " + name + ": only an application round is accepted by a listener");
        }
        if (unmapPages < 0 || (unmapPages > 0 && !app)) {
            throw new IllegalArgumentException("round " + name + ": only an application thread unmaps, and not a negative count");
        }
    }

    /** The same round, whose thread then unmaps {@code pages} pages. */
    Round unmapping(int pages) {
        return new Round(name, clientAcks, requestBytes, app, accept, serverCycles, flush, responseSkbs, responseBytes,
                clientCycles, pages, lingering);
    }

    /** The same round, whose first client packet closes the connection before (see {@code lingering}). */
    Round closingThePrevious() {
        if (clientPackets() < 2) {
            throw new IllegalArgumentException("round " + name + ": the FIN must come before the round's own packet");
        }
        return new Round(name, clientAcks, requestBytes, app, accept, serverCycles, flush, responseSkbs, responseBytes,
                clientCycles, unmapPages, true);
    }

    /** Packets the client sends in this round. */
    int clientPackets() {
        return clientAcks + (requestBytes > 0 ? 1 : 0);
    }

    /** Payload per response skb. */
    int bytesPerSkb() {
        return responseBytes / responseSkbs;
    }
}
