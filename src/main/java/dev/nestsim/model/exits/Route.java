package dev.nestsim.model.exits;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Who handles an event (docs/model.md section 2) and the plan of work that follows. Hardware sends every exit
 * to L0; L0 handles it itself (an L1 guest, a DVH bypass, an emulated-shadowing access it absorbs) or
 * reflects it through every level below the handler. Some events need no exit at all (hardware-shadowed
 * VMREAD, posted interrupts, virtualized EOI, a passthrough doorbell).
 */
final class Route {

    private final Calibration c;
    private final KvmHandlers handlers;

    Route(Calibration calibration) {
        this.c = calibration;
        this.handlers = new KvmHandlers(calibration);
    }

    /** The plan for {@code event} raised by the software of level {@code n} on the path of {@code ctx}. */
    Plan plan(PathContext ctx, int n, GuestEvent event) {
        if (event.reflection()) {
            Steps steps = new Steps();
            String name = handlers.reflect(ctx, n, event, steps);
            return new Plan(n, event, n, name, steps.build());
        }
        if (n == 0) {
            return new Plan(0, event, -1, "native", List.of(new Step.Work(0, "native instruction", nativeCycles(event))));
        }
        Exitless exitless = exitless(ctx, n, event);
        if (exitless != null) {
            return new Plan(n, event, -1, exitless.name, List.of(new Step.Work(n, exitless.name, exitless.cycles)));
        }
        int h = handler(ctx, n, event);
        Steps steps = new Steps();
        boolean exit = event != GuestEvent.WAKEUP_POLLED && event != GuestEvent.WAKEUP_BLOCKED;
        if (exit) {
            steps.work(0, "hardware VM exit", c.get(Param.VM_EXIT));
            GuestEvent reflection = KvmHandlers.reflectionFor(event);
            for (int k = 0; k < h; k++) {
                steps.sub(k, reflection, 1);
            }
        }
        String name = handlers.handle(ctx, h, n, event, steps);
        if (event == GuestEvent.INTERRUPT_DELIVERY || event == GuestEvent.DEVICE_INTERRUPT
                || event == GuestEvent.WAKEUP_POLLED || event == GuestEvent.WAKEUP_BLOCKED) {
            steps.work(n, "interrupt vectoring in the guest", c.get(Param.NATIVE_INTERRUPT_ENTRY));
        }
        if (!exit) {
            return new Plan(n, event, h, name, steps.build());
        }
        List<ExitReason> seenAs = new ArrayList<>(h + 1);
        for (int k = 0; k <= h; k++) {
            seenAs.add(seenAs(ctx, n, event, k, h));
        }
        return new Plan(n, event, true, h, name, steps.build(), seenAs);
    }

    /**
     * The reason under which level {@code k} sees an exit for {@code event} raised at level {@code n} and handled at
     * {@code h} ({@code perf kvm stat}'s column): L0 sees a nested guest's MMIO as the EPT violation it takes, its
     * hypervisor the EPT misconfiguration L0 reflects; L0 sees the hrtimer behind a guest hypervisor's preemption timer
     * as a host interrupt.
     */
    static ExitReason seenAs(PathContext ctx, int n, GuestEvent event, int k, int h) {
        switch (event) {
            case HYPERCALL:
                return ExitReason.VMCALL;
            case CPUID:
                return ExitReason.CPUID;
            case DEVICE_NOTIFY:
            case IOMMU_MAP:
            case IOMMU_UNMAP:
            case IOMMU_FLUSH:
                return k == 0 && n >= 2 ? ExitReason.EPT_VIOLATION : ExitReason.EPT_MISCONFIG;
            case PIO_KERNEL:
            case PIO_USER:
                return ExitReason.IO_INSTRUCTION;
            case TIMER_EXPIRY:
                return k == h && ctx.offload(h) == dev.nestsim.model.topology.TimerOffload.PREEMPTION_TIMER
                        ? ExitReason.PREEMPTION_TIMER : ExitReason.EXTERNAL_INTERRUPT;
            case INTERRUPT_DELIVERY:
            case DEVICE_INTERRUPT:
            case HYPERVISOR_INTERRUPT:
            case HOST_INTERRUPT:
                return ExitReason.EXTERNAL_INTERRUPT;
            case HALT:
            case HALT_PENDING:
                return ExitReason.HLT;
            case EPT_VIOLATION:
                return ExitReason.EPT_VIOLATION;
            case VMREAD:
            case VMREAD_UNSHADOWED:
                return ExitReason.VMREAD;
            case VMWRITE:
            case VMWRITE_UNSHADOWED:
                return ExitReason.VMWRITE;
            case VMPTRLD:
                return ExitReason.VMPTRLD;
            case VMCLEAR:
                return ExitReason.VMCLEAR;
            case VMRESUME:
            case VMRESUME_DIRTY:
                return ExitReason.VMRESUME;
            case INVEPT:
                return ExitReason.INVEPT;
            case DESCRIPTOR_TABLE:
                return ExitReason.GDTR_IDTR;
            default:
                // TIMER_PROGRAM, IPI_SEND, IPI_SEND_TO_HALTED, SELF_IPI, EOI, MSR_WRITE
                return ExitReason.MSR_WRITE;
        }
    }

