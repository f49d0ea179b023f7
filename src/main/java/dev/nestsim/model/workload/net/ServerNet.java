package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Charge;
import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.Signals;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.machine.SimEvent;
import dev.nestsim.model.workload.machine.StackParam;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.topology.IoModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's side of the network for one replication, wired for the leaf's I/O model (docs/workloads.md section 1): the
 * leaf's CPUs and NAPI, and between them and the physical NIC, per hypervisor level, the CPUs that take that
 * level's interrupts and run its device backend.
 * <ul>
 * <li>native: the NIC's queues (RSS, one per CPU) deliver straight to each CPU's NAPI.</li>
 * <li>VIRTIO (and EMULATED): at every level k below the leaf, a poll of Lk's own NIC (the physical one at L0, a
 *     virtio one above) bridges the packet to the backend Lk runs for level k+1, which copies it up and interrupts
 *     the next level; transmit goes down the same chain, each level ringing the doorbell of the one below.</li>
 * <li>VIRTUAL_PASSTHROUGH: L0's backend serves the leaf directly; its interrupts go straight into the leaf with
 *     DVH's posted interrupts, otherwise through a {@link Relay} at every guest hypervisor.</li>
 * <li>PASSTHROUGH: the VF's DMA lands in the leaf; its interrupts cross every guest hypervisor as relays.</li>
 * </ul>
 * L0's interrupt-taking and backend CPUs are two spare physical CPUs. A guest hypervisor's backend (its vhost
 * thread) runs on a spare vCPU of its own. Its interrupts (its NIC's, or the assigned device's that it relays) are
 * taken where {@link Sim#hypervisorIrqVcpu} says: on a second spare vCPU ({@link Sim#SPARE_VCPU}), or on the vCPU that
 * runs leaf vCPU m, which it then shares ({@link Cpu#shareVcpuOf}): each of its interrupts makes the nested guest
 * exit to it (a single-queue device's vector lands wherever the guest hypervisor's kernel or irqbalance put it:
 * 0 to 1 reflected round trips per packet). A hypervisor with no CPU to spare beyond its guest's
 * runs all its I/O on a vCPU of the level above: the first I/O CPU of the nearest level above that has a CPU of
 * its own, else the leaf's last vCPU (its CPU 0 already takes the leaf's own interrupts).
 */
public final class ServerNet {

    /** The receive queues an 82599 (the testbed's X520) spreads flows over with RSS: one per online CPU, at most 16. */
    static final int RSS_QUEUES_MAX = 16;

    private final Sim sim;
    private final Platform p;
    private final int n;
    private final IoModel io;
    private final Cpu[] leafCpus;
    private final Napi[] leafNapi;
    private final Napi[] hostNapi;
    private final Backend[] backends;
    private final Relay firstRelay;
    private final Wire toClient;
    private final Wire fromClient;
    private final TxCompletion[] completions;
    private final DmaMapping dma;
    /** The transmit qdisc in front of the leaf's single-queue virtio-net device, or {@code null} (see {@link Qdisc}). */
    private final Qdisc qdisc;
    /** Index k: the transmit qdisc of guest hypervisor k's own virtio-net device, or {@code null}. */
    private final Qdisc[] hypervisorQdiscs;
    private final List<List<Cpu>> ioCpus = new ArrayList<>();
    /** The I/O CPUs placed on a vCPU of the nested guest (not to be moved by {@link #shareVcpus}). */
    private final List<Cpu> placed = new ArrayList<>();
    /** L0's receive queues on the physical NIC, one per online CPU (RSS), when L0 owns the NIC for the leaf. */
    private final Napi[] l0Queues;
    /** The queue of the CPU that runs L0's backend: its transmits complete there (XPS). */
    private int l0BackendQueue;

    public ServerNet(Sim sim, RxConsumer app, Consumer<Packet> client) {
        this.sim = sim;
        this.p = sim.platform();
        this.n = p.leafLevel();
        this.io = p.io();
        this.toClient = new Wire(sim, client);
        this.fromClient = new Wire(sim, this::fromWire);
        this.leafCpus = new Cpu[p.cpus()];
        for (int i = 0; i < leafCpus.length; i++) {
            leafCpus[i] = new Cpu(sim, n, "L" + n + " cpu" + i, sim.accounts(), true);
        }
        this.leafNapi = leafNapis(new LeafRx(app));
        this.completions = new TxCompletion[leafNapi.length + 1];
        for (int owner = 0; owner < completions.length; owner++) {
            completions[owner] = new TxCompletion(owner);
        }
        this.hostNapi = new Napi[Math.max(n, 1)];
        this.backends = new Backend[Math.max(n, 1)];
        createBackends();
        this.firstRelay = relays();
        this.dma = new DmaMapping(p);
        this.qdisc = (io == IoModel.VIRTIO || io == IoModel.VIRTUAL_PASSTHROUGH)
                ? new Qdisc(this::startXmit) : null;
        this.hypervisorQdiscs = new Qdisc[Math.max(n, 1)];
        if (io == IoModel.VIRTIO || io == IoModel.EMULATED) {
            for (int k = 1; k < n; k++) {
                int level = k;
                hypervisorQdiscs[k] = new Qdisc((cpu, packet) -> hypervisorXmit(level, cpu, packet));
            }
        }
        shareVcpus();
        this.l0Queues = l0ReceiveQueues();
    }

    /** Natively one NAPI per CPU (an RSS queue each); in a VM one, on CPU 0 (a single queue pair: the DVH artifact's scripts never pass mq=on). */
    private Napi[] leafNapis(LeafRx leafRx) {
        int queues = p.isNative() ? p.cpus() : 1;
        Charge perInterrupt = io == IoModel.EMULATED ? p.event(n, GuestEvent.DEVICE_NOTIFY).times(2) : null;
        Napi[] napis = new Napi[queues];
        for (int q = 0; q < queues; q++) {
            napis[q] = new Napi(leafCpus[q], leafRx, perInterrupt);
        }
        return napis;
    }

    /** A backend at every level below the leaf for virtio (or emulated) I/O; L0's alone for virtual-passthrough. */
    private void createBackends() {
        boolean chain = io == IoModel.VIRTIO || io == IoModel.EMULATED;
        int backendLevels = chain ? n : io == IoModel.VIRTUAL_PASSTHROUGH ? 1 : 0;
        for (int k = 0; k < backendLevels; k++) {
            boolean emulatedAtK = io == IoModel.EMULATED && k == n - 1;
            if (k == 0) {
                // L0's interrupts come from the physical NIC's RSS queues (l0ReceiveQueues); its vhost worker has a CPU
                backends[0] = new Backend(this, 0, ioCpu(0, "backend"), emulatedAtK);
                continue;
            }
            Cpu irq = interruptCpu(k);
            int sparesNeeded = placed.contains(irq) ? 1 : 2;
            Cpu worker = p.spareCpus(k) >= sparesNeeded ? ioCpu(k, "backend") : irq;
            boolean emulated = io == IoModel.EMULATED && k == n - 1;
            backends[k] = new Backend(this, k, worker, emulated);
            hostNapi[k] = new Napi(irq, new HostRx(k), null);
        }
    }

    /**
     * L0's receive path when it owns the physical NIC for the leaf (virtio, emulated, virtual-passthrough): one RSS queue
     * per online CPU (at most {@link #RSS_QUEUES_MAX}), each interrupting its own CPU and polled there. L0 brings online
     * only its {@code onlineCpus}, and the vCPUs of the VM it runs are pinned to the first of them, so most queues land
     * on a CPU that runs a vCPU: L0's interrupt then makes whatever runs there exit to L0 ({@code HOST_INTERRUPT}), and
     * its softirq (the NIC's poll, the bridge, waking the vhost worker) holds that vCPU back. The vhost worker runs on
     * the first CPU that runs no vCPU, whose queue it shares; with none to spare it runs on a vCPU like the rest.
     */
    private Napi[] l0ReceiveQueues() {
        if (io == null || io == IoModel.PASSTHROUGH) {
            return new Napi[0];
        }
        int online = p.cpusOf(0);
        int vcpus = p.guestVcpus(0);
        int queues = Math.min(online, RSS_QUEUES_MAX);
        int backendCpu = p.spareCpus(0) > 0 ? vcpus : -1;
        HostRx rx = new HostRx(0);
        Napi[] napis = new Napi[queues];
        for (int c = 0; c < queues; c++) {
            Cpu cpu;
            if (c == backendCpu) {
                cpu = backends[0].cpu();
            } else {
                cpu = new Cpu(sim, 0, "L0 cpu" + c, sim.accounts(), false);
                Cpu running = c < vcpus ? runningOn(c) : null;
                if (running != null) {
                    cpu.shareVcpuOf(running);
                }
            }
            napis[c] = new Napi(cpu, rx, null);
        }
        l0BackendQueue = backendCpu >= 0 && backendCpu < queues ? backendCpu : 0;
        return napis;
    }

    /**
     * What runs on physical CPU {@code c} (one that runs a vCPU of L1): vCPU c at every level down to the leaf, the vCPUs
     * being pinned one to one, until a level where c is one of its spare vCPUs (it then runs that level's I/O CPU of the
     * same rank, or nothing the simulation needs).
     */
    private Cpu runningOn(int c) {
        for (int k = 1; k <= n; k++) {
            if (k == n) {
                return c < leafCpus.length ? leafCpus[c] : null;
            }
            int guest = p.guestVcpus(k);
            if (c >= guest) {
                int rank = c - guest;
                int i = 0;
                for (Cpu cpu : k < ioCpus.size() ? ioCpus.get(k) : List.<Cpu>of()) {
                    if (!cpu.sharesVcpu() && i++ == rank) {
                        return cpu;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** The guest hypervisors that relay an assigned device's interrupts, L1 first, or {@code null} for none. */
    private Relay relays() {
        boolean relayed = io == IoModel.PASSTHROUGH || (io == IoModel.VIRTUAL_PASSTHROUGH && !p.directDeviceInterrupts());
        Relay relay = null;
        if (relayed) {
            for (int k = n - 1; k >= 1; k--) {
                relay = new Relay(k, interruptCpu(k), relay, leafNapi[0]);
            }
        }
        return relay;
    }

    /**
     * The CPU on which hypervisor level {@code k} takes its device's interrupts: its own (a spare), or for a guest
     * hypervisor, as {@link Sim#hypervisorIrqVcpu} says, the vCPU that runs a vCPU of the leaf, shared with it.
     */
    private Cpu interruptCpu(int k) {
        Cpu cpu = ioCpu(k, "irq");
        int vcpu = sim.hypervisorIrqVcpu();
        if (k >= 1 && vcpu != Sim.SPARE_VCPU) {
            cpu.shareVcpuOf(leafCpus[vcpu % leafCpus.length]);
            placed.add(cpu);
        }
        return cpu;
    }

    /** A CPU of hypervisor level {@code k} for its I/O: an interrupt-taking, backend or relaying CPU. */
    private Cpu ioCpu(int k, String role) {
        while (ioCpus.size() <= k) {
            ioCpus.add(new ArrayList<>());
        }
        Cpu cpu = new Cpu(sim, k, "L" + k + " " + role, sim.accounts(), false);
        ioCpus.get(k).add(cpu);
        return cpu;
    }

    /** Puts the I/O CPUs of every hypervisor level with no CPU to spare on a vCPU of the level above. */
    private void shareVcpus() {
        for (int k = 0; k < ioCpus.size(); k++) {
            if (ioCpus.get(k).isEmpty() || p.spareCpus(k) > 0) {
                continue;
            }
            Cpu host = ownVcpuAbove(k);
            for (Cpu cpu : ioCpus.get(k)) {
                if (!placed.contains(cpu)) {
                    cpu.shareVcpuOf(host);
                }
            }
        }
    }

    /** The first I/O CPU with a vCPU of its own at the nearest level above {@code k} that has one, else the leaf's last vCPU. */
    private Cpu ownVcpuAbove(int k) {
        for (int j = k + 1; j < ioCpus.size(); j++) {
            if (p.spareCpus(j) > 0) {
                for (Cpu cpu : ioCpus.get(j)) {
                    if (!placed.contains(cpu)) {
                        return cpu;
                    }
                }
            }
        }
        return leafCpus[leafCpus.length - 1];
    }

    public Cpu[] leafCpus() {
        return leafCpus;
    }

    /** The client machine puts {@code packet} on the wire toward the server. */
    public void fromClient(Packet packet) {
        fromClient.send(packet);
    }

    /** Seconds of data queued on the server-to-client wire. */
    double downlinkBacklogSeconds() {
        return toClient.backlogSeconds();
    }

    /** The physical NIC receives a packet from the wire. */
    private void fromWire(Packet packet) {
        if (io == null) {
            leafNapi[queueOf(packet.flow, leafNapi.length)].deliver(packet, null, Signals.HARDWARE);
        } else if (io == IoModel.PASSTHROUGH) {
            toLeafByDevice(packet, null, Signals.HARDWARE);
        } else {
            l0Queues[queueOf(packet.flow, l0Queues.length)].deliver(packet, null, Signals.HARDWARE);
        }
    }

    /** A physical NIC's queue for a flow: RSS hashes the flow's addresses and ports over its {@code queues} queues. */
    private static int queueOf(int flow, int queues) {
        return Math.floorMod(Integer.rotateLeft(flow * 0x9E3779B9, 16), queues);
    }

    /** A packet DMA-ed into the leaf by a device it owns (VF) or by L0's backend (virtual-passthrough). */
    private void toLeafByDevice(Packet packet, Cpu from, int s) {
        Napi napi = leafNapi[0];
        napi.enqueue(packet);
        if (napi.claimInterrupt()) {
            if (firstRelay != null) {
                firstRelay.raise(from, s);
            } else {
                napi.raise(from, s);
            }
        }
    }

    /**
     * The leaf sends {@code packet} at the end of a job on {@code cpu}: DMA mappings under a dynamic virtual IOMMU, then,
     * for a virtio device, through its {@link Qdisc} (the CPU that holds it sends; the others queue behind it), the
     * doorbell if the device needs one (its cost delays the CPU's next job; the backend starts when the exit signals it)
     * and the device takes it.
     */
    public void transmit(Cpu cpu, Packet packet) {
        if (io == null) {
            nicSend(packet, queueOf(packet.flow, leafNapi.length));
            return;
        }
        dma.buffer(cpu, sim);
        if (io == IoModel.PASSTHROUGH) {
            cpu.charge(p.event(n, GuestEvent.DEVICE_NOTIFY));
            cpu.accounts().count(Counter.KICKS, 1);
            nicSend(packet, 0);
            return;
        }
        if (qdisc != null) {
            qdisc.transmit(cpu, packet);
        } else {
            startXmit(cpu, packet);
        }
    }

    /** The leaf's driver hands {@code packet} to its virtio (or emulated) device; true when that rang the doorbell. */
    private boolean startXmit(Cpu cpu, Packet packet) {
        Backend backend = io == IoModel.VIRTUAL_PASSTHROUGH ? backends[0] : backends[n - 1];
        if (backend.needsKick()) {
            cpu.accounts().count(Counter.KICKS, 1);
            ring(cpu, n, backend, packet);
            return true;
        }
        backend.enqueueTx(packet);
        return false;
    }

    /** A doorbell at {@code level}: its cost on {@code cpu}, the backend woken when the handler signals. */
    private void ring(Cpu cpu, int level, Backend backend, Packet packet) {
        Charge kick = p.event(level, GuestEvent.DEVICE_NOTIFY);
        cpu.charge(kick);
        backend.kicked(packet);
        double signal = Math.max(0, kick.cycles() - p.kickTailCycles(level));
        new SimEvent(sim) {
            @Override
            protected void fire() {
                backend.kickArrived();
            }
        }.after(sim.seconds(signal));
    }

    /**
     * A backend's pass sends {@code packet} one level down: the physical NIC at L0, else, through the qdisc of the
     * hypervisor's own virtio-net device, the next backend (the tap, the bridge and that device's {@code start_xmit} run
     * in the worker's {@code sendmsg}).
     */
    void down(Backend from, Cpu on, Packet packet) {
        int k = from.level();
        if (k == 0) {
            nicSend(packet, leafNapi.length);
            return;
        }
        if (hypervisorQdiscs[k] != null) {
            hypervisorQdiscs[k].transmit(on, packet);
        } else {
            hypervisorXmit(k, on, packet);
        }
    }

    /** Level k's own virtio-net driver hands {@code packet} to the backend of level k - 1; true when that rang the doorbell. */
    private boolean hypervisorXmit(int k, Cpu on, Packet packet) {
        Backend lower = backends[k - 1];
        if (lower.needsKick()) {
            ring(on, k, lower, packet);
            return true;
        }
        lower.enqueueTx(packet);
        return false;
    }

    /** A backend's pass copies {@code packet} into the guest one level up and interrupts it. */
    void up(Backend from, Cpu on, Packet packet) {
        int k = from.level();
        if (k + 1 < n && io != IoModel.VIRTUAL_PASSTHROUGH) {
            hostNapi[k + 1].deliver(packet, on, k);
        } else if (io == IoModel.VIRTUAL_PASSTHROUGH) {
            toLeafByDevice(packet, on, 0);
        } else {
            leafNapi[0].deliver(packet, on, k);
        }
    }

    /** The physical NIC sends {@code packet}; its completion interrupt follows at the NIC's owner. */
    private void nicSend(Packet packet, int owner) {
        toClient.send(packet);
        TxCompletion completion = completions[owner];
        if (completion.pending) {
            return;
        }
        completion.pending = true;
        completion.after(StackParam.TX_COMPLETION_DELAY_US.value() * 1e-6);
    }

    /**
     * The transmit completion interrupt of one owner of the physical NIC (a native queue, the passthrough leaf, or L0
     * at index {@code leafNapi.length}): at most one pending at a time, so one event each, scheduled again and again.
     */
    private final class TxCompletion extends SimEvent {
        private final int owner;
        private boolean pending;

        TxCompletion(int owner) {
            super(ServerNet.this.sim);
            this.owner = owner;
        }

        @Override
        protected void fire() {
            pending = false;
            Packet done = Packet.completion();
            if (owner == leafNapi.length) {
                l0Queues[l0BackendQueue].deliver(done, null, Signals.HARDWARE);
            } else if (io == IoModel.PASSTHROUGH) {
                toLeafByDevice(done, null, Signals.HARDWARE);
            } else {
                leafNapi[owner].deliver(done, null, Signals.HARDWARE);
            }
        }
    }

    /** The leaf's receive path: generic kernel cost per packet, DMA mapping of the refilled buffer, then the workload. */
    private final class LeafRx implements RxConsumer {
        private final RxConsumer app;

        LeafRx(RxConsumer app) {
            this.app = app;
        }

        @Override
        public double rxCycles(Packet packet) {
            double cycles;
            if (packet.txCompletion) {
                cycles = StackParam.TX_CLEAN.value();
            } else if (packet.pureAck) {
                cycles = StackParam.ACK_RX.value();
            } else if (packet.segments > 1 && receivesFrames()) {
                cycles = packet.segments * StackParam.RX_WIRE_FRAME.value() + StackParam.RX_PACKET.value();
            } else {
                cycles = packet.segments > 1 ? StackParam.RX_GSO_SKB.value() : StackParam.RX_PACKET.value();
            }
            sim.accounts().work(n, cycles);
            if (packet.txCompletion) {
                return cycles;
            }
            return cycles + app.rxCycles(packet) + dma.receiveBuffer(sim.accounts(), sim);
        }

        @Override
        public void accept(Cpu cpu, Packet packet) {
            if (!packet.txCompletion) {
                app.accept(cpu, packet);
            }
        }
    }

    /** Whether the leaf's driver sees wire frames (a physical or emulated NIC) rather than virtio GSO packets. */
    private boolean receivesFrames() {
        return io == null || io == IoModel.PASSTHROUGH || io == IoModel.EMULATED;
    }

    /** Level k's own NIC poll: bridge each packet to the backend it runs for level k + 1. */
    private final class HostRx implements RxConsumer {
        private final int level;

        HostRx(int level) {
            this.level = level;
        }

        @Override
        public double rxCycles(Packet packet) {
            double cycles;
            if (packet.txCompletion) {
                cycles = StackParam.TX_CLEAN.value();
            } else if (level == 0) {
                cycles = packet.segments * StackParam.RX_WIRE_FRAME.value() + StackParam.BRIDGE_PACKET.value();
            } else {
                cycles = StackParam.HV_VIRTIO_RX.value() + StackParam.BRIDGE_PACKET.value();
            }
            sim.accounts().work(level, cycles);
            return cycles;
        }

        @Override
        public void accept(Cpu cpu, Packet packet) {
            if (!packet.txCompletion) {
                backends[level].enqueueRx(packet, cpu);
            }
        }
    }
}
