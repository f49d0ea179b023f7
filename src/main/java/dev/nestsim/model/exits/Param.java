package dev.nestsim.model.exits;

/**
 * Every parameter of the exit-cascade model, in one place, with its default value, unit, basis, plausible range and
 * source (docs/model.md section 4.3 renders them). Values are CPU cycles on the reference testbed (Skylake-SP at
 * 2.2 GHz) unless the unit says otherwise; they do not depend on the kernel generation, whose differences are
 * mechanisms ({@link KvmGeneration}), not prices.
 *
 * <p>Basis: {@code PUBLISHED} is copied from a primary source; {@code FITTED} is solved from a published figure
 * (docs/model.md section 4.4) given the other parameters; {@code ESTIMATED} is derived from the counted work of the
 * code path and carries the plausible range its derivation allows ({@link #low()} to {@link #high()}). An estimate
 * may be fitted to a published figure only inside that range; docs/model.md section 4 says which were, from what,
 * to what and why.
 */
public enum Param {
    // --- hardware ---------------------------------------------------------------------------------------
    VM_EXIT(290, Basis.PUBLISHED, "hardware VM exit (state save, host load)",
            "Christopherson, commit 5a8781607e67: 'the extra VMX transition (600+ cycles)'; split evenly between exit and entry"),
    VM_ENTRY(320, Basis.PUBLISHED, "hardware VM entry (checks, guest load)",
            "same; entry slightly dearer for its consistency checks"),
    VMREAD(30, Basis.PUBLISHED, "native VMREAD", "Christopherson 2020: 'The VMREAD (~30 cycles)'"),
    VMWRITE(27, Basis.PUBLISHED, "native VMWRITE", "Christopherson, commit 5a8781607e67: 'two VMWRITEs (~55 cycles)'"),
    VMPTRLD(100, 100, 300, "native VMPTRLD", "not published; estimate 100-300 cycles ('switching VMCS pointers is expensive', commit 7952d769c29c), low end"),
    VMCLEAR(100, 100, 300, "native VMCLEAR", "as VMPTRLD"),
    IBPB(500, 500, 4000, "indirect branch prediction barrier (WRMSR PRED_CMD) after the VMPTRLD of a VMCS switch",
            "no per-instruction figure published; bounded on Skylake-SP by the 2019 nested vmcall on Linux 5.3, which executes two per "
                    + "round trip in 13,189 cycles in all; Christopherson, 5c911beff20a (2020): the barriers make nested transitions "
                    + "'roughly 3x' dearer on that year's systems"),
    INVEPT(500, 150, 800, "native INVEPT single-context: drops every TLB and paging-structure entry tagged with one EPTP",
            "not published; a serializing invalidation of the order of a VMPTRLD to a few of them"),
    TLB_REFILL_HYPERVISOR(1000, 1000, 10000, "a guest hypervisor's exit handler running after an INVEPT flushed its EPT context: "
            + "the two-dimensional page walks of its first touches", "estimate, from the INVEPT of L1's EPT context on every nested VM-exit "
            + "(Linux 4.18 vmx.c nested_vmx_load_cr3): 10-40 distinct pages "
            + "(code, stacks, vCPU and vmcs12 state) at 100-250 cycles per walk with cold paging-structure caches"),
    TLB_REFILL_GUEST(6000, 500, 6000, "a nested guest resumed after an INVEPT of its EPT context: the walks of its next pages",
            "estimate, from the INVEPT single-context of EPT02 on every nested VM-entry (Linux 4.18 vmx.c prepare_vmcs02): 5-25 distinct "
                    + "pages at 100-250 cycles per two-dimensional walk"),
    NATIVE_CPUID(120, 100, 200, "CPUID on bare metal", "CPUID latency 100-200 cycles on Skylake (instruction tables)"),
    NATIVE_WRMSR(100, 60, 200, "WRMSR of TSC_DEADLINE or x2APIC ICR/EOI on bare metal", "a serialising MSR write, about 100 cycles"),
    NATIVE_MMIO_WRITE(150, 100, 300, "posted MMIO write to a device register", "uncached posted write to a PCIe BAR"),
    NATIVE_IPI_SIGNAL(450, 300, 900, "IPI flight from ICR write to arrival on another core", "about 0.2 us within a socket"),
    NATIVE_INTERRUPT_ENTRY(300, 200, 500, "interrupt vectoring into a running core and IRET", "IDT delivery, frame push, IRET"),
    GUEST_IRQ_HANDLER(350, 200, 600, "a minimal guest interrupt handler (kvm-unit-tests: set a flag)", "a few dozen instructions plus cache misses"),
    CACHELINE_TRANSFER(150, 100, 300, "a flag seen by another core", "cross-core cache-line transfer within a socket"),
    NATIVE_EOI(40, 20, 100, "x2APIC EOI write on bare metal (or virtualized by APICv)", "a non-serialising MSR write"),
    NATIVE_C1_EXIT(4400, Basis.PUBLISHED, "bare-metal wake-up from HLT (C1)", "intel_idle skx_cstates: C1 exit_latency 2 us at 2.2 GHz"),
    POSTED_INTERRUPT_DELIVERY(250, 150, 400, "posted-interrupt processing in a running guest (PIR to vIRR, no exit)", "hardware posted-interrupt processing"),

