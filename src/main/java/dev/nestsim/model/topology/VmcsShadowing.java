package dev.nestsim.model.topology;

/** How a guest hypervisor's VMREAD/VMWRITE are handled (docs/model.md section 3; Linux vmx_shadow_fields.h). */
public enum VmcsShadowing {
    /** Hardware shadow VMCS: accesses to shadowed fields do not exit (L1 only: hardware shadows one level). */
    HARDWARE,
    /** Emulated by KVM below: an access to a shadowed field costs one exit absorbed two levels down. */
    EMULATED,
    /** No shadowing: every access is an exit reflected to the hypervisor's own hypervisor. */
    NONE,
    /** Not a hypervisor level (the host itself, or the leaf VM). */
    NOT_APPLICABLE
}
