package dev.nestsim.model.hardware;

/**
 * The virtualization features of a physical host's CPU and chipset (docs/model.md section 3).
 *
 * @param vmcsShadowing       VMREAD/VMWRITE of shadowed fields by an L1 hypervisor do not exit (Haswell and later)
 * @param apicv               APIC virtualization: virtual-interrupt delivery, EOI and TPR without exits
 * @param postedInterrupts    interrupts reach a running vCPU without an exit (needs {@code apicv})
 * @param vtdPostedInterrupts device interrupts are posted by the IOMMU too (needs {@code iommu} and {@code postedInterrupts})
 * @param ept                 extended page tables (nested paging)
 * @param tscDeadlineTimer    the local APIC's TSC-deadline timer mode
 * @param preemptionTimer     the VMX preemption timer, which KVM uses to back a guest's TSC-deadline timer
 * @param iommu               VT-d present and enabled, required for device passthrough
 */
public record CpuFeatures(
        boolean vmcsShadowing,
        boolean apicv,
        boolean postedInterrupts,
        boolean vtdPostedInterrupts,
        boolean ept,
        boolean tscDeadlineTimer,
        boolean preemptionTimer,
        boolean iommu) {

    /** Every feature, as on the paper's Skylake-SP testbed. */
    public static final CpuFeatures ALL = new CpuFeatures(true, true, true, true, true, true, true, true);

    public CpuFeatures {
        if (postedInterrupts && !apicv) {
            throw new IllegalArgumentException("features.postedInterrupts requires features.apicv: posted interrupts are part of APIC virtualization");
        }
        if (vtdPostedInterrupts && !(iommu && postedInterrupts)) {
            throw new IllegalArgumentException("features.vtdPostedInterrupts requires features.iommu and features.postedInterrupts");
        }
        if (!ept) {
            throw new IllegalArgumentException("features.ept must be true: nestsim models nested paging with EPT (shadow paging is not modelled)");
        }
    }
}
