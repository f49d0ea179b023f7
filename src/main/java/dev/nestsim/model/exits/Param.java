package dev.nestsim.model.exits;

/**
 * Every parameter of the exit-cascade model, in one place, with its default value, unit, basis and source
 * (MODEL.md section 9, STYLE.md habit 9). Values are CPU cycles on the reference testbed (Skylake-SP,
 * Linux/KVM 4.18 at every level) unless the unit says otherwise.
 *
 * <p>Basis: {@code PUBLISHED} is copied from a primary source; {@code FITTED} is solved from a row of
 * CALIBRATION.md section 3 given the other parameters; {@code ESTIMATED} is derived from the counted work of
 * the code path (research/kvm-exit-paths.md) and never tuned to a nested measurement.
 */
public enum Param {
    // --- hardware ---------------------------------------------------------------------------------------
    VM_EXIT(290, Basis.PUBLISHED, "hardware VM exit (state save, host load)",
            "Christopherson, commit 5a8781607e67: 'the extra VMX transition (600+ cycles)'; split evenly between exit and entry"),
    VM_ENTRY(320, Basis.PUBLISHED, "hardware VM entry (checks, guest load)",
            "same; entry slightly dearer for its consistency checks"),
    VMREAD(30, Basis.PUBLISHED, "native VMREAD", "Christopherson 2020: 'The VMREAD (~30 cycles)'"),
    VMWRITE(27, Basis.PUBLISHED, "native VMWRITE", "Christopherson, commit 5a8781607e67: 'two VMWRITEs (~55 cycles)'"),
    VMPTRLD(100, Basis.ESTIMATED, "native VMPTRLD", "not published; 100-300 cycles (research/kvm-exit-paths.md section 6), low end"),
    VMCLEAR(100, Basis.ESTIMATED, "native VMCLEAR", "as VMPTRLD"),
    NATIVE_CPUID(120, Basis.ESTIMATED, "CPUID on bare metal", "CPUID latency 100-200 cycles on Skylake (instruction tables)"),
    NATIVE_WRMSR(100, Basis.ESTIMATED, "WRMSR of TSC_DEADLINE or x2APIC ICR/EOI on bare metal", "a serialising MSR write, about 100 cycles"),
    NATIVE_MMIO_WRITE(150, Basis.ESTIMATED, "posted MMIO write to a device register", "uncached posted write to a PCIe BAR"),
    NATIVE_IPI_SIGNAL(450, Basis.ESTIMATED, "IPI flight from ICR write to arrival on another core", "about 0.2 us within a socket"),
    NATIVE_INTERRUPT_ENTRY(300, Basis.ESTIMATED, "interrupt vectoring into a running core and IRET", "IDT delivery, frame push, IRET"),
    GUEST_IRQ_HANDLER(350, Basis.ESTIMATED, "a minimal guest interrupt handler (kvm-unit-tests: set a flag)", "a few dozen instructions plus cache misses"),
    CACHELINE_TRANSFER(150, Basis.ESTIMATED, "a flag seen by another core", "cross-core cache-line transfer within a socket"),
    NATIVE_EOI(40, Basis.ESTIMATED, "x2APIC EOI write on bare metal (or virtualized by APICv)", "a non-serialising MSR write"),
    NATIVE_C1_EXIT(4400, Basis.PUBLISHED, "bare-metal wake-up from HLT (C1)", "intel_idle skx_cstates: C1 exit_latency 2 us at 2.2 GHz"),
    POSTED_INTERRUPT_DELIVERY(250, Basis.ESTIMATED, "posted-interrupt processing in a running guest (PIR to vIRR, no exit)", "hardware posted-interrupt processing"),

