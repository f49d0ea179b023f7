package dev.nestsim.model.exits;

import dev.nestsim.model.hardware.KernelGeneration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one kernel generation's KVM does on the paths the cascade prices (docs/model.md section 4.1): its own set of
 * mechanisms, counted from the source, never a scale factor. Linux 4.18 is read from the v4.18 tree
 * ({@code arch/x86/kvm/vmx.c}, {@code vmx_shadow_fields.h}); 5.3 and 5.10 from what the 4.20, 5.3 and 5.8 series
 * removed (docs/model.md section 4 lists the commits) and from the 5.10 {@code nested.c}.
 *
 * <p>Where the cascade uses it: a level that emulates a VM exit or entry for its guest hypervisor
 * ({@code nested_vmx_vmexit}, {@code nested_vmx_run}) does so as its own generation; a guest hypervisor's handler
 * executes its own generation's code; and which of its VMCS accesses trap is decided by the shadow-field list of the
 * level below it, which gives it its shadow VMCS.
 *
 * @param kernel                   the generation
 * @param exitFastpaths            WRMSR exit fastpaths for TSC_DEADLINE and the x2APIC ICR (5.6 to 5.8; never in guest mode)
 * @param ibpbOnVmcsSwitch         an IBPB after the VMPTRLD of every VMCS switch, vmcs01 to vmcs02 included
 *                                 ({@code vmx_vcpu_load}; removed for nested switches by 5c911beff20a, 2020)
 * @param vcpuPutLoadOnVmcsSwitch  {@code vmx_switch_vmcs} is a full {@code vmx_vcpu_put} + {@code vmx_vcpu_load}: host
 *                                 state reload (KERNEL_GS_BASE, LGDT), PI descriptor, DEBUGCTL (removed in 5.3)
 * @param mmuResetOnTransition     {@code kvm_mmu_reset_context} of L1's MMU on exit and of the shadow-EPT MMU on entry
 *                                 (removed by Kuznetsov's MMU switch series, 4.20)
 * @param tlbFlushOnNestedExit     an INVEPT of the guest hypervisor's EPT context on every nested exit (until 2020)
 * @param tlbFlushOnNestedEntry    an INVEPT of the nested guest's context on every nested entry ({@code vmx_set_cr3} on
 *                                 the MMU reload after the reset; gone with the reset)
 * @param exitReads                VMREADs of every emulated exit: vmcs02's guest state ({@code sync_vmcs12}: 52 in 4.18;
 *                                 about 12 once the rare fields were deferred in 5.3) and the exit information
 * @param exitReadsTrapped         how many of them read fields outside the same generation's shadow list (they trap
 *                                 when a guest hypervisor executes them)
 * @param exitWrites               VMWRITEs of the emulated exit besides the shadow copy (host state of vmcs12 into
 *                                 vmcs01: segments, descriptor tables, SYSENTER, control fields, MSR-load counts)
 * @param exitWritesTrapped        how many of them write fields outside the shadow list
 * @param entryReads               VMREADs of every emulated entry besides the shadow copy (exit reason, interrupt shadow,
 *                                 DEBUGCTL, ...)
 * @param entryReadsTrapped        how many of them read fields outside the shadow list
 * @param entryWrites              VMWRITEs of every emulated entry ({@code prepare_vmcs02}: 28 sites in 4.18, controls
 *                                 rewritten each time; about 27 through the per-VMCS control shadows of 5.3)
 * @param entryWritesTrapped       how many of them write fields outside the shadow list
 * @param rareWrites               the extra VMWRITEs when vmcs12 is dirty ({@code prepare_vmcs02_full}, 58 in 4.18;
 *                                 {@code prepare_vmcs02_rare}, about 57 later), all outside the shadow list
 * @param shadowCopyWritesRw       fields copied into the shadow VMCS on the way back to the guest hypervisor, read/write
 * @param shadowCopyWritesRo       the same, read-only fields (a VMWRITE to them traps when done by a guest hypervisor)
 * @param shadowCopyReads          fields copied out of the shadow VMCS on every emulated entry
 * @param fieldOffsetLookups       whether each copied field goes through the runtime field-offset lookup
 *                                 ({@code vmcs12_read_any}/{@code vmcs12_write_any}; compile-time tables from 5.3)
 * @param controlsRewrittenOnEntry whether every entry rewrites the major controls of vmcs02, which makes the hardware
 *                                 entry run its full consistency checks (Christopherson, 3af80fec6e7f)
 * @param pagesUnmappedOnExit      vmcs12-referenced L1 pages released on every nested exit
 * @param pagesMappedOnExit        pages mapped on every nested exit (4.18 reloads L1's APIC-access page after each one:
 *                                 {@code KVM_REQ_APIC_PAGE_RELOAD})
 * @param pagesMappedOnEntry       the same pages mapped again on every nested entry
 * @param ssArShadowed             this generation's shadow VMCS lets its guest hypervisor read GUEST_SS_AR_BYTES
 *                                 without a trap (every CPL check reads it)
 * @param pinControlsShadowed      this generation shadows PIN_BASED_VM_EXEC_CONTROL (5.3)
 * @param hvTimerTogglesPinControls as a guest hypervisor, it arms and disarms its guests' VMX preemption timer by a
 *                                 read-modify-write of PIN_BASED_VM_EXEC_CONTROL ({@code vmx_set_hv_timer},
 *                                 {@code vmx_cancel_hv_timer}); 5.3 leaves the timer enabled
 */
