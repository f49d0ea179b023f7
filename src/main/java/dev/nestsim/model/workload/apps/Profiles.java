package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.StackParam;
import dev.nestsim.model.workload.net.Packet;

/**
 * The request/response profiles of the paper's application evaluation (the DVH artifact's run-benchmarks.sh commands, docs/workloads.md section 4): per
 * request, the rounds of packets exchanged and the server's and the client's CPU work. The events each causes
 * (doorbells, interrupts, IPIs, halts, timer writes) are deliberately not listed here: they follow from the
 * mechanisms the simulation runs (event suppression, NAPI, wake-ups, idle), priced by the exit cascade on the
 * leaf's path. Every figure is native CPU work, documented with its source or derivation; [est] marks an
 * estimate of a code path, never a value fitted to a virtualized measurement.
 */
public final class Profiles {

    private static final double CYCLES_PER_US = 2200;

    /** netserver's own work per transaction besides its recv and send syscalls [est]. */
    static final double NETSERVER_APP = 600;
    /** netperf's own work per transaction on the client [est]. */
    static final double NETPERF_APP = 600;

    /** memcached, binary protocol: parse, hash lookup (a miss for 99% of GETs: 1 SET per 10 GETs over 10 M random keys), response, libevent [est 2 us]. */
    static final double MEMCACHED_GET = 2.0 * CYCLES_PER_US;
    /** memcached SET of 32 bytes: parse, allocate, link the item [est 3 us]. */
    static final double MEMCACHED_SET = 3.0 * CYCLES_PER_US;
    /**
     * memtier_benchmark's own work per operation per thread besides its read and write syscalls: libevent
     * dispatch, binary-protocol parse, statistics, key generation and request formatting [est 2 us]. With the
     * kernel's receive and send a thread spends about 6 us per operation, so four threads cap the native rate
     * near 650k ops/s, about what memcached's four threads serve on four CPUs ([est] 3-6 us per operation);
     * a client-bound native of 150-300k [est] is not used, because Dall et al. (ISCA 2016) report single-level KVM losing
     * 26% on Memcached, which a client-bound native could not show.
     */
    static final double MEMTIER_APP = 2.0 * CYCLES_PER_US;
    static final int MEMTIER_GET_BYTES = 40;
    static final int MEMTIER_SET_BYTES = 80;
    static final int MEMCACHED_MISS_BYTES = 33;
    static final int MEMCACHED_STORED_BYTES = 24;

    /**
     * Apache 2.4 mpm_event per request in the worker: request parsing, the module hooks of a default Ubuntu
     * configuration, mapping the file, headers, the access log [est 70 us]; with the kernel's connection set-up,
     * the 47 KB write and about 20 ACKs the server spends about 130 us per request, inside the 100-200 us estimated for connection set-up, a 47 KB copy and ~30 packets.
     */
    static final double APACHE_REQUEST = 70.0 * CYCLES_PER_US;
    /** The kernel's SYN handling: request sock, SYN-ACK [est 3.5 us]. */
    static final double SYN_HANDLING = 3.5 * CYCLES_PER_US;
    /** The end of a lingering close, in the listener thread: the read that sees the client's FIN, close() and the socket's teardown [est 3.5 us]. */
    static final double CLOSE_HANDLING = 3.5 * CYCLES_PER_US;
    /** The GCC manual's index.html: 46,644 B body plus about 280 B of response headers (measured in github.com/chazy/kvmperf tools/gcc-html.tar.gz). */
    public static final int APACHE_PAGE_BYTES = 46_644;
    static final int APACHE_HEADER_BYTES = 280;
    static final int MSS = (int) StackParam.MSS_BYTES.value();
    static final int PAGE_BYTES = 4096;
    /** The largest skb the stacks hand each other: a 64 KiB TSO/GSO unit of 45 segments. */
    static final int UNIT = StreamSim.UNIT_BYTES;
    /** ab per request: connect, send the GET, parse the response, close [est 10 us, besides the kernel's receive]. */
    static final double AB_REQUEST = 10.0 * CYCLES_PER_US;

