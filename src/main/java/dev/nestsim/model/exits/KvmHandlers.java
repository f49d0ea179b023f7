package dev.nestsim.model.exits;

import static dev.nestsim.model.exits.GuestEvent.IPI_SEND;
import static dev.nestsim.model.exits.GuestEvent.MSR_WRITE;
import static dev.nestsim.model.exits.GuestEvent.TIMER_PROGRAM;
import static dev.nestsim.model.exits.GuestEvent.VMCLEAR;
import static dev.nestsim.model.exits.GuestEvent.VMPTRLD;
import static dev.nestsim.model.exits.GuestEvent.VMREAD;
import static dev.nestsim.model.exits.GuestEvent.VMREAD_UNSHADOWED;
import static dev.nestsim.model.exits.GuestEvent.VMWRITE;
import static dev.nestsim.model.exits.GuestEvent.VMWRITE_UNSHADOWED;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.TimerOffload;

/**
 * What KVM's handler executes for each exit, as counted operations (research/kvm-exit-paths.md sections 1 to
 * 4 and 7): software cycles at the handler's level, the VMCS accesses it makes (shadowed or not), and the
 * privileged operations it issues, each an event at the handler's own level. At L0 those operations are
 * native instructions; in a guest hypervisor they are routed again: the exit multiplication.
 */
final class KvmHandlers {

    /** Common exit-path VMREADs: EXIT_REASON, IDT_VECTORING_INFO, GUEST_PML_INDEX. */
    static final int COMMON_READS = 3;
    /** skip_emulated_instruction: RFLAGS, RIP, VM_EXIT_INSTRUCTION_LEN, GUEST_INTERRUPTIBILITY_INFO. */
    static final int SKIP_READS = 4;
    /** Emulated skip in a guest hypervisor: RFLAGS, CS_AR, RIP, GUEST_CR3, SS_AR, INTERRUPTIBILITY. */
    static final int EMULATED_SKIP_READS = 6;

    // nested_vmx_vmexit (research section 3.1 and 4)
    static final int REFLECT_READS_SHADOWED = 16;
    static final int REFLECT_READS_UNSHADOWED = 2;
    static final int REFLECT_WRITES_SHADOWED = 5;
    static final int REFLECT_WRITES_UNSHADOWED = 40;
    static final int SHADOW_SYNC_WRITES_RW = 24;
    static final int SHADOW_SYNC_WRITES_RO = 11;
    // nested_vmx_run (research section 3.2 and 4)
    static final int ENTRY_READS_SHADOWED = 7;
    static final int ENTRY_READS_UNSHADOWED = 1;
    static final int ENTRY_WRITES_SHADOWED = 20;
    static final int ENTRY_WRITES_UNSHADOWED = 7;
    static final int SHADOW_SYNC_READS = 24;
    static final int RARE_FIELD_WRITES = 57;
    static final int RARE_FIELD_READS = 36;

    private final Calibration c;

    KvmHandlers(Calibration calibration) {
        this.c = calibration;
    }

    private double p(Param param) {
        return c.get(param);
    }

    boolean legacy() {
        return c.get(Param.KVM_LEGACY) >= 0.5;
    }

    /** The reflection step that carries an exit caused by {@code cause} one level up. */
    static GuestEvent reflectionFor(GuestEvent cause) {
        switch (cause) {
            case EPT_VIOLATION:
            case IOMMU_MAP:
            case IOMMU_UNMAP:
            case IOMMU_FLUSH:
            case DEVICE_NOTIFY:
                return GuestEvent.NESTED_VMEXIT_MMIO;
            case TIMER_EXPIRY:
            case INTERRUPT_DELIVERY:
            case HYPERVISOR_INTERRUPT:
                return GuestEvent.NESTED_VMEXIT_INTERRUPT;
            case DEVICE_INTERRUPT:
                return GuestEvent.NESTED_VMEXIT_DEVICE;
            default:
                return GuestEvent.NESTED_VMEXIT;
        }
    }