    // --- KVM software, any level --------------------------------------------------------------------------
    EXIT_DISPATCH(200, Basis.FITTED, "common exit path: vcpu_enter_guest, vmx_vcpu_run, vmx_handle_exit dispatch (VMREADs counted apart)",
            "fitted to L1 cpuid 1,018-1,101 (KVM list 2024) with the counted VMREADs"),
    HYPERCALL_HANDLER(447, Basis.FITTED, "kvm_emulate_hypercall", "fitted to L1 vmcall 1,529-1,559 (KVM list 2020, Skylake-SP)"),
    CPUID_HANDLER(50, Basis.FITTED, "kvm_emulate_cpuid (cpuid table lookup)", "fitted to L1 cpuid 1,018-1,101 (KVM list 2024)"),
    MSR_WRITE_HANDLER(150, Basis.ESTIMATED, "kvm_set_msr dispatch to the x2APIC/lapic handler", "4.18 has no WRMSR fastpath"),
    TSCDEADLINE_HANDLER(700, Basis.FITTED, "kvm_set_lapic_tscdeadline_msr, start_apic_timer, start_hv_timer", "fitted to L1 tscdeadline_immed 2,495-3,029 (KVM list 2020)"),
    HRTIMER_PROGRAM(500, Basis.ESTIMATED, "hrtimer_start of a host hrtimer backing a guest timer", "a timerqueue insert and a clock-event reprogram"),
    TIMER_INJECT(250, Basis.ESTIMATED, "apic_timer_expired and the timer interrupt's injection into PIR", "lapic.c"),
    ICR_HANDLER(900, Basis.FITTED, "kvm_apic_send_ipi, irq routing, __apic_accept_irq, vmx_deliver_posted_interrupt",
            "fitted to L1 ipi 3,203-4,238 (KVM list 2019-2020; 4.18 has no fastpath: upper end)"),
    VCPU_KICK(200, Basis.ESTIMATED, "kvm_vcpu_kick of a halted vCPU that is polling", "a waitqueue wake without a sleeper"),
    PI_SYNC(150, Basis.ESTIMATED, "vmx_sync_pir_to_irr on entry (PIR to IRR, RVI)", "vmx.c"),
    INTERRUPT_INJECT(250, Basis.ESTIMATED, "event injection without APICv (VM_ENTRY_INTR_INFO, window)", "vmx_inject_irq"),
    EOI_HANDLER(500, Basis.ESTIMATED, "kvm_lapic EOI emulation without APICv", "apic_set_eoi, ISR update, ioapic notifiers"),
    EPT_MISCONFIG_HANDLER(200, Basis.ESTIMATED, "handle_ept_misconfig fast MMIO bus lookup", "vmx.c, kvm_io_bus_write"),
    IOEVENTFD_SIGNAL(500, Basis.ESTIMATED, "ioeventfd write, eventfd_signal, vhost_poll_wakeup, vhost_work_queue", "eventfd.c, vhost.c"),
    THREAD_WAKE(3207, Basis.FITTED, "try_to_wake_up of a sleeping thread (the vhost worker) on another CPU, without the IPI",
            "fitted to L1 device notify 4,984 (DVH paper Table 3, as quoted)"),
    PIO_KERNEL_HANDLER(1605, Basis.FITTED, "kvm_fast_pio to an in-kernel device (the PIC's ELCR port for inl_from_kernel)",
            "fitted to I/O kernel - hypercall = 2,565 - 1,437 cycles (Dall et al., ISCA 2016 / ATC 2017, same x86 server), transferred in cycles"),
    USERSPACE_EXIT(5172, Basis.FITTED, "return to QEMU and back: vcpu_put, ioctl return, QEMU dispatch, KVM_RUN, vcpu_load (user-return MSR writes counted apart)",
            "fitted to I/O user - I/O kernel = 6,732 - 2,565 cycles (Dall et al., ISCA 2016) less 6 native MSR writes, plus the in-kernel device work a user-space exit skips"),
    USER_RETURN_MSRS(3, Basis.ESTIMATED, "user-return MSRs that differ and are rewritten each way (LSTAR, CSTAR, TSC_AUX)",
            "research/kvm-exit-paths.md section 1.3: 2-4 WRMSR exits each way", "count"),
    INSTRUCTION_DECODE(3000, Basis.ESTIMATED, "kvm_emulate_instruction(EMULTYPE_SKIP) in a guest hypervisor: emulator init, fetch through the guest's page tables, decode",
            "research/kvm-exit-paths.md section 1.2: software decode 1-3k, upper end for the 4-level walk of the guest's page tables"),
    NESTED_EPT_FAULT(1800, Basis.ESTIMATED, "L0's page-fault path for a nested guest: walk of the guest hypervisor's EPT (4 guest reads) and fault handling",
            "research/kvm-exit-paths.md section 3.1: 0.5-1k walk plus kvm_mmu_page_fault"),
    EXTINT_HANDLER(400, Basis.ESTIMATED, "handle_external_interrupt and the host vector's handler", "vmx.c"),
    HALT_HANDLER(600, Basis.ESTIMATED, "kvm_emulate_halt, vmx_pre_block, kvm_vcpu_block set-up", "x86.c, kvm_main.c"),
    HALT_POLL_DETECT(400, Basis.ESTIMATED, "the halt-poll loop sees the pending interrupt; vmx_post_block", "kvm_main.c kvm_vcpu_block"),
    CONTEXT_SWITCH(2200, Basis.ESTIMATED, "a scheduler wake-up and switch to the vCPU thread", "io-paths.md: 1-2 us per context switch"),
    PAGE_FAULT_HANDLER(2500, Basis.ESTIMATED, "kvm_mmu_page_fault mapping a new page (EPT entry, memslot lookup, get_user_pages)", "mmu.c"),

