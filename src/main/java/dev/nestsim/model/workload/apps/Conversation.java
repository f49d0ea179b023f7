package dev.nestsim.model.workload.apps;

/** One client connection of a {@link ConversationSim}: its current request, round, and the threads serving it. */
final class Conversation {

    static final int MIDDLE = 0;
    static final int LAST = 1;
    static final int RESPONSE = 2;

    final int id;
    AppThread<Conversation> client;
    AppThread<Conversation> server;
    Round[] rounds;
    Round[] next;
    double[] serverWork;
    double[] clientWork;
    double[] nextServerWork;
    double[] nextClientWork;
    int round;
    int skbsArrived;
    double started;
    boolean flushed;
    boolean accepted;

    Conversation(int id) {
        this.id = id;
    }

    Round current() {
        return rounds[round];
    }

    /** True when the current round is the last of its request (or no request has started yet). */
    boolean lastRound() {
        return rounds == null || round == rounds.length - 1;
    }
}