    // --- KVM software, any level --------------------------------------------------------------------------
    EXIT_DISPATCH(200, Basis.FITTED, "common exit path: vcpu_enter_guest, vmx_vcpu_run, vmx_handle_exit dispatch (VMREADs counted apart)",
            "fitted to L1 cpuid 1,018-1,101 (KVM list 2024) with the counted VMREADs"),
    HYPERCALL_HANDLER(447, Basis.FITTED, "kvm_emulate_hypercall", "fitted to L1 vmcall 1,529-1,559 (KVM list 2020, Skylake-SP)"),
    CPUID_HANDLER(50, Basis.FITTED, "kvm_emulate_cpuid (cpuid table lookup)", "fitted to L1 cpuid 1,018-1,101 (KVM list 2024)"),
    MSR_WRITE_HANDLER(150, 100, 300, "kvm_set_msr dispatch to the x2APIC/lapic handler", "4.18 has no WRMSR fastpath"),
    TSCDEADLINE_HANDLER(700, Basis.FITTED, "kvm_set_lapic_tscdeadline_msr, start_apic_timer, start_hv_timer", "fitted to L1 tscdeadline_immed 2,495-3,029 (KVM list 2020)"),
    HRTIMER_PROGRAM(500, 300, 1000, "hrtimer_start of a host hrtimer backing a guest timer", "a timerqueue insert and a clock-event reprogram"),
    TIMER_INJECT(250, 150, 500, "apic_timer_expired and the timer interrupt's injection into PIR", "lapic.c"),
    ICR_HANDLER(900, Basis.FITTED, "kvm_apic_send_ipi, irq routing, __apic_accept_irq, vmx_deliver_posted_interrupt",
            "fitted to L1 ipi 3,203-4,238 (KVM list 2019-2020; 4.18 has no fastpath: upper end)"),
    VCPU_KICK(200, 100, 400, "kvm_vcpu_kick of a halted vCPU that is polling", "a waitqueue wake without a sleeper"),
    PI_SYNC(150, 100, 300, "vmx_sync_pir_to_irr on entry (PIR to IRR, RVI)", "vmx.c"),
    INTERRUPT_INJECT(250, 150, 500, "event injection without APICv (VM_ENTRY_INTR_INFO, window)", "vmx_inject_irq"),
    EOI_HANDLER(500, 300, 900, "kvm_lapic EOI emulation without APICv", "apic_set_eoi, ISR update, ioapic notifiers"),
    EPT_MISCONFIG_HANDLER(200, 100, 400, "handle_ept_misconfig fast MMIO bus lookup", "vmx.c, kvm_io_bus_write"),
    IOEVENTFD_SIGNAL(500, 300, 1000, "ioeventfd write, eventfd_signal, vhost_poll_wakeup, vhost_work_queue", "eventfd.c, vhost.c"),
    THREAD_WAKE(3207, Basis.FITTED, "try_to_wake_up of a sleeping thread (the vhost worker) on another CPU, without the IPI",
            "fitted to L1 device notify 4,984 (DVH paper Table 3, as quoted)"),
    PIO_KERNEL_HANDLER(1605, Basis.FITTED, "kvm_fast_pio to an in-kernel device (the PIC's ELCR port for inl_from_kernel)",
            "fitted to I/O kernel - hypercall = 2,565 - 1,437 cycles (Dall et al., ISCA 2016 / ATC 2017, same x86 server), transferred in cycles"),
    USERSPACE_EXIT(5172, Basis.FITTED, "return to QEMU and back: vcpu_put, ioctl return, QEMU dispatch, KVM_RUN, vcpu_load (user-return MSR writes counted apart)",
            "fitted to I/O user - I/O kernel = 6,732 - 2,565 cycles (Dall et al., ISCA 2016) less 6 native MSR writes, plus the in-kernel device work a user-space exit skips"),
    USER_RETURN_MSRS(3, 2, 4, "user-return MSRs that differ and are rewritten each way (LSTAR, CSTAR, TSC_AUX)",
            "estimate: LSTAR, CSTAR (KASLR) and TSC_AUX differ, each a WRMSR exit each way (Linux 4.18 vmx.c setup_msrs, kvm_on_user_return)", "count"),
    INSTRUCTION_DECODE(3000, 1000, 3000, "kvm_emulate_instruction(EMULTYPE_SKIP) in a guest hypervisor: emulator init, fetch through the guest's page tables, decode",
            "estimate: software decode 1-3k (x86 emulator, emulate.c), upper end for the 4-level walk of the guest's page tables"),
    NESTED_EPT_FAULT(1800, 1000, 2500, "L0's page-fault path for a nested guest: walk of the guest hypervisor's EPT (4 guest reads) and fault handling",
            "estimate: 0.5-1k for the 4-level walk (mmu/paging_tmpl.h walk_addr_generic) plus kvm_mmu_page_fault"),
    EXTINT_HANDLER(400, 200, 800, "handle_external_interrupt and the host vector's handler", "vmx.c"),
    HALT_HANDLER(600, 300, 1000, "kvm_emulate_halt, vmx_pre_block, kvm_vcpu_block set-up", "x86.c, kvm_main.c"),
    HALT_POLL_DETECT(400, 200, 600, "the halt-poll loop sees the pending interrupt; vmx_post_block", "kvm_main.c kvm_vcpu_block"),
    CONTEXT_SWITCH(2200, 2200, 4400, "a scheduler wake-up and switch to the vCPU thread", "estimate: 1-2 us per context switch on Skylake at 2.2-3 GHz"),
    PAGE_FAULT_HANDLER(2500, 1500, 5000, "kvm_mmu_page_fault mapping a new page (EPT entry, memslot lookup, get_user_pages)", "mmu.c"),
    DESCRIPTOR_EMULATION(2500, 1500, 4000, "the x86 emulator executing a guest hypervisor's LGDT (handle_desc, emulate_instruction)",
            "estimate: Linux 4.18 vmx.c handle_desc runs a full decode and emulation, as INSTRUCTION_DECODE plus the execution"),
    UMIP_EMULATED(1, 0, 1, "1 when L0 emulates UMIP for guest hypervisors: the CPU lacks UMIP (Skylake-SP) and the guest kernel sets "
            + "CR4.UMIP (CONFIG_X86_INTEL_UMIP), so descriptor-table exiting is on and every LGDT of vcpu_put exits",
            "Linux 4.18 cpuid.c advertises emulated UMIP (umip_emulated) to -cpu host guests; not verified for the DVH images", "flag"),

