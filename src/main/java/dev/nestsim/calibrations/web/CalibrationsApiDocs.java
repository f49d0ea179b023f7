package dev.nestsim.calibrations.web;

/** Shared bits of the calibrations API's OpenAPI annotations, and the example output. */
final class CalibrationsApiDocs {

    static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Optional. A retry with the same key and body returns the first response (with "
            + "Idempotent-Replayed: true) and creates nothing; the same key with a different body is 422. Keys are kept 24 h.";
    static final String PAGE = "Page number, from 0 to 21474836 (so that page x size stays below 2^31)";
    static final String SIZE = "Page size, 1 to 100";

    /**
     * A complete output of {@code ./x86/run x86/vmexit.flat -smp 2} in an L1 VM, as the runner prints it: the QEMU command
     * line, the guest's boot lines, every test of x86/vmexit.c in its order (the x2APIC self-IPI tests skipped without
     * x2APIC, the PCI test-device pairs), the 2017 breakdown lines after ipi, and the runner's verdict. The figures are
     * those the reference model gives the paper's Skylake-SP testbed on Linux 4.18 for the tests it knows: the layout is
     * the runner's, the figures are synthetic, not a measurement (no complete published output was found to cite; the
     * parser's test reads a published fragment, see VmexitOutputTest).
     */
    static final String EXAMPLE_OUTPUT = "timeout -k 1s --foreground 90s /usr/bin/qemu-system-x86_64 --no-reboot -nodefaults "
            + "-device pc-testdev -device isa-debug-exit,iobase=0xf4,iosize=0x4 -vnc none -serial stdio -device pci-testdev "
            + "-machine accel=kvm -kernel x86/vmexit.flat -smp 2 # -initrd /tmp/tmp.a6qG0OLqMt\n"
            + "enabling apic\nenabling apic\npaging enabled\ncr0 = 80010011\ncr3 = 1007000\ncr4 = 20\n"
            + "pci-testdev at 0x10 membar febff000 iobar c000\n"
            + "cpuid 1097\nvmcall 1554\nmov_from_cr8 11\nmov_to_cr8 19\ninl_from_pmtimer 6985\ninl_from_qemu 6849\n"
            + "inl_from_kernel 2682\noutl_to_kernel 1711\nmov_dr 1104\ntscdeadline_immed 3014\ntscdeadline 3941\n"
            + "self_ipi_sti_nop 2178\nself_ipi_sti_hlt 2314\nself_ipi_tpr 140\nself_ipi_tpr_sti_nop 2253\nself_ipi_tpr_sti_hlt 2389\n"
            + "x2apic_self_ipi_sti_nop (skipped)\nx2apic_self_ipi_sti_hlt (skipped)\nx2apic_self_ipi_tpr (skipped)\n"
            + "x2apic_self_ipi_tpr_sti_nop (skipped)\nx2apic_self_ipi_tpr_sti_hlt (skipped)\n"
            + "ipi 4211\n  ipi ipi 1510\n  eoi ipi 92\nipi_halt 6211\nple_round_robin 33\nwr_kernel_gs_base 1452\n"
            + "wr_ibrs_msr 1398\nwr_ibpb_msr 5367\nwr_tsc_adjust_msr 1421\nrd_tsc_adjust_msr 1396\ntoggle_cr0_wp 1284\ntoggle_cr4_pge 1830\n"
            + "mmio-no-eventfd:pci-mem 7812\nmmio-wildcard-eventfd:pci-mem 2950\nmmio-datamatch-eventfd:pci-mem 2961\n"
            + "portio-no-eventfd:pci-io 5730\nportio-wildcard-eventfd:pci-io 2231\nportio-datamatch-eventfd:pci-io 2240\n"
            + "PASS vmexit \n";

    private CalibrationsApiDocs() {
    }
}