    /**
     * Level {@code k} emulates a VM exit from its nested guest into level {@code k + 1} ({@code nested_vmx_vmexit}),
     * then resumes it. At k = 0 this is L0's reflection; above, every non-shadowed access and VMPTRLD traps.
     * MMIO exits first walk the guest's EPT in software; an interrupt for a hypervisor reaches L0 as a host interrupt.
     */
    String reflect(PathContext ctx, int k, GuestEvent reflection, Steps s) {
        double software = p(Param.EXIT_DISPATCH) + p(Param.REFLECT_SOFTWARE)
                + (legacy() ? p(Param.LEGACY_NESTED_EXIT) : 0)
                + (reflection == GuestEvent.NESTED_VMEXIT_MMIO ? p(Param.NESTED_EPT_FAULT) : 0)
                + (ctx.cachesShadowFor(k) ? p(Param.SHADOW_CACHE_COPY) : 0)
                + (k == 0 && (reflection == GuestEvent.NESTED_VMEXIT_INTERRUPT || reflection == GuestEvent.NESTED_VMEXIT_DEVICE)
                        ? p(Param.EXTINT_HANDLER) : 0)
                // an assigned device's interrupt is handled by this level's vfio, which injects it into the level above
                + (k >= 1 && reflection == GuestEvent.NESTED_VMEXIT_DEVICE
                        ? p(Param.EXTINT_HANDLER) + p(Param.IOEVENTFD_SIGNAL) + p(Param.INTERRUPT_INJECT) : 0);
        s.work(k, "nested_vmx_vmexit software", software);
        boolean sync = ctx.exposes(k);
        s.sub(k, VMREAD, REFLECT_READS_SHADOWED)
                .sub(k, VMREAD_UNSHADOWED, REFLECT_READS_UNSHADOWED)
                .sub(k, VMWRITE, REFLECT_WRITES_SHADOWED + (sync ? SHADOW_SYNC_WRITES_RW : 0))
                .sub(k, VMWRITE_UNSHADOWED, REFLECT_WRITES_UNSHADOWED + (sync ? SHADOW_SYNC_WRITES_RO : 0))
                .sub(k, VMPTRLD, 1 + (sync ? 2 : 0))
                .sub(k, VMCLEAR, sync ? 1 : 0);
        s.sub(k, k == 0 ? GuestEvent.VMRESUME : GuestEvent.VMRESUME_DIRTY, 1);
        return "nested_vmx_vmexit: reflect the exit to L" + (k + 1);
    }

    /**
     * The handler of level {@code h} for {@code event} raised at level {@code n}: appends its steps and, unless
     * the vCPU blocks, the VMRESUME that returns to the guest. Returns the handler's name.
     */
    String handle(PathContext ctx, int h, int n, GuestEvent event, Steps s) {
        int mark = s.mark();
        String name = body(ctx, h, n, event, s);
        if (event != GuestEvent.HALT) {
            boolean dirty = s.dirtiedSince(mark, h);
            s.sub(h, dirty ? GuestEvent.VMRESUME_DIRTY : GuestEvent.VMRESUME, 1);
        }
        return name;
    }