public record KvmGeneration(KernelGeneration kernel, boolean exitFastpaths, boolean ibpbOnVmcsSwitch,
                            boolean vcpuPutLoadOnVmcsSwitch, boolean mmuResetOnTransition, boolean tlbFlushOnNestedExit,
                            boolean tlbFlushOnNestedEntry, int exitReads, int exitReadsTrapped, int exitWrites,
                            int exitWritesTrapped, int entryReads, int entryReadsTrapped, int entryWrites,
                            int entryWritesTrapped, int rareWrites, int shadowCopyWritesRw, int shadowCopyWritesRo, int shadowCopyReads,
                            boolean fieldOffsetLookups, boolean controlsRewrittenOnEntry, int pagesUnmappedOnExit,
                            int pagesMappedOnExit, int pagesMappedOnEntry, boolean ssArShadowed, boolean pinControlsShadowed,
                            boolean hvTimerTogglesPinControls) {

    /** Exit information read on every emulated exit: reason, qualification, interruption and instruction fields. */
    static final int EXIT_INFO_READS = 6;

    /**
     * Linux 4.18 (arch/x86/kvm/vmx.c and vmx_shadow_fields.h in v4.18: nested_vmx_vmexit, nested_vmx_run): sync_vmcs12's 52
     * VMREADs and the exit information, 20 of the 58 in the 4.18 shadow list (CR0, CR3, CR4, RSP, RIP, RFLAGS, CS's four fields, ES's base, the interruptibility,
     * interrupt status and preemption-timer value, and the six read-only exit fields); load_vmcs12_host_state's 11
     * direct VMWRITEs and 7 segments of 4 fields, the MSR-load counts and TSC offset (3), EPT_POINTER at the MMU reload
     * and the host FS/GS fields after the vCPU load (4): 46, 14 of them shadowed; plus the read-modify-write of vmcs01's
     * pin-based controls for L1's own preemption timer and the HOST_RSP rewrite forced by {@code host_rsp = 0} (1 read,
     * 2 writes, none shadowed); the entry's common reads (3), its
     * interrupt shadow and DEBUGCTL (1 trapped); prepare_vmcs02's 28 sites, 14 outside the list (pin, secondary, entry
     * and exit controls, DEBUGCTL, DR7, PAT, EFER, TSC offset, VPID, EPT pointer, 3 page addresses) and
     * prepare_vmcs02_full's 58; the shadow list's 28 read/write and 9 read-only fields, copied both ways; the
     * APIC-access page, virtual-APIC page and PI descriptor released and mapped again, and L1's APIC-access page reloaded
     * after every exit.
     */
    static final KvmGeneration LINUX_4_18 = new KvmGeneration(KernelGeneration.LINUX_4_18, false, true, true, true, true,
            true, 52 + EXIT_INFO_READS + 1, 39, 48, 34, 5, 1, 28, 14, 58, 28, 9, 37, true, true, 3, 1, 3, false, false, true);

    /**
     * Linux 5.3: the 2019 series (vCPU state not put on VMCS switches, lazy rare-field sync, per-VMCS control shadows,
     * compile-time field offsets, pin controls shadowed and the preemption timer left running) and 4.20's cached MMU
     * roots; the IBPB on each VMCS switch stays, and __kvm_mmu_new_cr3 still flushes the guest hypervisor's TLB on every
     * nested exit (Christopherson, 2020). The counts of v5.10 arch/x86/kvm/vmx/nested.c otherwise: 18 reads on the exit
     * (2 outside the list), 45 VMWRITEs (40 outside), 8 reads (1) and 27 VMWRITEs (7) on the entry, 57 rare ones, 24 +
     * 11 fields to the shadow and 24 from it, 2 pages released, 3 mapped.
     */
    static final KvmGeneration LINUX_5_3 = new KvmGeneration(KernelGeneration.LINUX_5_3, false, true, false, false, true,
            false, 12 + EXIT_INFO_READS, 2, 45, 40, 8, 1, 27, 7, 57, 24, 11, 24, false, false, 2, 0, 3, true, true, false);

    /** Linux 5.10: 5.3 plus the exit fastpaths (5.6 to 5.8), no IBPB between vmcs01 and vmcs02, no TLB flush on transitions. */
    static final KvmGeneration LINUX_5_10 = new KvmGeneration(KernelGeneration.LINUX_5_10, true, false, false, false, false,
            false, 12 + EXIT_INFO_READS, 2, 45, 40, 8, 1, 27, 7, 57, 24, 11, 24, false, false, 2, 0, 3, true, true, false);

    private static final Map<KernelGeneration, KvmGeneration> ALL = all();

    private static Map<KernelGeneration, KvmGeneration> all() {
        Map<KernelGeneration, KvmGeneration> map = new EnumMap<>(KernelGeneration.class);
        map.put(KernelGeneration.LINUX_4_18, LINUX_4_18);
        map.put(KernelGeneration.LINUX_5_3, LINUX_5_3);
        map.put(KernelGeneration.LINUX_5_10, LINUX_5_10);
        return map;
    }

    /** The mechanisms of {@code kernel}. */
    public static KvmGeneration of(KernelGeneration kernel) {
        KvmGeneration generation = ALL.get(kernel);
        if (generation == null) {
            throw new IllegalArgumentException("no mechanisms known for " + kernel);
        }
        return generation;
    }
}
