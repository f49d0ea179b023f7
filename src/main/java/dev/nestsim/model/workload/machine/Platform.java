package dev.nestsim.model.workload.machine;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.exits.Param;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import java.util.Arrays;
import java.util.Set;

/**
 * Everything the simulation needs to know about one path, computed once from the exit cascade before any
 * replication runs: the {@link Charge} of every event at every level, which level handles each level's HLT and
 * how long it halt-polls, what a busy second of each kind of CPU costs in ticks, and the I/O wiring. Immutable,
 * safe to share between replications and threads.
 */
public final class Platform {

    /** The CPUs of the bare host in the paper's native runs (the DVH artifact, github.com/columbia/dvh-asplos-ae). */
    static final int PAPER_NATIVE_CPUS = 4;

    private final Path path;
    private final int leafLevel;
    private final int cpus;
    private final double hz;
    private final double lineRateBitsPerSecond;
    private final IoModel io;
    private final Charge[][] events;
    private final int[] haltHandler;
    private final int[] ipiHandler;
    private final int[][] haltChain;
    private final Charge[] blockedWakeup;
    private final double[] pollSeconds;
    private final Charge[] tickPerBusySecond;
    private final double[] kickTailCycles;
    private final double[] ipiTailCycles;
    private final Charge[] blockKick;
    private final int[] spareCpus;
    private final double vcpuKickCycles;
    private final double contextSwitchCycles;
    private final boolean directDeviceInterrupts;
    private final ViommuMode assigningViommu;

    private Platform(CascadeEngine engine, Path path, int cpus) {
        this.path = path;
        this.leafLevel = path.level();
        this.cpus = cpus;
        this.hz = path.host().hardware().clockGhz() * 1e9;
        this.lineRateBitsPerSecond = path.host().hardware().nic().gbps() * 1e9;
        this.io = path.hasLeaf() ? path.leaf().io() : null;
        int levels = leafLevel + 1;
        ExitCostTable table = engine.table(path);
        this.events = new Charge[levels][GuestEvent.values().length];
        this.haltHandler = new int[levels];
        this.ipiHandler = new int[levels];
        this.kickTailCycles = new double[levels];
        this.ipiTailCycles = new double[levels];
        for (int k = 0; k < levels; k++) {
            priceLevel(engine, table, k, levels);
        }
        this.haltChain = haltChains(levels);
        this.blockedWakeup = new Charge[levels];
        for (int k = 0; k < levels; k++) {
            blockedWakeup[k] = event(k, GuestEvent.WAKEUP_BLOCKED).plus(event(0, GuestEvent.WAKEUP_BLOCKED));
        }
        this.pollSeconds = new double[levels];
        for (int h = 0; h < leafLevel; h++) {
            pollSeconds[h] = path.hypervisorSettings(h).haltPollNs() * 1e-9;
        }
        this.vcpuKickCycles = engine.calibration().get(Param.VCPU_KICK);
        this.contextSwitchCycles = engine.calibration().get(Param.CONTEXT_SWITCH);
        this.tickPerBusySecond = ticks(engine, levels);
        this.blockKick = blockKicks(engine, levels);
        this.spareCpus = spares();
        this.directDeviceInterrupts = io == IoModel.VIRTUAL_PASSTHROUGH && path.leafHas(DvhMechanism.VIRTUAL_IPI);
        this.assigningViommu = leafLevel >= 2 ? path.hypervisor(leafLevel - 1).viommu() : ViommuMode.STATIC;
    }

    private void priceLevel(CascadeEngine engine, ExitCostTable table, int k, int levels) {
        for (GuestEvent e : GuestEvent.values()) {
            events[k][e.ordinal()] = Charge.of(table.cost(k, e), levels);
        }
        haltHandler[k] = table.cost(k, GuestEvent.HALT).handledAt();
        ipiHandler[k] = table.cost(k, GuestEvent.IPI_SEND).handledAt();
        kickTailCycles[k] = resumeTail(engine, table, k, GuestEvent.DEVICE_NOTIFY);
        ipiTailCycles[k] = resumeTail(engine, table, k, GuestEvent.IPI_SEND);
    }

    /** For each level, the levels that halt in turn while it stays idle: itself, its HLT handler, and so on down to L0's. */
    private int[][] haltChains(int levels) {
        int[][] chains = new int[levels][];
        for (int k = 0; k < levels; k++) {
            int[] chain = new int[levels];
            int depth = 0;
            int level = k;
            chain[depth++] = level;
            while (level > 0 && haltHandler[level] > 0) {
                level = haltHandler[level];
                chain[depth++] = level;
            }
            chains[k] = Arrays.copyOf(chain, depth);
        }
        return chains;
    }