    /** The level whose handler runs for an event that exits. */
    int handler(PathContext ctx, int n, GuestEvent event) {
        switch (event) {
            case VMREAD:
            case VMWRITE:
                // emulated shadowing: absorbed by the level that runs this hypervisor's hypervisor
                return ctx.shadowing(n) == dev.nestsim.model.topology.VmcsShadowing.EMULATED ? n - 2 : n - 1;
            case DEVICE_NOTIFY:
                return ctx.io(n) == IoModel.VIRTUAL_PASSTHROUGH && ctx.dvh(n, DvhMechanism.VIRTUAL_PASSTHROUGH) ? 0 : n - 1;
            case TIMER_PROGRAM:
            case TIMER_EXPIRY:
                return ctx.dvh(n, DvhMechanism.VIRTUAL_TIMER) ? 0 : n - 1;
            case IPI_SEND:
            case IPI_SEND_TO_HALTED:
                return ctx.dvh(n, DvhMechanism.VIRTUAL_IPI) ? 0 : n - 1;
            case INTERRUPT_DELIVERY:
                return ctx.dvh(n, DvhMechanism.VIRTUAL_IPI) ? 0 : n - 1;
            case DEVICE_INTERRUPT:
                return n - 1;
            case HYPERVISOR_INTERRUPT:
                return n - 1;
            case HOST_INTERRUPT:
                return 0;
            case HALT:
            case HALT_PENDING:
            case WAKEUP_POLLED:
            case WAKEUP_BLOCKED:
                return ctx.dvh(n, DvhMechanism.VIRTUAL_IDLE) ? 0 : n - 1;
            default:
                return n - 1;
        }
    }

    private record Exitless(String name, double cycles) {
    }

    private Exitless exitless(PathContext ctx, int n, GuestEvent event) {
        switch (event) {
            case VMREAD:
            case VMWRITE:
                return ctx.shadowing(n) == dev.nestsim.model.topology.VmcsShadowing.HARDWARE
                        ? new Exitless("hardware shadow VMCS access", c.get(event == GuestEvent.VMREAD ? Param.VMREAD : Param.VMWRITE))
                        : null;
            case DEVICE_NOTIFY:
                return ctx.io(n) == IoModel.PASSTHROUGH ? new Exitless("doorbell to the assigned VF (no exit)", c.get(Param.NATIVE_MMIO_WRITE)) : null;
            case SELF_IPI:
                return ctx.posted(n) ? new Exitless("self-IPI virtualized by APICv", c.get(Param.NATIVE_WRMSR)) : null;
            case INTERRUPT_DELIVERY:
                return ctx.posted(n) ? new Exitless("posted interrupt (no exit)",
                        c.get(Param.POSTED_INTERRUPT_DELIVERY) + c.get(Param.NATIVE_INTERRUPT_ENTRY)) : null;
            case EOI:
                return ctx.posted(n) ? new Exitless("EOI virtualized by APICv", c.get(Param.NATIVE_EOI)) : null;
            case DEVICE_INTERRUPT:
                return ctx.devicePosted(n) ? new Exitless("device interrupt posted directly (no exit)",
                        c.get(Param.POSTED_INTERRUPT_DELIVERY) + c.get(Param.NATIVE_INTERRUPT_ENTRY)) : null;
            case DESCRIPTOR_TABLE:
                return c.get(Param.UMIP_EMULATED) >= 0.5 ? null
                        : new Exitless("LGDT without descriptor-table exiting", c.get(Param.NATIVE_WRMSR));
            default:
                return null;
        }
    }

    /** What an operation costs on bare metal, where no hypervisor is involved (n = 0 in the cascade of docs/model.md section 2). */
    double nativeCycles(GuestEvent event) {
        switch (event) {
            case CPUID:
                return c.get(Param.NATIVE_CPUID);
            case DEVICE_NOTIFY:
                return c.get(Param.NATIVE_MMIO_WRITE);
            case TIMER_PROGRAM:
            case IPI_SEND:
            case IPI_SEND_TO_HALTED:
            case SELF_IPI:
            case MSR_WRITE:
                return c.get(Param.NATIVE_WRMSR);
            case EOI:
                return c.get(Param.NATIVE_EOI);
            case TIMER_EXPIRY:
            case INTERRUPT_DELIVERY:
            case DEVICE_INTERRUPT:
            case HYPERVISOR_INTERRUPT:
            case HOST_INTERRUPT:
                return c.get(Param.NATIVE_INTERRUPT_ENTRY);
            case INVEPT:
                return c.get(Param.INVEPT);
            case DESCRIPTOR_TABLE:
                return c.get(Param.NATIVE_WRMSR);
            case WAKEUP_POLLED:
            case WAKEUP_BLOCKED:
                return c.get(Param.NATIVE_C1_EXIT) + c.get(Param.NATIVE_INTERRUPT_ENTRY);
            case EPT_VIOLATION:
                return c.get(Param.PAGE_FAULT_HANDLER);
            case IOMMU_MAP:
            case IOMMU_UNMAP:
            case IOMMU_FLUSH:
                return c.get(Param.IOTLB_FLUSH_NATIVE);
            case VMREAD:
            case VMREAD_UNSHADOWED:
                return c.get(Param.VMREAD);
            case VMWRITE:
            case VMWRITE_UNSHADOWED:
                return c.get(Param.VMWRITE);
            case VMPTRLD:
                return c.get(Param.VMPTRLD);
            case VMCLEAR:
                return c.get(Param.VMCLEAR);
            case VMRESUME:
            case VMRESUME_DIRTY:
                return c.get(Param.VM_ENTRY);
            default:
                // HYPERCALL, PIO, HALT: no hypervisor to call, nothing to emulate; a HLT just idles
                return 0;
        }
    }
}
