package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Jitter;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.Source;
import dev.nestsim.model.workload.machine.StackParam;
import dev.nestsim.model.workload.net.Packet;
import dev.nestsim.model.workload.net.RxConsumer;
import dev.nestsim.model.workload.net.ServerNet;
import dev.nestsim.model.workload.results.Measurement;
import dev.nestsim.model.workload.results.Outcome;
import umontreal.ssj.rng.RandomStream;

/**
 * The discrete-event simulation of a request/response workload (netperf TCP_RR, Apache, Memcached, MySQL): a
 * native client machine with its load-generator threads and a closed loop of connections, the physical link at
 * line rate, and the server leaf behind its {@link ServerNet}. Each request is a sequence of {@link Round}s; the
 * server's work for a round runs in the receive softirq or in an application thread, which may have to be woken
 * (with an IPI from the CPU that took the interrupt). One instance per replication.
 */
public final class ConversationSim {

    private static final double ACCEPT_CYCLES = 5000;

    private final Sim sim;
    private final ConversationProfile profile;
    private final ServerNet net;
    private final Measurement measurement;
    private final Conversation[] conversations;
    private final RandomStream mix;
    private final RandomStream serverJitter;
    private final RandomStream clientJitter;
    private final RedoLog redoLog;
    private final AppThread<Conversation> listener;
    private final TlbShootdown shootdown;
    private final double copy = StackParam.COPY_PER_BYTE.value();

    public ConversationSim(Sim sim, ConversationProfile profile) {
        this.sim = sim;
        this.profile = profile;
        this.mix = sim.stream(Source.MIX);
        this.serverJitter = sim.stream(Source.SERVER);
        this.clientJitter = sim.stream(Source.CLIENT);
        this.measurement = new Measurement(sim);
        this.net = new ServerNet(sim, new ServerRx(), this::clientReceives);
        Cpu[] cpus = net.leafCpus();
        this.redoLog = new RedoLog(sim, cpus[0], this::committed);
        this.shootdown = new TlbShootdown(sim, cpus);
        this.listener = profile.listenerCpu() >= 0
                ? new AppThread<>(cpus[profile.listenerCpu() % cpus.length], new Listener()) : null;
        AppThread<Conversation>[] clients = threads(profile.clientThreads(), true, 0);
        int serverThreads = profile.serverThreads() == 0 ? profile.connections() : profile.serverThreads();
        AppThread<Conversation>[] servers = threads(serverThreads, false, profile.firstCpu());
        conversations = new Conversation[profile.connections()];
        for (int c = 0; c < conversations.length; c++) {
            Conversation conv = new Conversation(c);
            conv.client = clients[c % clients.length];
            conv.server = servers[c % servers.length];
            conversations[c] = conv;
        }
    }

    @SuppressWarnings("unchecked")
    private AppThread<Conversation>[] threads(int count, boolean client, int firstCpu) {
        AppThread<Conversation>[] threads = new AppThread[count];
        Cpu[] cpus = net.leafCpus();
        for (int i = 0; i < count; i++) {
            if (client) {
                Cpu cpu = new Cpu(sim, 0, "client" + i, sim.clientAccounts(), false);
                threads[i] = new AppThread<>(cpu, new ClientBody());
            } else if (profile.migrate()) {
                threads[i] = new AppThread<>(cpus[(firstCpu + i) % cpus.length], cpus, new ServerBody());
            } else {
                threads[i] = new AppThread<>(cpus[(firstCpu + i) % cpus.length], new ServerBody());
            }
        }
        return threads;
    }

    /** Runs a warm-up of {@code warmupSeconds}, then measures for {@code measureSeconds}. */
    public Outcome run(double warmupSeconds, double measureSeconds) {
        start();
        measurement.startAfter(warmupSeconds);
        sim.runUntil(warmupSeconds + measureSeconds);
        return measurement.finish();
    }

    /**
     * Runs until {@code warmupUnits} requests are done, then measures until {@code measuredUnits} more are (or
     * {@code maxSeconds} of simulated time, or the event budget, whichever comes first).
     */
    Outcome runByUnits(double warmupUnits, double measuredUnits, double maxSeconds) {
        start();
        measurement.byUnits(warmupUnits, measuredUnits);
        sim.runUntil(maxSeconds);
        return measurement.finish();
    }

    private void start() {
        for (Conversation c : conversations) {
            c.client.handOver(null, c);
        }
    }