    // --- nested virtualization, L0 and every guest hypervisor ----------------------------------------------
    REFLECT_SOFTWARE(200, Basis.FITTED, "nested_vmx_vmexit work besides VMCS instructions (MMU switch, unmaps, hrtimer cancel)",
            "fitted with EMULATE_ENTRY_SOFTWARE to L2 vmcall 13,189-14,918 (KVM list 2019) and HyperTurtle's L0 times (ATC 2025)"),
    EMULATE_ENTRY_SOFTWARE(6231, Basis.FITTED, "nested_vmx_run work besides VMCS instructions: consistency checks, page maps, MSR-bitmap merge, MMU switch, hrtimer start",
            "fitted with REFLECT_SOFTWARE; HyperTurtle: emulating VMRESUME 8.0 us vs 0.85 us for an L1 exit"),
    VMCS_ACCESS_EMULATION(450, Basis.ESTIMATED, "handle_vmread/handle_vmwrite: operand decode, field lookup, nested_vmx_succeed",
            "research/kvm-exit-paths.md section 6: a trapped VMREAD costs about an L1 VMCALL"),
    VMPTRLD_EMULATION(3000, Basis.ESTIMATED, "handle_vmptrld besides VMCS instructions: release (4 KiB write-back), map and copy the new vmcs12, kvm_mmu_free_roots",
            "research/kvm-exit-paths.md section 6: 5-10k with the counted instructions"),
    VMCLEAR_EMULATION(1500, Basis.ESTIMATED, "handle_vmclear besides VMCS instructions: 4 KiB write-back", "nested.c handle_vmclear"),

    SHADOW_CACHE_COPY(500, Basis.ESTIMATED, "4 KiB copy of a cached shadow vmcs12 when emulating shadowing for the level above",
            "nested_cache_shadow_vmcs12 / nested_flush_cached_shadow_vmcs12 (research 2.2)"),
    LEGACY_NESTED_EXIT(200, Basis.PUBLISHED, "extra L0 work per emulated VM exit before Linux 5.3: rare guest fields synced eagerly",
            "Christopherson, commit 7952d769c29c (5.3): deferring the rare fields saves about 200 cycles"),
    LEGACY_NESTED_ENTRY(1500, Basis.ESTIMATED, "extra L0 work per emulated VM entry in Linux 4.18 (before 5.0 and 5.3): controls rewritten on every entry, full consistency checks, eager syncs",
            "Bonzini, '[PATCH 00/43] VMX optimizations' (5.3): nested vmcall 14,918 -> 13,189 (1,729 saved); Christopherson 3af80fec6e7f (5.0): 'several hundred cycles'"),
    KVM_LEGACY(1, Basis.PUBLISHED, "1 for the paper's Linux 4.18 at every level (no WRMSR fastpaths, legacy nested paths); 0 for Linux 5.8 or later",
            "columbia/dvh-asplos-ae README: v4.18 at L0, L1 and L2", "flag"),
    FASTPATH_SAVING_ICR(900, Basis.PUBLISHED, "cycles the x2APIC ICR fastpath (Linux 5.6+) saves over the full exit path",
            "Wanpeng Li 2019-2020, vmexit.flat ipi on SKX: 4,238 without fastpath, 3,293 with"),
    FASTPATH_SAVING_TSC(450, Basis.PUBLISHED, "cycles the TSC-deadline fastpath (Linux 5.8+) saves over the full exit path",
            "Wanpeng Li 2020, vmexit.flat tscdeadline_immed on SKX: 2,919 -> 2,468"),
    E1000_EMULATION(1500, Basis.ESTIMATED, "QEMU's e1000 register emulation for one MMIO access", "hw/net/e1000.c register dispatch"),

    // --- DVH ------------------------------------------------------------------------------------------------
    DVH_TIMER_PER_LEVEL(60, Basis.ESTIMATED, "L0 reads one level's TSC offset and multiplier for a virtual timer", "DVH: deadline adjusted by each level's offset"),
    DVH_IPI_LOOKUP(250, Basis.ESTIMATED, "L0 reads the guest hypervisor's virtual-IPI table (vCPU to PI descriptor)", "DVH virtual IPI"),
    DVH_IDLE(300, Basis.ESTIMATED, "L0 checks the leaf's interrupt sources before idling the physical CPU", "DVH virtual idle"),

    // --- IOMMU ----------------------------------------------------------------------------------------------
    VTD_SHADOW_SYNC(3000, Basis.ESTIMATED, "QEMU vtd_sync_shadow_page_table_range for one page", "research/kvm-exit-paths.md section 5.5"),
    VFIO_DMA_MAP(6600, Basis.ESTIMATED, "VFIO_IOMMU_MAP_DMA of a 4 KiB page: pin and program the IOMMU", "2-10 us (research 5.5), 3 us"),
    VFIO_DMA_UNMAP(4400, Basis.ESTIMATED, "VFIO_IOMMU_UNMAP_DMA of a 4 KiB page and IOTLB flush", "2 us"),
    IOTLB_FLUSH_NATIVE(1000, Basis.ESTIMATED, "a physical VT-d queued invalidation and its wait", "VT-d specification, queued invalidation");

    /** How a parameter's value was obtained. */
    public enum Basis { PUBLISHED, FITTED, ESTIMATED }

    private final double defaultValue;
    private final Basis basis;
    private final String meaning;
    private final String source;
    private final String unit;

    Param(double defaultValue, Basis basis, String meaning, String source) {
        this(defaultValue, basis, meaning, source, "cycles");
    }

    Param(double defaultValue, Basis basis, String meaning, String source, String unit) {
        this.defaultValue = defaultValue;
        this.basis = basis;
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
