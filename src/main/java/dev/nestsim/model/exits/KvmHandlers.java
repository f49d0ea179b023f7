package dev.nestsim.model.exits;

import static dev.nestsim.model.exits.GuestEvent.DESCRIPTOR_TABLE;
import static dev.nestsim.model.exits.GuestEvent.INVEPT;
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
 * What KVM's handler executes for each exit, as counted operations (read from Linux v5.10
 * arch/x86/kvm/vmx/{vmx.c,nested.c} and v4.18 arch/x86/kvm/vmx.c): software cycles at the handler's level, the VMCS accesses it makes
 * (shadowed or not), and the privileged operations it issues, each an event at the handler's own level. At L0 those
 * operations are native instructions; in a guest hypervisor they are routed again: the exit multiplication.
 *
 * <p>Each level acts as its own kernel generation ({@link KvmGeneration}): what it does to emulate a nested exit or
 * entry, and what its handlers execute. Whether a guest hypervisor's VMCS access traps is decided by the shadow list
 * of the level below it.
 */
final class KvmHandlers {

    /** Common exit-path VMREADs: EXIT_REASON, IDT_VECTORING_INFO, GUEST_PML_INDEX. */
    static final int COMMON_READS = 3;
    /** skip_emulated_instruction: RFLAGS, RIP, VM_EXIT_INSTRUCTION_LEN, GUEST_INTERRUPTIBILITY_INFO. */
    static final int SKIP_READS = 4;
    /** Emulated skip in a guest hypervisor: RFLAGS, CS_AR, RIP, GUEST_CR3, SS_AR, INTERRUPTIBILITY. */
    static final int EMULATED_SKIP_READS = 6;
    /** VMPTRLD(shadow) and VMPTRLD(current) around a shadow-VMCS copy. */
    static final int SHADOW_COPY_VMPTRLDS = 2;
    /** handle_vmptrld's VMREADs of the rare fields when it releases the old vmcs12 (copy_vmcs02_to_vmcs12_rare). */
    static final int RARE_FIELD_READS = 36;
    /** The shadow VMCS fields a guest hypervisor reads back when it emulates its guest's VMPTRLD. */
    static final int SHADOW_SYNC_READS = 24;

    private final Calibration c;

    KvmHandlers(Calibration calibration) {
        this.c = calibration;
    }

    private double p(Param param) {
        return c.get(param);
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
        KvmGeneration g = ctx.gen(k);
        double software = p(Param.EXIT_DISPATCH) + p(Param.REFLECT_SOFTWARE)
                + (reflection == GuestEvent.NESTED_VMEXIT_MMIO ? p(Param.NESTED_EPT_FAULT) : 0)
                + (ctx.cachesShadowFor(k) ? p(Param.SHADOW_CACHE_COPY) : 0)
                + (k == 0 && (reflection == GuestEvent.NESTED_VMEXIT_INTERRUPT || reflection == GuestEvent.NESTED_VMEXIT_DEVICE)
                        ? p(Param.EXTINT_HANDLER) : 0)
                // an assigned device's interrupt is handled by this level's vfio, which injects it into the level above
                + (k >= 1 && reflection == GuestEvent.NESTED_VMEXIT_DEVICE
                        ? p(Param.EXTINT_HANDLER) + p(Param.IOEVENTFD_SIGNAL) + p(Param.INTERRUPT_INJECT) : 0);
        s.work(k, "nested_vmx_vmexit software", software);
        s.sub(k, VMREAD, g.exitReads() - g.exitReadsTrapped()).sub(k, VMREAD_UNSHADOWED, g.exitReadsTrapped())
                .sub(k, VMWRITE, g.exitWrites() - g.exitWritesTrapped()).sub(k, VMWRITE_UNSHADOWED, g.exitWritesTrapped());
        if (ctx.exposes(k)) {
            shadowCopy(s, k, g, g.shadowCopyWritesRw(), g.shadowCopyWritesRo(), "copy_vmcs12_to_shadow");
        }
        vmcsSwitch(ctx, s, k, g, "vmx_switch_vmcs(vmcs01)");
        s.work(k, "release the vmcs12 pages", g.pagesUnmappedOnExit() * p(Param.GUEST_PAGE_UNMAP));
        s.work(k, "reload the APIC-access page", g.pagesMappedOnExit() * p(Param.GUEST_PAGE_MAP));
        if (g.tlbFlushOnNestedExit() && k + 1 <= ctx.top()) {
            tlbFlush(s, k, k + 1, Param.TLB_REFILL_HYPERVISOR, "the guest hypervisor");
        }
        s.sub(k, k == 0 ? GuestEvent.VMRESUME : GuestEvent.VMRESUME_DIRTY, 1);
        return "nested_vmx_vmexit: reflect the exit to L" + (k + 1);
    }

