package dev.nestsim.model.exits;

import static dev.nestsim.model.exits.MicroStep.event;
import static dev.nestsim.model.exits.MicroStep.guest;
import static dev.nestsim.model.exits.MicroStep.atHandlerOf;

import java.util.List;
import java.util.Optional;

/**
 * The microbenchmarks: the DVH paper's four (plus ipi-halt) and the kvm-unit-tests
 * vmexit set, each a defined sequence of events on the leaf's path and of guest work (kvm-unit-tests
 * x86/vmexit.c's method: rdtsc around each operation). The sequence is the critical path the guest's rdtsc measures.
 */
public enum Microbenchmark {
    HYPERCALL("hypercall", "DVH paper: VMCALL to the guest's own hypervisor", false, List.of(event(GuestEvent.HYPERCALL))),
    DEVICE_NOTIFY("device-notify", "DVH paper: a virtio doorbell write, an I/O exit to the hypervisor that owns the device", true,
            List.of(event(GuestEvent.DEVICE_NOTIFY))),
    PROGRAM_TIMER("program-timer", "DVH paper: WRMSR of the TSC deadline (a future deadline) inside the timer interrupt handler", true,
            List.of(event(GuestEvent.TIMER_PROGRAM))),
    SEND_IPI("send-ipi", "DVH paper: IPI to another vCPU that waits for it, spinning; includes the receiver's handling and its acknowledgement", true,
            List.of(event(GuestEvent.IPI_SEND), guest(Param.NATIVE_IPI_SIGNAL), event(GuestEvent.INTERRUPT_DELIVERY),
                    guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI), guest(Param.CACHELINE_TRANSFER))),
    IPI_HALT_PAPER("ipi-halt", "IPI to an idle (halted) vCPU: send, wake-up caught by halt polling, the receiver's handling and acknowledgement", true,
            List.of(event(GuestEvent.IPI_SEND_TO_HALTED), guest(Param.CACHELINE_TRANSFER), event(GuestEvent.WAKEUP_POLLED),
                    guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI), guest(Param.CACHELINE_TRANSFER))),
    CPUID("cpuid", "kvm-unit-tests vmexit: CPUID", true, List.of(event(GuestEvent.CPUID))),
    VMCALL("vmcall", "kvm-unit-tests vmexit: VMCALL", false, List.of(event(GuestEvent.HYPERCALL))),
    INL_FROM_KERNEL("inl_from_kernel", "kvm-unit-tests vmexit: port read handled in the hypervisor's kernel (the PIC's ELCR)", false,
            List.of(event(GuestEvent.PIO_KERNEL))),
    INL_FROM_QEMU("inl_from_qemu", "kvm-unit-tests vmexit: port read handled in the hypervisor's user space (QEMU)", false,
            List.of(event(GuestEvent.PIO_USER))),
    IPI("ipi", "kvm-unit-tests vmexit: on_cpu to the idle AP (halted, caught by halt polling) and wait for its handler", true,
            List.of(event(GuestEvent.IPI_SEND_TO_HALTED), guest(Param.CACHELINE_TRANSFER), event(GuestEvent.WAKEUP_POLLED),
                    guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI), guest(Param.CACHELINE_TRANSFER))),
    IPI_HALT("ipi_halt", "kvm-unit-tests vmexit: ipi, then the test's 2,000-cycle spin while the AP halts again", true,
            List.of(event(GuestEvent.IPI_SEND_TO_HALTED), guest(Param.CACHELINE_TRANSFER), event(GuestEvent.WAKEUP_POLLED),
                    guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI), guest(Param.CACHELINE_TRANSFER),
                    MicroStep.spin(2000))),
    SELF_IPI_STI_HLT("self_ipi_sti_hlt", "kvm-unit-tests apic: x2APIC self-IPI with interrupts off, then STI; HLT (the interrupt is pending)", true,
            List.of(event(GuestEvent.SELF_IPI), event(GuestEvent.HALT_PENDING), guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI))),
    TSCDEADLINE("tscdeadline", "kvm-unit-tests vmexit: arm the TSC-deadline timer and wait for its interrupt", true,
            List.of(event(GuestEvent.TIMER_PROGRAM), event(GuestEvent.TIMER_EXPIRY), guest(Param.NATIVE_INTERRUPT_ENTRY),
                    guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI))),
    TSCDEADLINE_IMMED("tscdeadline_immed", "kvm-unit-tests vmexit: write an already-expired deadline; the interrupt is injected on the way back", true,
            List.of(event(GuestEvent.TIMER_PROGRAM), atHandlerOf(GuestEvent.TIMER_PROGRAM, Param.TIMER_INJECT),
                    atHandlerOf(GuestEvent.TIMER_PROGRAM, Param.PI_SYNC), guest(Param.NATIVE_INTERRUPT_ENTRY),
                    guest(Param.GUEST_IRQ_HANDLER), event(GuestEvent.EOI)));

    private final String apiName;
    private final String description;
    private final boolean nativeApplicable;
    private final List<MicroStep> steps;

    Microbenchmark(String apiName, String description, boolean nativeApplicable, List<MicroStep> steps) {
        this.apiName = apiName;
        this.description = description;
        this.nativeApplicable = nativeApplicable;
        this.steps = steps;
    }

    /** The name users pass, for example {@code device-notify} or {@code tscdeadline_immed}. */
    public String apiName() {
        return apiName;
    }

    public String description() {
        return description;
    }

    /** False for operations that need a hypervisor (a hypercall, port I/O to an emulated device). */
    public boolean nativeApplicable() {
        return nativeApplicable;
    }

    List<MicroStep> steps() {
        return steps;
    }

    public static Optional<Microbenchmark> byName(String name) {
        for (Microbenchmark m : values()) {
            if (m.apiName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