    private Profiles() {
    }

    /**
     * netperf TCP_RR: one connection, one transaction in flight, a request and a response of the given
     * sizes (netperf's defaults: 1 byte each). netserver is not pinned; it stays on the CPU where it first ran
     * (wake_affine with its previous CPU idle), modelled as CPU 1 while the receive interrupt is on CPU 0, the case
     * of three initial placements in four.
     */
    public static ConversationProfile tcpRr(int requestBytes, int responseBytes) {
        int skbs = (responseBytes + UNIT - 1) / UNIT;
        Round transaction = new Round("transaction", 0, requestBytes, true, false, NETSERVER_APP, false, skbs, responseBytes, NETPERF_APP);
        Round[] script = {transaction};
        return new ConversationProfile("transactions/s", 1, 1, 1, 1, false, -1, false, 0.1, 0.1, mix -> script);
    }

    /**
     * memtier_benchmark against memcached (memtier_benchmark.cpp config_init_defaults), defaults 4 threads x 50 connections, one request outstanding
     * each, 1 SET for 10 GETs drawn at random, 32-byte values; memcached's worker threads (default {@code -t 4}),
     * connections assigned round robin. Every request and response is one segment.
     */
    public static ConversationProfile memcached(int clientThreads, int clientsPerThread, int serverThreads, int getsPerSet) {
        Round get = new Round("get", 0, MEMTIER_GET_BYTES, true, false, MEMCACHED_GET, false, 1, MEMCACHED_MISS_BYTES, MEMTIER_APP);
        Round set = new Round("set", 0, MEMTIER_SET_BYTES, true, false, MEMCACHED_SET, false, 1, MEMCACHED_STORED_BYTES, MEMTIER_APP);
        Round[] gets = {get};
        Round[] sets = {set};
        double setShare = 1.0 / (getsPerSet + 1);
        return new ConversationProfile("operations/s", clientThreads * clientsPerThread, clientThreads, serverThreads, 0, true, -1,
                false, 0.3, 0.3, mix -> mix.nextDouble() < setShare ? sets : gets);
    }