    // --- nested virtualization, L0 and every guest hypervisor ----------------------------------------------
    REFLECT_SOFTWARE(500, Basis.FITTED, "nested_vmx_vmexit work besides the counted VMCS instructions, switches, MMU work and pages",
            "fitted with EMULATE_ENTRY_SOFTWARE to L2 vmcall 13,189-14,918 on Linux 5.3/5.2 (KVM list 2019)"),
    EMULATE_ENTRY_SOFTWARE(1600, Basis.FITTED, "nested_vmx_run work besides the counted VMCS instructions, switches, MMU work and pages: "
            + "consistency checks of vmcs12, the MSR-bitmap merge, hrtimer start",
            "fitted with REFLECT_SOFTWARE; HyperTurtle (ATC 2025): emulating VMRESUME takes several times the L0 time of a reflection"),
    VCPU_PUT_LOAD(2000, 800, 2000, "a full vmx_vcpu_put + vmx_vcpu_load on a VMCS switch besides its VMPTRLD and IBPB: host-state reload "
            + "(KERNEL_GS_BASE RDMSR/WRMSR, segments, LGDT), PI descriptor put and load, DEBUGCTL read, then vmx_save_host_state",
            "Christopherson, '[PATCH 00/15] KVM: nVMX: Optimize nested VM-Entry' (5.3): not putting the vCPU 'can reduce the latency of "
                    + "a nested VM-Entry by upwards of 1000 cycles'"),
    MMU_CONTEXT_RESET(1000, Basis.PUBLISHED, "kvm_mmu_reset_context on a nested transition: unload the roots, re-initialise the MMU "
            + "(L1's TDP MMU on exit, the shadow-EPT MMU on entry), reload",
            "Kuznetsov, 'x86/kvm/nVMX: optimize MMU switch between L1 and L2' (4.20): 'This spares us about 1000 cpu cycles on nested vmexit'"),
    FIELD_OFFSET_LOOKUP(40, 5, 40, "the runtime field-offset lookup and width switch of vmcs12_read_any/vmcs12_write_any, per copied field",
            "Christopherson, 'KVM: nVMX: Optimize VMCS data copying' (5.3) replaced them with compile-time offsets [est: a bounds check, "
                    + "a table load and a switch]"),
    FULL_ENTRY_CHECKS(900, 200, 900, "the hardware VM entry's full consistency checks after the major vmcs02 controls were rewritten",
            "Christopherson, commit 3af80fec6e7f: writing major VMCS fields makes 'the next VM-Entry to perform all consistency checks, "
                    + "which consumes several hundred cycles'"),
    GUEST_PAGE_MAP(300, 150, 600, "kvm_vcpu_gpa_to_page and kmap of one page vmcs12 points to (APIC-access, virtual-APIC, PI descriptor)",
            "Linux 4.18 vmx.c nested_get_vmcs12_pages [est: memslot lookup, get_user_pages_fast of a present page, kmap]"),
    GUEST_PAGE_UNMAP(150, 80, 400, "kvm_release_page_dirty and kunmap of one such page", "Linux 4.18 vmx.c nested_vmx_vmexit [est]"),
    VMCS_ACCESS_EMULATION(450, 300, 800, "handle_vmread/handle_vmwrite: operand decode, field lookup, nested_vmx_succeed",
            "estimate: a trapped VMREAD takes the path of an L1 VMCALL (exit, decode, nested_vmx_succeed, skip)"),
    VMPTRLD_EMULATION(3000, 2000, 7000, "handle_vmptrld besides VMCS instructions: release (4 KiB write-back), map and copy the new vmcs12, kvm_mmu_free_roots",
            "estimate: 5-10k with the counted instructions (nested.c handle_vmptrld: 4 KiB map and copy, 4 KiB write-back)"),
    VMCLEAR_EMULATION(1500, 1000, 3000, "handle_vmclear besides VMCS instructions: 4 KiB write-back", "nested.c handle_vmclear"),
    SHADOW_CACHE_COPY(500, 300, 1000, "4 KiB copy of a cached shadow vmcs12 when emulating shadowing for the level above",
            "nested_cache_shadow_vmcs12 / nested_flush_cached_shadow_vmcs12 (nested.c) [est]"),
    FASTPATH_SAVING_ICR(900, Basis.PUBLISHED, "cycles the x2APIC ICR fastpath (Linux 5.6+) saves over the full exit path",
            "Wanpeng Li 2019-2020, vmexit.flat ipi on SKX: 4,238 without fastpath, 3,293 with"),
    FASTPATH_SAVING_TSC(450, Basis.PUBLISHED, "cycles the TSC-deadline fastpath (Linux 5.8+) saves over the full exit path",
            "Wanpeng Li 2020, vmexit.flat tscdeadline_immed on SKX: 2,919 -> 2,468"),
    E1000_EMULATION(1500, 1000, 3000, "QEMU's e1000 register emulation for one MMIO access", "hw/net/e1000.c register dispatch"),

