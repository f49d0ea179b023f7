package dev.nestsim.advice;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.model.workload.machine.Counter;

/**
 * The analytic screen: a candidate's virtualization cycles per operation as the workload's native event rates times the exit
 * cascade's cost of each event at the leaf of the candidate's path,
 * <pre>
 *   overhead = timerPrograms x TIMER_PROGRAM + ipis x IPI_SEND_TO_HALTED + tlbShootdowns x IPI_SEND + kicks x DEVICE_NOTIFY
 *            + interrupts x (DEVICE_INTERRUPT + EOI [+ 2 DEVICE_NOTIFY for an emulated NIC]) + halts x (HALT + WAKEUP_POLLED or WAKEUP_BLOCKED)
 *            + for VIRTIO and EMULATED, at every guest hypervisor k (its backend bridges each packet): kicks x DEVICE_NOTIFY(k)
 *              + interrupts x (DEVICE_INTERRUPT(k) + EOI(k))
 *            + (kicks + interrupts) x per-buffer virtual IOMMU work at every guest hypervisor (STRICT: MAP + UNMAP;
 *              DEFERRED: MAP + FLUSH / 256; STATIC: none)
 *   estimate = native cycles per operation / (native cycles per operation + overhead)
 * </pre>
 * A CPU-bound approximation: it ranks candidates for simulation; the figures reported are always the simulation's.
 */
public final class Screen {

    /** Unmaps a DEFERRED virtual IOMMU batches into one flush (ViommuMode.DEFERRED). */
    static final int DEFERRED_BATCH = 256;

    /** An emulated e1000's register accesses per interrupt (interrupt cause read and mask), as the workload model charges them. */
    static final int EMULATED_ACCESSES_PER_INTERRUPT = 2;

    private final CascadeEngine engine;

    public Screen(CascadeEngine engine) {
        this.engine = engine;
    }

    /** The estimated performance relative to native, in (0, 1]. */
    public double normalizedToNative(Path path, EventRates rates) {
        return rates.cyclesPerOperation() / (rates.cyclesPerOperation() + overheadCycles(path, rates));
    }

    /** The estimated virtualization cycles per operation, not negative. */
    public double overheadCycles(Path path, EventRates rates) {
        ExitCostTable table = engine.table(path);
        int leaf = path.level();
        boolean polled = path.hypervisorSettings(leaf - 1).haltPollNs() > 0;
        double cycles = rates.rate(Counter.TIMER_PROGRAMS) * table.cycles(leaf, GuestEvent.TIMER_PROGRAM)
                + rates.rate(Counter.IPIS) * table.cycles(leaf, GuestEvent.IPI_SEND_TO_HALTED)
                + rates.rate(Counter.TLB_SHOOTDOWNS) * table.cycles(leaf, GuestEvent.IPI_SEND)
                + rates.rate(Counter.KICKS) * table.cycles(leaf, GuestEvent.DEVICE_NOTIFY)
                + rates.rate(Counter.INTERRUPTS) * (table.cycles(leaf, GuestEvent.DEVICE_INTERRUPT) + table.cycles(leaf, GuestEvent.EOI))
                + rates.rate(Counter.HALTS) * (table.cycles(leaf, GuestEvent.HALT)
                + table.cycles(leaf, polled ? GuestEvent.WAKEUP_POLLED : GuestEvent.WAKEUP_BLOCKED));
        if (path.leaf().io() == IoModel.EMULATED) {
            cycles += rates.rate(Counter.INTERRUPTS) * EMULATED_ACCESSES_PER_INTERRUPT * table.cycles(leaf, GuestEvent.DEVICE_NOTIFY);
        }
        if (path.leaf().io() == IoModel.VIRTIO || path.leaf().io() == IoModel.EMULATED) {
            for (int k = 1; k < leaf; k++) {
                cycles += rates.rate(Counter.KICKS) * table.cycles(k, GuestEvent.DEVICE_NOTIFY)
                        + rates.rate(Counter.INTERRUPTS) * (table.cycles(k, GuestEvent.DEVICE_INTERRUPT) + table.cycles(k, GuestEvent.EOI));
            }
        }
        double buffers = rates.rate(Counter.KICKS) + rates.rate(Counter.INTERRUPTS);
        for (int k = 1; k < leaf; k++) {
            ViommuMode mode = path.hypervisor(k).viommu();
            if (mode == ViommuMode.STRICT) {
                cycles += buffers * (table.cycles(k, GuestEvent.IOMMU_MAP) + table.cycles(k, GuestEvent.IOMMU_UNMAP));
            } else if (mode == ViommuMode.DEFERRED) {
                cycles += buffers * (table.cycles(k, GuestEvent.IOMMU_MAP) + table.cycles(k, GuestEvent.IOMMU_FLUSH) / DEFERRED_BATCH);
            }
        }
        return Math.max(cycles, 0);
    }
}
