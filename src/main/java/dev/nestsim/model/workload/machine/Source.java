package dev.nestsim.model.workload.machine;

/**
 * The independent sources of randomness of a workload simulation, one random stream each.
 * The same source draws the same numbers on every path compared with the same seed: common random numbers.
 */
public enum Source {
    /** Jitter of the client's per-request CPU work. */
    CLIENT,
    /** Jitter of the server application's per-request CPU work. */
    SERVER,
    /** The request mix: memcached GET or SET, hackbench peers and message batches. */
    MIX,
    /** Jitter of the physical network's latency. */
    NETWORK,
    /** The physical disk's flush latency. */
    DISK
}
