package dev.nestsim.calibrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.model.exits.Microbenchmark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VmexitOutputTest {

    /** The print style of x86/vmexit.c since 2017: the runner's command line, boot lines, breakdown lines, skipped tests, PCI tests. */
    static final String NEW_STYLE = String.join("\n",
            "timeout -k 1s --foreground 90s /usr/bin/qemu-system-x86_64 --no-reboot -nodefaults -device pc-testdev "
                    + "-device isa-debug-exit,iobase=0xf4,iosize=0x4 -vnc none -serial stdio -device pci-testdev -machine accel=kvm "
                    + "-kernel x86/vmexit.flat -smp 2 # -initrd /tmp/tmp.a6qG0OLqMt",
            "enabling apic",
            "enabling apic",
            "paging enabled",
            "cr0 = 80010011",
            "cr3 = 1007000",
            "cr4 = 20",
            "pci-testdev at 0x10 membar febff000 iobar c000",
            "cpuid 1097",
            "vmcall 1554",
            "mov_from_cr8 11",
            "mov_to_cr8 19",
            "inl_from_pmtimer 6985",
            "inl_from_qemu 6849",
            "inl_from_kernel 2682",
            "outl_to_kernel 1711",
            "mov_dr 1104",
            "tscdeadline_immed 3014",
            "tscdeadline 3941",
            "self_ipi_sti_nop 2178",
            "self_ipi_sti_hlt 2314",
            "self_ipi_tpr 140",
            "x2apic_self_ipi_sti_hlt (skipped)",
            "ipi 4211",
            "  ipi ipi 1510",
            "  eoi ipi 92",
            "ipi_halt 6211",
            "ple_round_robin 33",
            "wr_kernel_gs_base 1452",
            "mmio-no-eventfd:pci-mem 7812",
            "portio-wildcard-eventfd:pci-io 2231",
            "PASS vmexit ");

    /** The print style of 2010: the halting IPI test was called ipi+halt, no breakdown lines; CRLF as a serial console pastes it. */
    static final String OLD_STYLE = "enabling apic\r\npaging enabled\r\ncpuid 1101\r\nvmcall 1529\r\ninl_from_pmtimer 7020\r\n"
            + "ipi 4238\r\nipi+halt 6300\r\n";

    @Test
    void newStyleResultsAreReadAndEverythingElseSkipped() {
        VmexitOutput out = VmexitOutput.parse("l1VmexitOutput", NEW_STYLE);
        assertThat(out.results()).containsEntry(Microbenchmark.CPUID, 1097L).containsEntry(Microbenchmark.VMCALL, 1554L)
                .containsEntry(Microbenchmark.INL_FROM_QEMU, 6849L).containsEntry(Microbenchmark.INL_FROM_KERNEL, 2682L)
                .containsEntry(Microbenchmark.TSCDEADLINE_IMMED, 3014L).containsEntry(Microbenchmark.TSCDEADLINE, 3941L)
                .containsEntry(Microbenchmark.SELF_IPI_STI_HLT, 2314L).containsEntry(Microbenchmark.IPI, 4211L)
                .containsEntry(Microbenchmark.IPI_HALT, 6211L).hasSize(9);
        assertThat(out.ignored()).containsExactly("mov_from_cr8", "mov_to_cr8", "inl_from_pmtimer", "outl_to_kernel", "mov_dr",
                "self_ipi_sti_nop", "self_ipi_tpr", "ple_round_robin", "wr_kernel_gs_base", "mmio-no-eventfd:pci-mem",
                "portio-wildcard-eventfd:pci-io");
        assertThat(out.skipped()).containsExactly("x2apic_self_ipi_sti_hlt");
    }

    @Test
    void oldStyleNamesTheHaltingIpiTestIpiPlusHalt() {
        VmexitOutput out = VmexitOutput.parse("l1VmexitOutput", OLD_STYLE);
        assertThat(out.results()).containsEntry(Microbenchmark.CPUID, 1101L).containsEntry(Microbenchmark.VMCALL, 1529L)
                .containsEntry(Microbenchmark.IPI, 4238L).containsEntry(Microbenchmark.IPI_HALT, 6300L).hasSize(4);
        assertThat(out.ignored()).containsExactly("inl_from_pmtimer");
    }

    @Test
    void aTestPrintedTwiceKeepsItsBestRun() {
        VmexitOutput out = VmexitOutput.parse("f", "cpuid 1120\nvmcall 1600\ncpuid 1097\n");
        assertThat(out.results()).containsEntry(Microbenchmark.CPUID, 1097L).containsEntry(Microbenchmark.VMCALL, 1600L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cpuid abc|the cycles of cpuid must be a whole number",
            "vmcall 1554 cycles|a result line is '<test> <cycles>'",
            "ipi -5|the cycles of ipi must be a whole number",
            "tscdeadline 0|must be between 1 and",
            "inl_from_qemu 99999999999|must be between 1 and",
            "cpuid|a result line is '<test> <cycles>', this one has 1 fields"})
    void aLineThatLooksLikeAResultButIsNotIsRefusedWithItsNumber(String bad, String rule) {
        String text = "enabling apic\npaging enabled\n" + bad + "\nvmcall 1554\n";
        assertThatThrownBy(() -> VmexitOutput.parse("l1VmexitOutput", text))
                .isInstanceOfSatisfying(VmexitOutput.BadLineException.class, e -> {
                    assertThat(e.field()).isEqualTo("l1VmexitOutput");
                    assertThat(e.lineNumber()).isEqualTo(3);
                    assertThat(e.line()).isEqualTo(bad);
                    assertThat(e.getMessage()).contains("l1VmexitOutput line 3", "'" + bad + "'", rule);
                });
    }

    @Test
    void anOutputWithoutResultsHasNone() {
        VmexitOutput out = VmexitOutput.parse("f", "enabling apic\npaging enabled\nmov_dr 1104\n");
        assertThat(out.results()).isEmpty();
        assertThat(out.ignored()).containsExactly("mov_dr");
    }

    /**
     * A real, published output, as printed: Wanpeng Li's vmexit.flat vmcall figures on a Skylake-SP (SKX) server, before and
     * after his patch, in "[PATCH v2] KVM: VMX: Micro-optimize vmexit time when not exposing PMU", kvm@vger.kernel.org,
     * 13 March 2020, https://lore.kernel.org/kvm/1584071718-17163-1-git-send-email-wanpengli@tencent.com/ (the only
     * published vmexit.flat lines in print form that were found; complete outputs were not). Pasted with the patch's own
     * words between the lines.
     */
    static final String PUBLISHED_SKX_VMCALL = """
            ~2% vmexit time reduced can be observed by kvm-unit-tests/vmexit.flat on my
            SKX server.

            Before patch:
            vmcall 1559

            After patch:
            vmcall 1529
            """;

    @Test
    void aPublishedOutputParsesItsResultsAndSkipsTheProseAroundThem() {
        VmexitOutput out = VmexitOutput.parse("l1VmexitOutput", PUBLISHED_SKX_VMCALL);

        assertThat(out.results()).as("the better of the two runs").containsExactly(java.util.Map.entry(Microbenchmark.VMCALL, 1529L));
        assertThat(out.ignored()).isEmpty();
        assertThat(out.skipped()).isEmpty();
    }
}
