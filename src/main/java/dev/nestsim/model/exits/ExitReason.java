package dev.nestsim.model.exits;

/**
 * The basic exit reasons of Intel VMX as {@code perf kvm stat} names them (SDM volume 3, appendix C), for the exit
 * profiles of docs/workloads.md section 3. A hypervisor sees an exit of its guest under one of these; L0 may see the same
 * exit under another (a nested guest's MMIO doorbell is an EPT_VIOLATION to L0, which reflects it to the guest
 * hypervisor as an EPT_MISCONFIG).
 */
public enum ExitReason {
    EXTERNAL_INTERRUPT,
    HLT,
    CPUID,
    VMCALL,
    IO_INSTRUCTION,
    MSR_WRITE,
    EPT_VIOLATION,
    EPT_MISCONFIG,
    PREEMPTION_TIMER,
    GDTR_IDTR,
    VMREAD,
    VMWRITE,
    VMPTRLD,
    VMCLEAR,
    INVEPT,
    VMRESUME
}