    /** The platform of a leaf VM's path (or of the bare host with the paper's 4 CPUs). */
    public static Platform of(CascadeEngine engine, Path path) {
        if (!path.hasLeaf() && !path.isNative()) {
            throw new IllegalArgumentException("a workload runs on a VM or natively, but this path ends at "
                    + path.describe(path.level()) + ", a hypervisor with no VM");
        }
        return new Platform(engine, path, path.hasLeaf() ? path.leaf().vcpus() : PAPER_NATIVE_CPUS);
    }

    /** The bare host of {@code host} with {@code cpus} CPUs: the native counterpart of a leaf with that many vCPUs. */
    public static Platform nativeHost(CascadeEngine engine, Host host, int cpus) {
        return new Platform(engine, Path.nativeHost(host), cpus);
    }

    /**
     * The cycles of an event's cascade that come after its handler signalled (an eventfd, an IPI): the handler
     * level's return into the guest. At L0 that is the hardware entry; in a guest hypervisor its emulated VMRESUME.
     */
    private static double resumeTail(CascadeEngine engine, ExitCostTable table, int level, GuestEvent event) {
        int h = table.cost(level, event).handledAt();
        if (h < 0) {
            return 0;
        }
        return h == 0 ? engine.calibration().get(Param.VM_ENTRY) : table.cost(h, GuestEvent.VMRESUME).cycles();
    }

    /**
     * What one busy second costs a CPU at each level in periodic ticks: its own tick (expiry, handler, EOI,
     * TSC-deadline rewrite), the ticks of every guest hypervisor below it that runs it (each an interrupt for
     * that hypervisor while its guest runs: an exit reflected to it), and L0's tick (an external-interrupt exit).
     */
    private Charge[] ticks(CascadeEngine engine, int levels) {
        double hzTick = StackParam.HZ.value();
        double tickWork = StackParam.TICK_HANDLER.value();
        Charge[] perSecond = new Charge[levels];
        Charge[] hypervisorTick = new Charge[levels];
        for (int k = 1; k < leafLevel; k++) {
            hypervisorTick[k] = interruptForHypervisor(k)
                    .plus(Charge.work(levels, k, tickWork)).plus(event(k, GuestEvent.TIMER_PROGRAM)).plus(event(k, GuestEvent.EOI));
        }
        double l0Tick = engine.calibration().get(Param.VM_EXIT) + engine.calibration().get(Param.VM_ENTRY)
                + engine.calibration().get(Param.EXTINT_HANDLER) + tickWork;
        for (int l = 0; l < levels; l++) {
            Charge tick;
            if (l == 0) {
                tick = Charge.work(levels, 0, tickWork).plus(event(0, GuestEvent.TIMER_PROGRAM));
            } else {
                tick = event(l, GuestEvent.TIMER_EXPIRY).plus(event(l, GuestEvent.EOI))
                        .plus(Charge.work(levels, l, tickWork)).plus(event(l, GuestEvent.TIMER_PROGRAM))
                        .plus(Charge.exitToL0(levels, l, l0Tick));
                for (int k = 1; k < l; k++) {
                    tick = tick.plus(hypervisorTick[k]);
                }
            }
            perSecond[l] = tick.times(hzTick);
        }
        return perSecond;
    }

    /**
     * An interrupt for guest hypervisor Lk while its nested guest runs: it cannot be posted into the guest, so the
     * guest exits and L0 reflects the exit to Lk, which takes the interrupt and resumes (v5.10 nested.c
     * vmx_check_nested_events): the cascade's {@code HYPERVISOR_INTERRUPT} raised at level k + 1.
     */
    private Charge interruptForHypervisor(int k) {
        return event(k + 1, GuestEvent.HYPERVISOR_INTERRUPT);
    }

    /**
     * The virtio-blk doorbell at each level: the disk is virtio-blk served by the parent's QEMU in every
     * configuration of the paper (only the NIC differs), so the leaf's block kick is priced on a VIRTIO leaf.
     */
    private Charge[] blockKicks(CascadeEngine engine, int levels) {
        Charge[] kicks = new Charge[levels];
        if (path.hasLeaf() && io != IoModel.VIRTIO) {
            LeafVm leaf = path.leaf();
            Path probe = Path.toLeaf(path.host(), path.hypervisors(),
                    new LeafVm(leaf.name(), leaf.vcpus(), leaf.memoryGib(), IoModel.VIRTIO, Set.of(), leaf.postedInterrupts()));
            ExitCostTable table = engine.table(probe);
            for (int k = 0; k < levels; k++) {
                kicks[k] = Charge.of(table.cost(k, GuestEvent.DEVICE_NOTIFY), levels);
            }
        } else {
            for (int k = 0; k < levels; k++) {
                kicks[k] = event(k, GuestEvent.DEVICE_NOTIFY);
            }
        }
        return kicks;
    }