    /** The copy between vmcs12 and the shadow VMCS: VMPTRLD(shadow), the fields, VMCLEAR, VMPTRLD(current). */
    private void shadowCopy(Steps s, int k, KvmGeneration g, int shadowed, int trapped, String name) {
        if (name.startsWith("copy_shadow")) {
            s.sub(k, VMREAD, shadowed);
        } else {
            s.sub(k, VMWRITE, shadowed).sub(k, VMWRITE_UNSHADOWED, trapped);
        }
        s.sub(k, VMPTRLD, SHADOW_COPY_VMPTRLDS).sub(k, VMCLEAR, 1);
        if (g.fieldOffsetLookups()) {
            s.work(k, name + ": runtime field-offset lookups", (shadowed + trapped) * p(Param.FIELD_OFFSET_LOOKUP));
        }
    }

    /**
     * A switch between vmcs01 and vmcs02 at level {@code k}: its VMPTRLD, and as the generation does it, the IBPB after it
     * and the full vCPU put and load, whose LGDT exits under emulated UMIP when a guest hypervisor executes it.
     */
    private void vmcsSwitch(PathContext ctx, Steps s, int k, KvmGeneration g, String name) {
        s.sub(k, VMPTRLD, 1);
        if (g.ibpbOnVmcsSwitch()) {
            s.work(k, name + ": IBPB", p(Param.IBPB));
        }
        if (g.vcpuPutLoadOnVmcsSwitch()) {
            s.work(k, name + ": vmx_vcpu_put + vmx_vcpu_load", p(Param.VCPU_PUT_LOAD));
            if (k >= 1) {
                s.sub(k, DESCRIPTOR_TABLE, 1);
            }
        }
        if (g.mmuResetOnTransition()) {
            s.work(k, "kvm_mmu_reset_context", p(Param.MMU_CONTEXT_RESET));
        }
    }

