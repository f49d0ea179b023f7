package dev.nestsim.advice;

/** What a configuration may need from the host's hardware; a request's {@code constraints.hostFeatures} lists the ones it may use. */
public enum HostFeature {
    /** Hardware VMCS shadowing, which L0 exposes to L1 ({@code features.vmcsShadowing}). */
    VMCS_SHADOWING,
    /** Posted interrupts ({@code features.postedInterrupts}). */
    POSTED_INTERRUPTS,
    /** An IOMMU, for assigning a physical VF ({@code features.iommu}). */
    IOMMU,
    /** SR-IOV virtual functions on the NIC ({@code nic.sriovVfs}). */
    SR_IOV
}