    /**
     * Spare CPUs at each hypervisor level: its CPUs (L0's online CPUs, a guest hypervisor's vCPUs) less the vCPUs of
     * the VM it runs for this path.
     */
    private int[] spares() {
        int[] spare = new int[leafLevel + 1];
        for (int k = 0; k < leafLevel; k++) {
            spare[k] = Math.max(0, cpusOf(k) - guestVcpus(k));
        }
        return spare;
    }

    /** The CPUs of hypervisor level {@code k}: L0's online CPUs, or a guest hypervisor's vCPUs. */
    public int cpusOf(int k) {
        return k == 0 ? path.host().onlineCpus() : path.hypervisor(k).vcpus();
    }

    /** The vCPUs of the VM that hypervisor level {@code k} runs on this path (the next hypervisor, or the leaf). */
    public int guestVcpus(int k) {
        return k + 1 == leafLevel ? path.leaf().vcpus() : path.hypervisor(k + 1).vcpus();
    }

    public Path path() {
        return path;
    }

    /** The leaf's level; 0 natively. */
    public int leafLevel() {
        return leafLevel;
    }

    public int levels() {
        return leafLevel + 1;
    }

    public boolean isNative() {
        return leafLevel == 0;
    }

    /** The leaf's vCPUs, or the native host's CPUs. */
    public int cpus() {
        return cpus;
    }

    /** Cycles per second of the host's clock. */
    double hz() {
        return hz;
    }

    public double lineRateBitsPerSecond() {
        return lineRateBitsPerSecond;
    }

    /** The leaf's I/O model, {@code null} natively. */
    public IoModel io() {
        return io;
    }

    public Charge event(int level, GuestEvent event) {
        return events[level][event.ordinal()];
    }

    /** The level whose handler runs (and halt-polls) when level {@code level} executes HLT. */
    int haltHandler(int level) {
        return haltHandler[level];
    }

    /**
     * The level whose handler emulates an ICR write of level {@code level} (and delivers the IPI to each of its
     * destinations): its guest hypervisor, L0 with DVH's virtual IPIs, {@link Signals#HARDWARE} natively.
     */
    public int ipiHandler(int level) {
        return level == 0 ? Signals.HARDWARE : ipiHandler[level];
    }

    /**
     * The levels that may halt when a CPU at {@code level} halts, its own first (IdleChain): each next one is the HLT
     * handler of the one before, down to the level whose handler is L0. Shared: never modify it.
     */
    int[] haltChain(int level) {
        return haltChain[level];
    }

    /** A wake-up of a halted CPU at {@code level} whose hypervisor blocked it, with L0's own blocked wake-up. */
    Charge blockedWakeup(int level) {
        return blockedWakeup[level];
    }

    /** The halt-polling window of hypervisor level {@code h}, in seconds. */
    double pollSeconds(int h) {
        return pollSeconds[h];
    }

    Charge tickPerBusySecond(int level) {
        return tickPerBusySecond[level];
    }

    /** Cycles of a doorbell's cascade at {@code level} after its handler woke the backend. */
    public double kickTailCycles(int level) {
        return kickTailCycles[level];
    }

    /** Cycles of an IPI's cascade at {@code level} after its handler delivered it. */
    double ipiTailCycles(int level) {
        return ipiTailCycles[level];
    }

    public Charge blockKick(int level) {
        return blockKick[level];
    }

    /** Spare CPUs of hypervisor level {@code k} (0 for L0), where its I/O threads run. */
    public int spareCpus(int k) {
        return spareCpus[k];
    }

    /** KVM's kick of a halted vCPU that its hypervisor is still polling: no IPI, a wait-queue wake. */
    double vcpuKickCycles() {
        return vcpuKickCycles;
    }

    /** A scheduler wake-up and switch to another thread ([est] 1-2 us), the cascade's own figure. */
    double contextSwitchCycles() {
        return contextSwitchCycles;
    }

    /** Whether the device's interrupts are posted straight into the leaf (virtual-passthrough with DVH interrupts). */
    public boolean directDeviceInterrupts() {
        return directDeviceInterrupts;
    }

    /** The virtual IOMMU mode of the hypervisor that assigns the leaf's device (STATIC for L1 and virtio leaves). */
    public ViommuMode assigningViommu() {
        return assigningViommu;
    }
}
