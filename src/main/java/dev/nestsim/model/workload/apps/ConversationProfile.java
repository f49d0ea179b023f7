package dev.nestsim.model.workload.apps;

import umontreal.ssj.rng.RandomStream;

/**
 * A request/response workload for {@link ConversationSim}: how many client connections (each with one request
 * outstanding, a closed loop), how the client and the server spread them over threads, and the rounds of each
 * request.
 *
 * @param unit          the throughput unit, for example {@code transactions/s}
 * @param connections   concurrent connections, each with one request outstanding
 * @param clientThreads threads of the load generator on the client machine (connection c on thread c mod this)
 * @param serverThreads application threads in the leaf (connection c on thread c mod this), 0 for one per connection
 * @param firstCpu      the CPU of server thread 0; thread i runs on CPU (firstCpu + i) mod CPUs
 * @param epoll         whether each thread turn starts with an {@code epoll_wait}
 * @param listenerCpu   the CPU of the listener thread that accepts connections, or -1 for none
 * @param migrate       whether the server's threads move between CPUs at wake-up (many threads under the
 *                      scheduler's balancing), or stay where they started (a lone, affine thread)
 * @param serverCv      coefficient of variation of the server's per-round work
 * @param clientCv      coefficient of variation of the client's per-round work
 * @param script        the rounds of the next request
 */
public record ConversationProfile(String unit, int connections, int clientThreads, int serverThreads, int firstCpu,
                           boolean epoll, int listenerCpu, boolean migrate, double serverCv, double clientCv, Script script) {

    /** Chooses the rounds of a connection's next request. */
    interface Script {
        Round[] next(RandomStream mix);
    }

    public ConversationProfile {
        if (connections < 1 || clientThreads < 1 || serverThreads < 0) {
            throw new IllegalArgumentException("connections and client threads must be positive, server threads not negative");
        }
    }
}