    /**
     * {@code ab -c <concurrency>} on a static page without keep-alive (the paper's page is the GCC manual's
     * index.html, 46,644 bytes): every request is a new connection. Round 1: SYN, answered by the kernel. Round 2:
     * the ACK and the GET; the listener accepts and hands the connection to a worker, which writes the page; IW10
     * lets 10 segments out. Then slow start: each later round is the client's ACKs for the previous burst (quick-ACK
     * every other segment, merged by its GRO: one per 4 segments) and the next burst, twice as large; the first
     * of them wakes the worker to write the rest of the page into the freed send buffer, the others are sent by
     * the kernel; the last carries the server's FIN (the worker's shutdown at the start of its lingering close, after
     * which mpm_event leaves the connection to the listener's pollset). The next request's first round starts with
     * ab's FIN for this connection, sent just before its next SYN: the kernel ACKs it, and it wakes the listener, which
     * reads the end of the stream and closes the socket (event.c process_lingering_close). Apache sends the file from a
     * mapping (EnableMMAP, on by default; EnableSendfile off): the worker unmaps it after its last write, a TLB
     * shootdown of the file's pages on every other CPU that holds the process's address space ({@link TlbShootdown}).
     */
    public static ConversationProfile apache(int concurrency, int pageBytes) {
        int remaining = pageBytes + APACHE_HEADER_BYTES;
        java.util.List<Round> rounds = new java.util.ArrayList<>();
        // ab closes the previous connection, then connects: its FIN and the SYN arrive back to back, and the kernel
        // answers both from the softirq (the ACK of the FIN, which takes the old socket to TIME_WAIT, then the SYN-ACK);
        // the FIN also wakes the listener, which polls the old connection in its lingering close
        rounds.add(new Round("fin-and-syn", 2, 0, false, false, SYN_HANDLING, false, 2, 0, AB_REQUEST / 2).closingThePrevious());
        int burst = Math.min(remaining, 10 * MSS);
        remaining -= burst;
        rounds.add(new Round("get", 1, 100, true, true, APACHE_REQUEST, false, 1, burst, remaining == 0 ? AB_REQUEST / 2 : 0));
        int segments = 10;
        int acks = Packet.segmentsOf(burst) / 4 + 1;
        boolean first = true;
        while (remaining > 0) {
            segments *= 2;
            burst = Math.min(remaining, segments * MSS);
            remaining -= burst;
            boolean last = remaining == 0;
            double server = first ? SYN_HANDLING / 2 : 0;
            rounds.add(new Round(last ? "last-burst-and-fin" : "burst", acks, 0, first, false, server, false,
                    (burst + UNIT - 1) / UNIT, burst, last ? AB_REQUEST / 2 : 0));
            acks = Packet.segmentsOf(burst) / 4 + 1;
            first = false;
        }
        // EnableMMAP (Apache's default): the worker maps the file to send it and unmaps it after its last write
        int lastWrite = 0;
        for (int r = 0; r < rounds.size(); r++) {
            if (rounds.get(r).app()) {
                lastWrite = r;
            }
        }
        rounds.set(lastWrite, rounds.get(lastWrite).unmapping((pageBytes + PAGE_BYTES - 1) / PAGE_BYTES));
        Round[] request = rounds.toArray(new Round[0]);
        return new ConversationProfile("requests/s", concurrency, 1, 4, 0, true, 1, false, 0.2, 0.2, mix -> request);
    }

    /**
     * sysbench 0.4 OLTP complex mode against MySQL 5.7 defaults (sysbench 0.4 sb_oltp.c get_request_complex), default 200 threads: one connection and
     * one server thread each; a transaction is 21 statements in order (BEGIN, 10 point selects, the simple, sum,
     * order and distinct ranges of 100 rows, an index update, a non-index update, a second index update, a delete,
     * an insert, COMMIT), each a round trip; COMMIT flushes the redo log with group commit. Statement costs [est]
     * are placed so that 4 native CPUs run about 2,800 transactions/s, inside the native estimate of
     * 1,000-3,000 [est]. The client machine has 20 cores (the testbed's), so sysbench runs on up to 20 of them.
     */
    public static ConversationProfile mysql(int threads) {
        double client = 7.0 * CYCLES_PER_US;
        Round begin = statement("begin", 8, 20, client);
        Round point = statement("point-select", 40, 200, client);
        Round[] txn = new Round[21];
        int i = 0;
        txn[i++] = begin;
        for (int k = 0; k < 10; k++) {
            txn[i++] = point;
        }
        txn[i++] = statement("simple-range", 100, 1200, client);
        txn[i++] = statement("sum-range", 90, 100, client);
        txn[i++] = statement("order-range", 150, 1200, client);
        txn[i++] = statement("distinct-range", 200, 600, client);
        txn[i++] = statement("index-update", 70, 50, client);
        txn[i++] = statement("non-index-update", 50, 50, client);
        txn[i++] = statement("index-update", 70, 50, client);
        txn[i++] = statement("delete", 60, 50, client);
        txn[i++] = statement("insert", 60, 50, client);
        txn[i] = new Round("commit", 0, 20, true, false, 30 * CYCLES_PER_US, true, 1, 20, client);
        return new ConversationProfile("transactions/s", threads, Math.min(threads, 20), 0, 0, false, -1, true, 0.5, 0.3, mix -> txn);
    }

    private static Round statement(String name, double serverUs, int responseBytes, double clientCycles) {
        return new Round(name, 0, 120, true, false, serverUs * CYCLES_PER_US, false, 1, responseBytes, clientCycles);
    }
}