    // --- DVH ------------------------------------------------------------------------------------------------
    DVH_TIMER_PER_LEVEL(60, 30, 150, "L0 reads one level's TSC offset and multiplier for a virtual timer", "DVH: deadline adjusted by each level's offset"),
    DVH_IPI_LOOKUP(250, 100, 500, "L0 reads the guest hypervisor's virtual-IPI table (vCPU to PI descriptor)", "DVH virtual IPI"),
    DVH_IDLE(300, 150, 600, "L0 checks the leaf's interrupt sources before idling the physical CPU", "DVH virtual idle"),

    // --- IOMMU ----------------------------------------------------------------------------------------------
    VTD_SHADOW_SYNC(3000, 1500, 6000, "QEMU vtd_sync_shadow_page_table_range for one page", "QEMU hw/i386/intel_iommu.c [est]"),
    VFIO_DMA_MAP(6600, 4400, 22000, "VFIO_IOMMU_MAP_DMA of a 4 KiB page: pin and program the IOMMU", "estimate 2-10 us (drivers/vfio vfio_iommu_type1: pin and IOMMU update), 3 us"),
    VFIO_DMA_UNMAP(4400, 2200, 11000, "VFIO_IOMMU_UNMAP_DMA of a 4 KiB page and IOTLB flush", "estimate 1-5 us (vfio_iommu_type1 unmap and IOTLB flush), 2 us"),
    IOTLB_FLUSH_NATIVE(1000, 500, 2000, "a physical VT-d queued invalidation and its wait", "VT-d specification, queued invalidation");

