package dev.nestsim.model.exits;

/**
 * What software at some level does that its hypervisor must handle (docs/model.md section 2), plus the
 * privileged VMX operations a guest hypervisor executes inside its handlers.
 */
public enum GuestEvent {
    /** VMCALL to the guest's own hypervisor. */
    HYPERCALL("VMCALL to its own hypervisor", true),
    /** CPUID: always intercepted, handled by the guest's own hypervisor. */
    CPUID("CPUID instruction", true),
    /** A virtio doorbell write (modern virtio-pci: an MMIO write, EPT misconfiguration exit, ioeventfd). */
    DEVICE_NOTIFY("virtio doorbell write (MMIO)", true),
    /** Port I/O handled in the hypervisor's kernel (kvm-unit-tests inl_from_kernel). */
    PIO_KERNEL("port I/O handled in the hypervisor's kernel", true),
    /** Port I/O handled in the hypervisor's user space, QEMU (kvm-unit-tests inl_from_qemu). */
    PIO_USER("port I/O handled in the hypervisor's user space (QEMU)", true),
    /** WRMSR IA32_TSC_DEADLINE: every tick-less timer reprogram. */
    TIMER_PROGRAM("WRMSR of the TSC-deadline MSR", true),
    /** The guest's TSC-deadline timer expires while the guest runs. */
    TIMER_EXPIRY("expiry of the guest's TSC-deadline timer while it runs", true),
    /** WRMSR to the x2APIC ICR for a vCPU that is running. */
    IPI_SEND("IPI to a running vCPU (x2APIC ICR write)", true),
    /** WRMSR to the x2APIC ICR for a vCPU that is halted: the target must be kicked. */
    IPI_SEND_TO_HALTED("IPI to a halted vCPU (x2APIC ICR write + kick)", true),
    /** A self-IPI through the x2APIC SELF_IPI register. */
    SELF_IPI("self-IPI (x2APIC SELF_IPI write)", true),
    /** An interrupt for this level arrives while it runs (device, timer or IPI). */
    INTERRUPT_DELIVERY("an interrupt for it arrives while it runs", true),
    /**
     * An interrupt from the leaf's network device arrives while it runs: from an assigned VF or virtual-passthrough
     * device it travels through every hypervisor level unless it can be posted directly (VT-d posted interrupts at
     * L1, DVH's virtual posted interrupts deeper); from a virtio or emulated device it is injected by the parent.
     */
    DEVICE_INTERRUPT("an interrupt from its network device arrives while it runs", true),
    /** An interrupt for this level's hypervisor (its NIC, timer, IPIs) arrives while this level runs: it cannot be posted here. */
    HYPERVISOR_INTERRUPT("an interrupt for its hypervisor arrives while it runs", true),
    /**
     * An interrupt for L0 itself (a receive queue of the physical NIC, L0's timer, an IPI between L0's threads) arrives on
     * the physical CPU while this level runs: L0 takes it and resumes this level directly, whatever the depth.
     */
    HOST_INTERRUPT("an interrupt for L0 arrives on its CPU while it runs", true),
    /** End of interrupt (x2APIC EOI write). */
    EOI("end of interrupt (x2APIC EOI write)", true),
    /** HLT when idle: the hypervisor blocks the vCPU (the cost up to the block). */
    HALT("HLT when idle, up to the blocked state", true),
    /** A halted vCPU with an interrupt pending: HLT returns at once (self_ipi_sti_hlt). */
    HALT_PENDING("HLT with an interrupt already pending", true),
    /** A halted vCPU is woken while its hypervisor still polls (halt polling caught it). */
    WAKEUP_POLLED("wake-up of a halted vCPU caught by halt polling", true),
    /** A halted vCPU is woken after its hypervisor stopped polling and slept: a scheduler wake-up. */
    WAKEUP_BLOCKED("wake-up of a halted vCPU that had blocked", true),
    /** First touch of memory not yet mapped by nested paging. */
    EPT_VIOLATION("first touch of guest memory not yet mapped", true),
    /** A guest hypervisor maps a DMA buffer in its virtual IOMMU (an invalidation with caching mode). */
    IOMMU_MAP("map a DMA buffer in its virtual IOMMU", false),
    /** A guest hypervisor unmaps a DMA buffer and invalidates its virtual IOMMU's IOTLB. */
    IOMMU_UNMAP("unmap a DMA buffer, synchronous IOTLB invalidation", false),
    /** A batched IOTLB flush of a deferred-mode virtual IOMMU (one per 256 unmaps). */
    IOMMU_FLUSH("batched, domain-wide IOTLB flush", false),
    /** A guest hypervisor's MSR write that its hypervisor intercepts (user-return MSRs, for example). */
    MSR_WRITE("an intercepted MSR write (user-return MSRs on a trip to user space)", false),
    /** VMREAD of a field in the shadow VMCS set. */
    VMREAD("VMREAD of a shadowed VMCS field", false),
    /** VMWRITE of a field in the shadow VMCS set. */
    VMWRITE("VMWRITE of a shadowed read/write VMCS field", false),
    /** VMREAD of a field outside the shadow set. */
    VMREAD_UNSHADOWED("VMREAD of a VMCS field outside the shadow set", false),
    /** VMWRITE of a field outside the shadow set, or of a read-only shadowed field. */
    VMWRITE_UNSHADOWED("VMWRITE of a VMCS field outside the shadow set (or read-only)", false),
    /** VMPTRLD: make a VMCS current. */
    VMPTRLD("VMPTRLD", false),
    /** VMCLEAR: flush a VMCS to memory. */
    VMCLEAR("VMCLEAR", false),
    /** INVEPT: a guest hypervisor invalidates the TLB entries of one of its EPT contexts (always exits). */
    INVEPT("INVEPT of one EPT context", false),
    /**
     * LGDT (a descriptor-table instruction) of a guest hypervisor's vcpu_put: it exits only when the level below emulates
     * UMIP for it (descriptor-table exiting), and is then fully emulated.
     */
    DESCRIPTOR_TABLE("LGDT of a guest hypervisor (exits under emulated UMIP)", false),
    /** VMRESUME with the guest's VMCS unchanged outside the shadow set (steady state). */
    VMRESUME("VMRESUME, VMCS clean", false),
    /** VMRESUME after VMPTRLD or a write outside the shadow set: the level below re-prepares the rare fields. */
    VMRESUME_DIRTY("VMRESUME, VMCS dirty (full re-preparation)", false),
    /** Not a guest action: this level emulates a VM exit from its nested guest into the level above (nested_vmx_vmexit). */
    NESTED_VMEXIT("emulate a VM exit into the next level up", false),
    /** The same, for a memory or MMIO exit: the level first walks its guest's EPT in software. */
    NESTED_VMEXIT_MMIO("emulate a VM exit into the next level up, after a software walk of its EPT", false),
    /** The same, for an exit caused by an interrupt for a hypervisor (it arrives at L0 as a host interrupt). */
    NESTED_VMEXIT_INTERRUPT("emulate a VM exit into the next level up, for a hypervisor's interrupt", false),
    /** The same, for an assigned device's interrupt: this level's vfio handles it and injects it into the level above. */
    NESTED_VMEXIT_DEVICE("handle an assigned device's interrupt (vfio, irqfd) and emulate a VM exit into the next level up", false);

    private final String description;
    private final boolean guestVisible;

    GuestEvent(String description, boolean guestVisible) {
        this.description = description;
        this.guestVisible = guestVisible;
    }

    public String description() {
        return description;
    }

    /** True for events any guest raises; false for operations only a guest hypervisor executes. */
    public boolean guestVisible() {
        return guestVisible;
    }

    /** True for VMREAD and VMWRITE of shadowed fields: their handling depends on the level's VMCS shadowing. */
    public boolean shadowedAccess() {
        return this == VMREAD || this == VMWRITE;
    }

    /** True for the internal steps of a reflection, which are not events any software raises. */
    public boolean reflection() {
        return this == NESTED_VMEXIT || this == NESTED_VMEXIT_MMIO || this == NESTED_VMEXIT_INTERRUPT || this == NESTED_VMEXIT_DEVICE;
    }

    /** True for operations after which the emulated VM entry must re-prepare the rare VMCS fields. */
    public boolean dirtiesVmcs() {
        return this == VMWRITE_UNSHADOWED || this == VMPTRLD || this == VMCLEAR;
    }
}
