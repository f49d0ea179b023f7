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
    /** Requests this connection has completed. */
    int served;

    /** What the listener is handed to finish this connection's previous lingering close (not the request itself). */
    final Conversation closer;
    /** True for a {@link #closer}. */
    final boolean closing;

    Conversation(int id) {
        this.id = id;
        this.closing = false;
        this.closer = new Conversation(this);
    }

    private Conversation(Conversation of) {
        this.id = of.id;
        this.closing = true;
        this.closer = null;
    }

    Round current() {
        return rounds[round];
    }

    /** True when the current round is the last of its request (or no request has started yet). */
    boolean lastRound() {
        return rounds == null || round == rounds.length - 1;
    }
}