    /** How a parameter's value was obtained. */
    public enum Basis { PUBLISHED, FITTED, ESTIMATED }

    private final double defaultValue;
    private final Basis basis;
    private final double low;
    private final double high;
    private final String meaning;
    private final String source;
    private final String unit;

    Param(double defaultValue, Basis basis, String meaning, String source) {
        this(defaultValue, basis, Double.NaN, Double.NaN, meaning, source, "cycles");
    }

    Param(double defaultValue, double low, double high, String meaning, String source) {
        this(defaultValue, Basis.ESTIMATED, low, high, meaning, source, "cycles");
    }

    Param(double defaultValue, double low, double high, String meaning, String source, String unit) {
        this(defaultValue, Basis.ESTIMATED, low, high, meaning, source, unit);
    }

    Param(double defaultValue, Basis basis, double low, double high, String meaning, String source, String unit) {
        this.defaultValue = defaultValue;
        this.basis = basis;
        this.low = low;
        this.high = high;
        this.meaning = meaning;
        this.source = source;
        this.unit = unit;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public Basis basis() {
        return basis;
    }

    /** The low end of an estimate's plausible range ({@code NaN} for published and fitted values). */
    public double low() {
        return low;
    }

    /** The high end of an estimate's plausible range ({@code NaN} for published and fitted values). */
    public double high() {
        return high;
    }

    /** Whether the parameter carries a plausible range (every estimate does). */
    public boolean hasRange() {
        return !Double.isNaN(low);
    }

    public String meaning() {
        return meaning;
    }

    public String source() {
        return source;
    }

    public String unit() {
        return unit;
    }
}