    private String body(PathContext ctx, int h, int n, GuestEvent event, Steps s) {
        double dispatch = p(Param.EXIT_DISPATCH);
        switch (event) {
            case HYPERCALL:
                exitWork(s, h, dispatch + p(Param.HYPERCALL_HANDLER), COMMON_READS + 2 + SKIP_READS, 1);
                return "handle_vmcall";
            case CPUID:
                exitWork(s, h, dispatch + p(Param.CPUID_HANDLER), COMMON_READS + SKIP_READS, 1);
                return "handle_cpuid";
            case PIO_KERNEL:
                exitWork(s, h, dispatch + p(Param.PIO_KERNEL_HANDLER), COMMON_READS + 1 + SKIP_READS, 1);
                return "handle_io (in-kernel device)";
            case PIO_USER:
                exitWork(s, h, dispatch + p(Param.USERSPACE_EXIT), COMMON_READS + 1 + SKIP_READS, 1);
                userReturnMsrs(s, h);
                return "handle_io -> QEMU";
            case MSR_WRITE:
                exitWork(s, h, dispatch + p(Param.MSR_WRITE_HANDLER), COMMON_READS + SKIP_READS, 1);
                return "handle_wrmsr";
            case DEVICE_NOTIFY:
                return deviceNotify(ctx, h, n, s);
            case TIMER_PROGRAM:
                return timerProgram(ctx, h, n, s);
            case TIMER_EXPIRY:
                exitWork(s, h, dispatch + p(Param.TIMER_INJECT) + inject(ctx, n), COMMON_READS, 1);
                return ctx.offload(h) == TimerOffload.PREEMPTION_TIMER ? "handle_preemption_timer" : "hrtimer expiry -> apic_timer_expired";
            case IPI_SEND:
            case IPI_SEND_TO_HALTED:
                return ipiSend(ctx, h, n, event, s);
            case SELF_IPI:
                exitWork(s, h, dispatch + p(Param.MSR_WRITE_HANDLER) + p(Param.ICR_HANDLER), COMMON_READS + SKIP_READS, 1);
                return "handle_wrmsr (x2APIC SELF_IPI)";
            case INTERRUPT_DELIVERY:
                exitWork(s, h, dispatch + p(Param.EXTINT_HANDLER) + p(Param.INTERRUPT_INJECT), COMMON_READS + 1, 2);
                return "handle_external_interrupt -> inject";
            case DEVICE_INTERRUPT:
                exitWork(s, h, dispatch + p(Param.EXTINT_HANDLER) + p(Param.IOEVENTFD_SIGNAL) + inject(ctx, n), COMMON_READS + 1, 2);
                return "handle_external_interrupt -> vfio -> irqfd -> inject";
            case HYPERVISOR_INTERRUPT:
                exitWork(s, h, dispatch + p(Param.EXTINT_HANDLER), COMMON_READS + 1, 0);
                return "handle_external_interrupt (the hypervisor's own interrupt)";
            case EOI:
                exitWork(s, h, dispatch + p(Param.MSR_WRITE_HANDLER) + p(Param.EOI_HANDLER), COMMON_READS + SKIP_READS, 1);
                return "handle_wrmsr (x2APIC EOI)";
            case HALT:
                return halt(ctx, h, n, s);
            case HALT_PENDING:
                exitWork(s, h, dispatch + p(Param.HALT_HANDLER) + inject(ctx, n), COMMON_READS + SKIP_READS, 2);
                return "handle_halt (interrupt pending)";
            case WAKEUP_POLLED:
                s.work(h, "halt poll sees the interrupt; vmx_post_block", p(Param.HALT_POLL_DETECT) + inject(ctx, n));
                s.sub(h, VMWRITE, 2);
                return "kvm_vcpu_block (polled)";
            case WAKEUP_BLOCKED:
                s.work(h, "scheduler wakes the vCPU thread; vmx_post_block",
                        p(Param.CONTEXT_SWITCH) + p(Param.HALT_POLL_DETECT) + inject(ctx, n));
                s.sub(h, VMWRITE, 2);
                return "kvm_vcpu_block (woken)";
            case EPT_VIOLATION:
                exitWork(s, h, dispatch + p(Param.PAGE_FAULT_HANDLER), COMMON_READS + 2, 0);
                if (h >= 1) {
                    s.sub(h, GuestEvent.EPT_VIOLATION, 1);
                }
                return "handle_ept_violation";
            case IOMMU_MAP:
            case IOMMU_UNMAP:
            case IOMMU_FLUSH:
                return iommu(ctx, h, event, s);
            case VMREAD:
            case VMWRITE:
            case VMREAD_UNSHADOWED:
            case VMWRITE_UNSHADOWED:
                exitWork(s, h, dispatch + p(Param.VMCS_ACCESS_EMULATION), COMMON_READS + 2 + SKIP_READS, 1);
                return event == VMREAD || event == VMREAD_UNSHADOWED ? "handle_vmread" : "handle_vmwrite";
            case VMPTRLD:
                exitWork(s, h, dispatch + p(Param.VMPTRLD_EMULATION), COMMON_READS + 2 + SKIP_READS, 1);
                boolean sync = ctx.exposes(h);
                s.sub(h, VMPTRLD, 2 + (sync ? 2 : 0)).sub(h, VMCLEAR, sync ? 1 : 0)
                        .sub(h, VMREAD, sync ? SHADOW_SYNC_READS : 0).sub(h, VMREAD_UNSHADOWED, RARE_FIELD_READS);
                return "handle_vmptrld";
            case VMCLEAR:
                exitWork(s, h, dispatch + p(Param.VMCLEAR_EMULATION), COMMON_READS + 2 + SKIP_READS, 1);
                return "handle_vmclear";
            case VMRESUME:
            case VMRESUME_DIRTY:
                return emulateEntry(ctx, h, event == GuestEvent.VMRESUME_DIRTY, s);
            default:
                throw new IllegalStateException("no handler for " + event);
        }
    }

