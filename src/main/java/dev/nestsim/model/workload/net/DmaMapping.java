package dev.nestsim.model.workload.net;

import dev.nestsim.model.workload.machine.Accounts;
import dev.nestsim.model.workload.machine.Charge;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;

/**
 * The per-buffer DMA mapping work of a leaf whose device is assigned through a virtual IOMMU (physical or
 * virtual passthrough at L2 and deeper), in the mode of the hypervisor that assigns it (QEMU intel-iommu
 * with caching mode): STATIC maps everything at assignment and costs nothing per I/O; STRICT maps and unmaps
 * every buffer, each a trapped invalidation; DEFERRED maps every buffer and flushes the queued unmaps once per
 * 256 or per 10 ms ({@code IOVA_FQ_SIZE}, {@code IOVA_FQ_TIMEOUT}).
 */
final class DmaMapping {

    static final int FLUSH_QUEUE = 256;
    static final double FLUSH_TIMEOUT_SECONDS = 0.010;

    private final Charge map;
    private final Charge unmap;
    private final Charge flush;
    private final Charge perBuffer;
    private int queued;
    private double lastFlush;

    DmaMapping(Platform p) {
        int n = p.leafLevel();
        ViommuMode mode = p.assigningViommu();
        IoModel io = p.io();
        boolean assigned = (io == IoModel.PASSTHROUGH || io == IoModel.VIRTUAL_PASSTHROUGH) && n >= 2;
        boolean dynamic = assigned && mode.present() && mode != ViommuMode.STATIC;
        this.map = dynamic ? p.event(n - 1, GuestEvent.IOMMU_MAP) : null;
        this.unmap = dynamic && mode == ViommuMode.STRICT ? p.event(n - 1, GuestEvent.IOMMU_UNMAP) : null;
        this.flush = dynamic && mode == ViommuMode.DEFERRED ? p.event(n - 1, GuestEvent.IOMMU_FLUSH) : null;
        this.perBuffer = map == null ? null : unmap == null ? map : map.plus(unmap);
    }

    /** True when buffers cost nothing per I/O. */
    boolean isStatic() {
        return map == null;
    }

    /** A buffer is mapped (and unmapped, or queued for the batched flush) by software on {@code cpu}. */
    void buffer(Cpu cpu, Sim sim) {
        if (map == null) {
            return;
        }
        cpu.charge(perBuffer);
        if (flush != null && (++queued >= FLUSH_QUEUE || sim.now() - lastFlush >= FLUSH_TIMEOUT_SECONDS)) {
            cpu.charge(flush);
            queued = 0;
            lastFlush = sim.now();
        }
    }

    /** The same for a receive buffer refilled by the poll now being costed: books and returns its cycles. */
    double receiveBuffer(Accounts accounts, Sim sim) {
        if (map == null) {
            return 0;
        }
        accounts.book(perBuffer);
        double cycles = perBuffer.cycles();
        if (flush != null && (++queued >= FLUSH_QUEUE || sim.now() - lastFlush >= FLUSH_TIMEOUT_SECONDS)) {
            accounts.book(flush);
            cycles += flush.cycles();
            queued = 0;
            lastFlush = sim.now();
        }
        return cycles;
    }
}