    /** INVEPT at level {@code k} (it exits when a guest hypervisor executes it), then {@code refiller}'s TLB refill. */
    private void tlbFlush(Steps s, int k, int refiller, Param refill, String whose) {
        s.sub(k, INVEPT, 1);
        s.work(refiller, "TLB refill of " + whose + " after the INVEPT", p(refill));
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
                exitWork(s, h, dispatch + p(Param.HYPERCALL_HANDLER), COMMON_READS + 1 + SKIP_READS, 1);
                ssArRead(ctx, h, s);
                return "handle_vmcall";
            case CPUID:
                exitWork(s, h, dispatch + p(Param.CPUID_HANDLER), COMMON_READS + SKIP_READS, 1);
                return "handle_cpuid";
            case PIO_KERNEL:
                exitWork(s, h, dispatch + p(Param.PIO_KERNEL_HANDLER), COMMON_READS + 1 + SKIP_READS, 1);
                return "handle_io (in-kernel device)";
            case PIO_USER:
                exitWork(s, h, dispatch + p(Param.USERSPACE_EXIT), COMMON_READS + 1 + SKIP_READS, 1);
                toUserSpace(s, h);
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
                if (ctx.offload(h) == TimerOffload.PREEMPTION_TIMER) {
                    // kvm_lapic_expired_hv_timer -> cancel_hv_timer
                    hvTimerToggle(ctx, h, s);
                    return "handle_preemption_timer";
                }
                return "hrtimer expiry -> apic_timer_expired";
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
            case HOST_INTERRUPT:
                exitWork(s, h, dispatch + p(Param.EXTINT_HANDLER), COMMON_READS + 1, 0);
                return "handle_external_interrupt (L0's own interrupt)";
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
                postBlock(ctx, h, s);
                return "kvm_vcpu_block (polled)";
            case WAKEUP_BLOCKED:
                s.work(h, "scheduler wakes the vCPU thread; vmx_post_block",
                        p(Param.CONTEXT_SWITCH) + p(Param.HALT_POLL_DETECT) + inject(ctx, n));
                // the vCPU thread was scheduled out and in: vcpu_put's LGDT
                if (h >= 1) {
                    s.sub(h, DESCRIPTOR_TABLE, 1);
                }
                postBlock(ctx, h, s);
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
            case INVEPT:
                exitWork(s, h, dispatch + p(Param.VMCS_ACCESS_EMULATION), COMMON_READS + 2 + SKIP_READS, 1);
                // kvm_mmu_sync_roots and a flush of the shadow EPT context: an INVEPT of this level's own
                s.sub(h, INVEPT, 1);
                return "handle_invept";
            case DESCRIPTOR_TABLE:
                exitWork(s, h, dispatch + p(Param.DESCRIPTOR_EMULATION), COMMON_READS + 2 + SKIP_READS, 1);
                return "handle_desc -> emulate_instruction (LGDT)";
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

    /**
     * A CPL check of the handler at level {@code h} (get_cpl reads GUEST_SS_AR_BYTES): free at L0, a shadowed read in a
     * guest hypervisor whose shadow VMCS lists the field (5.3 and later below it), a trapped one otherwise (4.18).
     */
    private static void ssArRead(PathContext ctx, int h, Steps s) {
        boolean trapped = h >= 1 && !ctx.gen(h - 1).ssArShadowed();
        s.sub(h, trapped ? VMREAD_UNSHADOWED : VMREAD, 1);
    }

    /**
     * A guest hypervisor of a generation that arms and disarms its guests' preemption timer through the pin-based
     * controls does a read-modify-write of PIN_BASED_VM_EXEC_CONTROL: trapped and dirtying vmcs12 unless the level
     * below shadows the field (Linux 4.18 vmx.c vmx_set_hv_timer). L0 does the same natively (in the handler's cost).
     */
    private static void hvTimerToggle(PathContext ctx, int h, Steps s) {
        if (h == 0 || !ctx.gen(h).hvTimerTogglesPinControls()) {
            return;
        }
        boolean shadowed = ctx.gen(h - 1).pinControlsShadowed();
        s.sub(h, shadowed ? VMREAD : VMREAD_UNSHADOWED, 1).sub(h, shadowed ? VMWRITE : VMWRITE_UNSHADOWED, 1);
    }

    /** vmx_post_block: the guest's timer moves back to the preemption timer (kvm_lapic_switch_to_hv_timer). */
    private void postBlock(PathContext ctx, int h, Steps s) {
        s.sub(h, VMWRITE, 2);
        if (ctx.offload(h) == TimerOffload.PREEMPTION_TIMER) {
            hvTimerToggle(ctx, h, s);
        }
    }

    /** Injecting an interrupt on entry: through PIR and RVI when posted, by event injection otherwise. */
    private double inject(PathContext ctx, int n) {
        return ctx.posted(n) ? p(Param.PI_SYNC) : p(Param.INTERRUPT_INJECT);
    }

    /**
     * A return to user space and back at level {@code h}: the user-return MSRs rewritten each way (vmx.c
     * kvm_on_user_return) and vcpu_put's LGDT (an exit under emulated UMIP).
     */
    private void toUserSpace(Steps s, int h) {
        s.sub(h, MSR_WRITE, Math.round(2 * p(Param.USER_RETURN_MSRS)));
        if (h >= 1) {
            s.sub(h, DESCRIPTOR_TABLE, 1);
        }
    }

    /** Whether the handler at {@code h} takes a WRMSR exit of level {@code n} on its generation's fastpath. */
    private static boolean fastpath(PathContext ctx, int h, int n) {
        // vmx_exit_handlers_fastpath returns EXIT_FASTPATH_NONE in guest mode: only a level's own guest's exits
        return ctx.gen(h).exitFastpaths() && n == h + 1;
    }

    private String deviceNotify(PathContext ctx, int h, int n, Steps s) {
        double dispatch = p(Param.EXIT_DISPATCH);
        boolean nestedVp = h == 0 && n >= 2;
        if (ctx.io(n) == IoModel.EMULATED && !nestedVp) {
            exitWork(s, h, dispatch + p(Param.INSTRUCTION_DECODE) + p(Param.USERSPACE_EXIT) + p(Param.E1000_EMULATION),
                    COMMON_READS + 1 + EMULATED_SKIP_READS, 1);
            toUserSpace(s, h);
            return "MMIO emulation -> QEMU e1000";
        }
        double wake = p(Param.EPT_MISCONFIG_HANDLER) + p(Param.IOEVENTFD_SIGNAL) + p(Param.THREAD_WAKE);
        if (h == 0) {
            exitWork(s, 0, dispatch + wake + (nestedVp ? p(Param.NESTED_EPT_FAULT) : 0), COMMON_READS + 1 + SKIP_READS, 1);
            return nestedVp ? "DVH virtual-passthrough: ioeventfd for the nested VM (vhost)" : "handle_ept_misconfig -> ioeventfd (vhost)";
        }
        // kvm_emulate_instruction(EMULTYPE_SKIP): the instruction fetch checks the CPL (GUEST_SS_AR_BYTES)
        exitWork(s, h, dispatch + wake + p(Param.INSTRUCTION_DECODE), COMMON_READS + EMULATED_SKIP_READS, 1);
        ssArRead(ctx, h, s);
        // the vhost worker sleeps on an idle vCPU of this guest hypervisor: a reschedule IPI wakes it
        s.sub(h, GuestEvent.IPI_SEND_TO_HALTED, 1);
        return "handle_ept_misconfig -> ioeventfd (vhost)";
    }

    private String timerProgram(PathContext ctx, int h, int n, Steps s) {
        boolean fast = fastpath(ctx, h, n);
        double software = p(Param.EXIT_DISPATCH) + p(Param.MSR_WRITE_HANDLER) + p(Param.TSCDEADLINE_HANDLER)
                - (fast ? p(Param.FASTPATH_SAVING_TSC) : 0);
        int reads = COMMON_READS + SKIP_READS - (fast ? 1 : 0);
        if (h == 0 && n >= 2) {
            software += p(Param.DVH_TIMER_PER_LEVEL) * (n - 1);
        }
        if (ctx.offload(h) == TimerOffload.PREEMPTION_TIMER) {
            exitWork(s, h, software, reads, 2);
            // vmx_set_hv_timer
            hvTimerToggle(ctx, h, s);
            return h == 0 && n >= 2 ? "DVH virtual timer (preemption timer)" : "handle_wrmsr -> start_hv_timer";
        }
        exitWork(s, h, software + p(Param.HRTIMER_PROGRAM), reads, 1);
        // the host hrtimer reprograms this level's own clock-event device
        s.sub(h, TIMER_PROGRAM, 1);
        return "handle_wrmsr -> start_sw_timer (hrtimer)";
    }

    private String ipiSend(PathContext ctx, int h, int n, GuestEvent event, Steps s) {
        boolean fast = fastpath(ctx, h, n);
        double software = p(Param.EXIT_DISPATCH) + p(Param.MSR_WRITE_HANDLER) + p(Param.ICR_HANDLER)
                - (fast ? p(Param.FASTPATH_SAVING_ICR) : 0);
        int reads = COMMON_READS + SKIP_READS - (fast ? 1 : 0);
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
            hvTimerToggle(ctx, h, s);
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
        toUserSpace(s, h);
        // vfio in this level programs its own IOMMU: physical at L0, a virtual one (another trap) above
        s.sub(h, event, 1);
        return "QEMU intel-iommu invalidation -> vfio " + (event == GuestEvent.IOMMU_MAP ? "MAP_DMA" : "UNMAP_DMA");
    }

    /**
     * Level {@code h} emulates its guest hypervisor's VMRESUME ({@code nested_vmx_run}): the copy out of the shadow
     * VMCS, the checks, the switch to vmcs02, prepare_vmcs02 (and its full or rare part when vmcs12 is dirty), the
     * vmcs12 pages mapped again, and as the generation does it the MMU reset and the INVEPT of the nested guest's
     * context, whose TLB it then refills.
     */
    private String emulateEntry(PathContext ctx, int h, boolean dirty, Steps s) {
        KvmGeneration g = ctx.gen(h);
        double software = p(Param.EXIT_DISPATCH) + p(Param.EMULATE_ENTRY_SOFTWARE)
                + (ctx.cachesShadowFor(h) ? p(Param.SHADOW_CACHE_COPY) : 0);
        s.work(h, "nested_vmx_run software", software);
        if (ctx.exposes(h)) {
            shadowCopy(s, h, g, g.shadowCopyReads(), 0, "copy_shadow_to_vmcs12");
        }
        s.sub(h, VMREAD, g.entryReads() - g.entryReadsTrapped()).sub(h, VMREAD_UNSHADOWED, g.entryReadsTrapped());
        vmcsSwitch(ctx, s, h, g, "vmx_switch_vmcs(vmcs02)");
        s.sub(h, VMWRITE, g.entryWrites() - g.entryWritesTrapped())
                .sub(h, VMWRITE_UNSHADOWED, g.entryWritesTrapped() + (dirty ? g.rareWrites() : 0));
        s.work(h, "nested_get_vmcs12_pages: map the vmcs12 pages", g.pagesMappedOnEntry() * p(Param.GUEST_PAGE_MAP));
        if (h == 0 && g.controlsRewrittenOnEntry()) {
            s.work(0, "full consistency checks of the VM entry (controls rewritten)", p(Param.FULL_ENTRY_CHECKS));
        }
        if (g.tlbFlushOnNestedEntry() && h + 2 <= ctx.top()) {
            tlbFlush(s, h, h + 2, Param.TLB_REFILL_GUEST, "the nested guest");
        }
        return dirty ? "nested_vmx_run (dirty vmcs12: prepare_vmcs02_full)" : "nested_vmx_run";
    }
}