    /** Handler software plus the shadowed VMCS reads and writes of an ordinary exit handler. */
    private static void exitWork(Steps s, int h, double software, int reads, int writes) {
        s.work(h, "handler software", software);
        s.sub(h, VMREAD, reads).sub(h, VMWRITE, writes);
    }

    /** Injecting an interrupt on entry: through PIR and RVI when posted, by event injection otherwise. */
    private double inject(PathContext ctx, int n) {
        return ctx.posted(n) ? p(Param.PI_SYNC) : p(Param.INTERRUPT_INJECT);
    }

    /** The user-return MSRs rewritten on the way to user space and back (research section 1.3). */
    private void userReturnMsrs(Steps s, int h) {
        s.sub(h, MSR_WRITE, Math.round(2 * p(Param.USER_RETURN_MSRS)));
    }

    private String deviceNotify(PathContext ctx, int h, int n, Steps s) {
        double dispatch = p(Param.EXIT_DISPATCH);
        boolean nestedVp = h == 0 && n >= 2;
        if (ctx.io(n) == IoModel.EMULATED && !nestedVp) {
            exitWork(s, h, dispatch + p(Param.INSTRUCTION_DECODE) + p(Param.USERSPACE_EXIT) + p(Param.E1000_EMULATION),
                    COMMON_READS + 1 + EMULATED_SKIP_READS, 1);
            userReturnMsrs(s, h);
            return "MMIO emulation -> QEMU e1000";
        }
        double wake = p(Param.EPT_MISCONFIG_HANDLER) + p(Param.IOEVENTFD_SIGNAL) + p(Param.THREAD_WAKE);
        if (h == 0) {
            exitWork(s, 0, dispatch + wake + (nestedVp ? p(Param.NESTED_EPT_FAULT) : 0), COMMON_READS + 1 + SKIP_READS, 1);
            return nestedVp ? "DVH virtual-passthrough: ioeventfd for the nested VM (vhost)" : "handle_ept_misconfig -> ioeventfd (vhost)";
        }
        exitWork(s, h, dispatch + wake + p(Param.INSTRUCTION_DECODE), COMMON_READS + 1 + EMULATED_SKIP_READS, 1);
        // the vhost worker sleeps on an idle vCPU of this guest hypervisor: a reschedule IPI wakes it
        s.sub(h, GuestEvent.IPI_SEND_TO_HALTED, 1);
        return "handle_ept_misconfig -> ioeventfd (vhost)";
    }

    private String timerProgram(PathContext ctx, int h, int n, Steps s) {
        double software = p(Param.EXIT_DISPATCH) + p(Param.MSR_WRITE_HANDLER) + p(Param.TSCDEADLINE_HANDLER)
                - (legacy() ? 0 : p(Param.FASTPATH_SAVING_TSC));
        int reads = COMMON_READS + SKIP_READS - (legacy() ? 0 : 1);
        if (h == 0 && n >= 2) {
            software += p(Param.DVH_TIMER_PER_LEVEL) * (n - 1);
        }
        if (ctx.offload(h) == TimerOffload.PREEMPTION_TIMER) {
            exitWork(s, h, software, reads, 2);
            return h == 0 && n >= 2 ? "DVH virtual timer (preemption timer)" : "handle_wrmsr -> start_hv_timer";
        }
        exitWork(s, h, software + p(Param.HRTIMER_PROGRAM), reads, 1);
        // the host hrtimer reprograms this level's own clock-event device
        s.sub(h, TIMER_PROGRAM, 1);
        return "handle_wrmsr -> start_sw_timer (hrtimer)";
    }

