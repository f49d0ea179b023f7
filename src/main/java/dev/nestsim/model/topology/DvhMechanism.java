package dev.nestsim.model.topology;

/** The four Direct Virtual Hardware mechanisms of the DVH paper (Lim and Nieh, ASPLOS 2020). */
public enum DvhMechanism {
    /** L0's virtio device assigned down every level through virtual IOMMUs; the leaf's doorbells exit to L0 only. */
    VIRTUAL_PASSTHROUGH,
    /** L0 handles the leaf's TSC-deadline writes and injects the expiry directly. */
    VIRTUAL_TIMER,
    /** L0 delivers the leaf's IPIs directly, through a vCPU table each guest hypervisor provides. */
    VIRTUAL_IPI,
    /** L0 handles the leaf's HLT and resumes it directly when its interrupt arrives. */
    VIRTUAL_IDLE
}