    private void draw(Conversation c) {
        Round[] rounds = profile.script().next(mix);
        double[] server = new double[rounds.length];
        double[] client = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) {
            server[r] = Jitter.of(rounds[r].serverCycles(), profile.serverCv(), serverJitter);
            client[r] = Jitter.of(rounds[r].clientCycles(), profile.clientCv(), clientJitter);
        }
        c.next = rounds;
        c.nextServerWork = server;
        c.nextClientWork = client;
    }

    private double sendCost(Round r) {
        return r.clientAcks() * StackParam.ACK_TX.value()
                + (r.requestBytes() > 0 ? StackParam.SEND_SMALL.value() + r.requestBytes() * copy : 0);
    }

    private double receiveCost(Round r) {
        int segments = r.responseSkbs() * Packet.segmentsOf(r.bytesPerSkb());
        return StackParam.IRQ_NAPI_ENTRY.value() + segments * StackParam.RX_WIRE_FRAME.value()
                + r.responseSkbs() * StackParam.RX_PACKET.value() + StackParam.SYSCALL_RECV.value() + r.responseBytes() * copy;
    }

    /** The server's cost to send a round's response (the application copies the payload; the softirq does not). */
    private double responseCost(Round r) {
        double perSkb = r.bytesPerSkb() > StackParam.MSS_BYTES.value() ? StackParam.SEND_TSO_SKB.value() : StackParam.SEND_SMALL.value();
        return r.responseSkbs() * perSkb + (r.app() ? r.responseBytes() * copy : 0);
    }

    private void sendRound(Conversation c) {
        Round r = c.current();
        c.skbsArrived = 0;
        for (int i = 0; i < r.clientAcks(); i++) {
            boolean last = r.requestBytes() == 0 && i == r.clientAcks() - 1;
            Packet ack = Packet.ack(c.id, last ? Conversation.LAST : Conversation.MIDDLE);
            ack.data = c;
            ack.closesPrevious = i == 0 && r.lingering() && c.served > 0;
            net.fromClient(ack);
        }
        if (r.requestBytes() > 0) {
            Packet data = Packet.data(c.id, Conversation.LAST, r.requestBytes());
            data.data = c;
            net.fromClient(data);
        }
    }

    private void respond(Cpu cpu, Conversation c) {
        Round r = c.current();
        for (int i = 0; i < r.responseSkbs(); i++) {
            Packet skb = Packet.data(c.id, Conversation.RESPONSE, r.bytesPerSkb());
            skb.data = c;
            net.transmit(cpu, skb);
        }
    }

    private void clientReceives(Packet packet) {
        Conversation c = (Conversation) packet.data;
        if (++c.skbsArrived == c.current().responseSkbs()) {
            c.client.handOverFromDevice(c);
        }
    }

    /** After the group commit: the committing thread is woken to answer. */
    private void committed(Cpu cpu, Conversation c) {
        c.flushed = true;
        c.server.handOver(cpu, c);
    }

    /** The load generator's thread: finish the round it got an answer for, send the next (or a new request). */
    private final class ClientBody implements AppThread.Body<Conversation> {
        @Override
        public double cycles(Cpu cpu, Conversation c, boolean woken) {
            double cycles = 0;
            if (c.rounds != null) {
                cycles += receiveCost(c.current()) + c.clientWork[c.round];
            }
            if (c.lastRound()) {
                draw(c);
                cycles += sendCost(c.next[0]);
            } else {
                cycles += sendCost(c.rounds[c.round + 1]);
            }
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Conversation c) {
            if (c.lastRound()) {
                if (c.rounds != null) {
                    measurement.done(1, sim.now() - c.started);
                    c.served++;
                }
                c.rounds = c.next;
                c.serverWork = c.nextServerWork;
                c.clientWork = c.nextClientWork;
                c.round = 0;
                c.started = sim.now();
                c.accepted = false;
            } else {
                c.round++;
            }
            sendRound(c);
        }
    }

    /** The leaf's receive softirq: a round's last packet wakes its thread, or the softirq answers itself. */
    private final class ServerRx implements RxConsumer {
        @Override
        public double rxCycles(Packet packet) {
            Conversation c = (Conversation) packet.data;
            if (packet.kind != Conversation.LAST || c.current().app()) {
                return 0;
            }
            double cycles = c.serverWork[c.round] + responseCost(c.current());
            sim.accounts().work(sim.platform().leafLevel(), cycles);
            return cycles;
        }

        @Override
        public void accept(Cpu cpu, Packet packet) {
            Conversation c = (Conversation) packet.data;
            if (packet.kind != Conversation.LAST) {
                if (packet.closesPrevious && listener != null) {
                    listener.handOver(cpu, c.closer);
                }
                return;
            }
            Round r = c.current();
            if (!r.app()) {
                respond(cpu, c);
            } else if (r.accept() && listener != null && !c.accepted) {
                listener.handOver(cpu, c);
            } else {
                c.server.handOver(cpu, c);
            }
        }
    }

    /** An application thread: read the request, work, answer (or commit and wait for the log flush). */
    private final class ServerBody implements AppThread.Body<Conversation> {
        @Override
        public double cycles(Cpu cpu, Conversation c, boolean woken) {
            double cycles = profile.epoll() && woken ? StackParam.EPOLL_WAIT.value() : 0;
            shootdown.ran(cpu);
            Round r = c.current();
            if (c.flushed) {
                cycles += responseCost(r);
            } else {
                cycles += StackParam.SYSCALL_RECV.value() + r.requestBytes() * copy + c.serverWork[c.round]
                        + (r.flush() ? 0 : responseCost(r));
            }
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Conversation c) {
            if (c.flushed) {
                c.flushed = false;
                respond(cpu, c);
            } else if (c.current().flush()) {
                redoLog.commit(cpu, c);
            } else {
                respond(cpu, c);
                if (c.current().unmapPages() > 0) {
                    shootdown.unmap(cpu, c.current().unmapPages());
                }
            }
        }
    }

    /** The listener thread (Apache's mpm_event): accept, then hand the connection to its worker; or end a lingering close. */
    private final class Listener implements AppThread.Body<Conversation> {
        @Override
        public double cycles(Cpu cpu, Conversation c, boolean woken) {
            double cycles = (woken ? StackParam.EPOLL_WAIT.value() : 0) + (c.closing ? Profiles.CLOSE_HANDLING : ACCEPT_CYCLES);
            cpu.accounts().work(cpu.level, cycles);
            return cycles;
        }

        @Override
        public void done(Cpu cpu, Conversation c) {
            if (c.closing) {
                return;
            }
            c.accepted = true;
            c.server.handOver(cpu, c);
        }
    }
}