    private String ipiSend(PathContext ctx, int h, int n, GuestEvent event, Steps s) {
        double software = p(Param.EXIT_DISPATCH) + p(Param.MSR_WRITE_HANDLER) + p(Param.ICR_HANDLER)
                - (legacy() ? 0 : p(Param.FASTPATH_SAVING_ICR));
        int reads = COMMON_READS + SKIP_READS - (legacy() ? 0 : 1);
        boolean dvh = h == 0 && n >= 2 && ctx.dvh(n, DvhMechanism.VIRTUAL_IPI);
        if (dvh) {
            software += p(Param.DVH_IPI_LOOKUP);
        }
        if (event == GuestEvent.IPI_SEND_TO_HALTED) {
            exitWork(s, h, software + p(Param.VCPU_KICK), reads, 1);
            return dvh ? "DVH virtual IPI -> kick the halted vCPU" : "handle_wrmsr (ICR) -> kvm_vcpu_kick";
        }
        exitWork(s, h, software, reads, 1);
        // the posted-interrupt notification (or the kick) to the CPU running the target
        s.sub(h, IPI_SEND, 1);
        return dvh ? "DVH virtual IPI -> posted interrupt" : "handle_wrmsr (ICR) -> deliver_posted_interrupt";
    }

    private String halt(PathContext ctx, int h, int n, Steps s) {
        double software = p(Param.EXIT_DISPATCH) + p(Param.HALT_HANDLER) + (h == 0 && n >= 2 ? p(Param.DVH_IDLE) : 0);
        exitWork(s, h, software, COMMON_READS + SKIP_READS, 0);
        if (ctx.offload(h) == TimerOffload.PREEMPTION_TIMER) {
            // vmx_pre_block: the guest's timer moves from the preemption timer to an hrtimer
            s.work(h, "kvm_lapic_switch_to_sw_timer", p(Param.HRTIMER_PROGRAM));
            s.sub(h, TIMER_PROGRAM, 1);
        }
        return h == 0 && n >= 2 ? "DVH virtual idle: kvm_vcpu_block" : "handle_halt -> kvm_vcpu_block";
    }

    private String iommu(PathContext ctx, int h, GuestEvent event, Steps s) {
        double vfio = event == GuestEvent.IOMMU_MAP ? p(Param.VFIO_DMA_MAP) : p(Param.VFIO_DMA_UNMAP);
        double shadowWalk = p(Param.VTD_SHADOW_SYNC) * (event == GuestEvent.IOMMU_FLUSH ? 4 : 1);
        exitWork(s, h, p(Param.EXIT_DISPATCH) + p(Param.INSTRUCTION_DECODE) + p(Param.USERSPACE_EXIT) + shadowWalk + vfio,
                COMMON_READS + 1 + EMULATED_SKIP_READS, 1);
        userReturnMsrs(s, h);
        // vfio in this level programs its own IOMMU: physical at L0, a virtual one (another trap) above
        s.sub(h, event, 1);
        return "QEMU intel-iommu invalidation -> vfio " + (event == GuestEvent.IOMMU_MAP ? "MAP_DMA" : "UNMAP_DMA");
    }

    /** Level {@code h} emulates its guest hypervisor's VMRESUME ({@code nested_vmx_run}). */
    private String emulateEntry(PathContext ctx, int h, boolean dirty, Steps s) {
        double software = p(Param.EXIT_DISPATCH) + p(Param.EMULATE_ENTRY_SOFTWARE)
                + (legacy() ? p(Param.LEGACY_NESTED_ENTRY) : 0)
                + (ctx.cachesShadowFor(h) ? p(Param.SHADOW_CACHE_COPY) : 0);
        s.work(h, "nested_vmx_run software", software);
        boolean sync = ctx.exposes(h);
        s.sub(h, VMREAD, ENTRY_READS_SHADOWED + (sync ? SHADOW_SYNC_READS : 0))
                .sub(h, VMREAD_UNSHADOWED, ENTRY_READS_UNSHADOWED)
                .sub(h, VMWRITE, ENTRY_WRITES_SHADOWED)
                .sub(h, VMWRITE_UNSHADOWED, ENTRY_WRITES_UNSHADOWED + (dirty ? RARE_FIELD_WRITES : 0))
                .sub(h, VMPTRLD, 1 + (sync ? 2 : 0))
                .sub(h, VMCLEAR, sync ? 1 : 0);
        return dirty ? "nested_vmx_run (dirty vmcs12: prepare_vmcs02_rare)" : "nested_vmx_run";
    }
}
