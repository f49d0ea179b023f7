package dev.nestsim.model.exits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kernel generation is its own set of mechanisms (docs/model.md section 4.1): what each one does, where, and what not. */
class KernelGenerationsTest {

    private static final CascadeEngine ENGINE = CascadeEngine.reference();

    private static Path path(KernelGeneration kernel, int level) {
        return PathFixture.aPath().withKernel(kernel).atLevel(level).build();
    }

    private static TraceNode trace(Path path, GuestEvent event) {
        ExitCostTable table = ENGINE.table(path);
        return ENGINE.trace(table, path.level(), event, 100_000);
    }

    /** Occurrences of work named {@code name} (a substring) anywhere in the tree, counts folded in. */
    private static long work(TraceNode node, String name) {
        return count(node, name, 1);
    }

    private static long count(TraceNode node, String name, long times) {
        long found = "WORK".equals(node.kind()) && node.name().contains(name) ? times : 0;
        for (TraceNode child : node.children()) {
            found += count(child, name, times * child.count());
        }
        return found;
    }

    private static double cycles(Path path, Microbenchmark m) {
        return new Microbenchmarks(ENGINE).run(ENGINE.table(path), m, false).cycles();
    }

    @Test
    void linux418PaysTwoIbpbsTwoVcpuPutLoadsTwoMmuResetsAndTwoRefillsPerNestedRoundTrip() {
        TraceNode hypercall = trace(path(KernelGeneration.LINUX_4_18, 2), GuestEvent.HYPERCALL);

        assertThat(work(hypercall, "IBPB")).isEqualTo(2);
        assertThat(work(hypercall, "vmx_vcpu_put + vmx_vcpu_load")).isEqualTo(2);
        assertThat(work(hypercall, "kvm_mmu_reset_context")).isEqualTo(2);
        assertThat(work(hypercall, "TLB refill of the guest hypervisor")).isEqualTo(1);
        assertThat(work(hypercall, "TLB refill of the nested guest")).isEqualTo(1);
        assertThat(work(hypercall, "runtime field-offset lookups")).isEqualTo(2);
    }

    @Test
    void linux53KeepsTheIbpbsAndTheExitFlushButDropsThePutLoadTheResetAndTheEntryFlush() {
        TraceNode hypercall = trace(path(KernelGeneration.LINUX_5_3, 2), GuestEvent.HYPERCALL);

        assertThat(work(hypercall, "IBPB")).isEqualTo(2);
        assertThat(work(hypercall, "TLB refill of the guest hypervisor")).isEqualTo(1);
        assertThat(work(hypercall, "vmx_vcpu_put")).isZero();
        assertThat(work(hypercall, "kvm_mmu_reset_context")).isZero();
        assertThat(work(hypercall, "TLB refill of the nested guest")).isZero();
        assertThat(work(hypercall, "field-offset")).isZero();
    }

    @Test
    void linux510HasNoBarrierAndNoFlushOnNestedTransitions() {
        TraceNode hypercall = trace(path(KernelGeneration.LINUX_5_10, 2), GuestEvent.HYPERCALL);

        assertThat(work(hypercall, "IBPB")).isZero();
        assertThat(work(hypercall, "TLB refill")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Microbenchmark.class, names = {"HYPERCALL", "DEVICE_NOTIFY", "PROGRAM_TIMER", "SEND_IPI", "CPUID", "INL_FROM_QEMU"})
    void eachLaterGenerationMakesNestedExitsCheaper(Microbenchmark m) {
        double k418 = cycles(path(KernelGeneration.LINUX_4_18, 2), m);
        double k53 = cycles(path(KernelGeneration.LINUX_5_3, 2), m);
        double k510 = cycles(path(KernelGeneration.LINUX_5_10, 2), m);

        assertThat(k418).isGreaterThan(1.5 * k53);
        assertThat(k53).isGreaterThan(k510);
    }

    @Test
    void theGuestHypervisorsCplCheckTrapsUnder418sShadowListOnly() {
        ExitCostTable k418 = ENGINE.table(path(KernelGeneration.LINUX_4_18, 2));
        ExitCostTable k53 = ENGINE.table(path(KernelGeneration.LINUX_5_3, 2));

        // L1 raises the reflected exit's VMRESUME, plus, on 4.18, a trapped VMREAD of GUEST_SS_AR_BYTES
        assertThat(k418.leaf(GuestEvent.HYPERCALL).profile().exits(0, ExitReason.VMREAD)).isEqualTo(1);
        assertThat(k53.leaf(GuestEvent.HYPERCALL).profile().exits(0, ExitReason.VMREAD)).isZero();
    }

    @Test
    void on418AGuestHypervisorsTimerWriteTogglesThePinControlsTrappedAndDirty() {
        ExitCostTable k418 = ENGINE.table(path(KernelGeneration.LINUX_4_18, 2));
        ExitCostTable k53 = ENGINE.table(path(KernelGeneration.LINUX_5_3, 2));
        EventCost timer418 = k418.leaf(GuestEvent.TIMER_PROGRAM);

        assertThat(timer418.profile().exits(0, ExitReason.VMREAD)).isEqualTo(1);
        assertThat(timer418.profile().exits(0, ExitReason.VMWRITE)).isEqualTo(1);
        assertThat(k418.plan(2, GuestEvent.TIMER_PROGRAM).steps()).anySatisfy(s ->
                assertThat(s).isEqualTo(new Step.Sub(1, GuestEvent.VMRESUME_DIRTY, 1)));
        assertThat(k53.leaf(GuestEvent.TIMER_PROGRAM).profile().exits(0, ExitReason.VMWRITE)).isZero();
    }

    @Test
    void aGuestHypervisorNamingNoKernelRunsItsParentsAndOneThatNamesOneRunsItsOwn() {
        Path inherits = path(KernelGeneration.LINUX_4_18, 3);
        List<GuestHypervisor> mixed = new ArrayList<>(inherits.hypervisors());
        GuestHypervisor l1 = mixed.get(0);
        mixed.set(0, new GuestHypervisor(l1.name(), l1.vcpus(), l1.memoryGib(), l1.settings().withKernel(KernelGeneration.LINUX_5_10),
                l1.viommu()));
        Path own = Path.toLeaf(inherits.host(), mixed, inherits.leaf());

        assertThat(inherits.kernel(2)).isEqualTo(KernelGeneration.LINUX_4_18);
        assertThat(own.kernel(1)).isEqualTo(KernelGeneration.LINUX_5_10);
        assertThat(own.kernel(2)).as("L2 inherits L1's").isEqualTo(KernelGeneration.LINUX_5_10);
        assertThat(cycles(own, Microbenchmark.HYPERCALL)).isLessThan(cycles(inherits, Microbenchmark.HYPERCALL));
    }

    @Test
    void singleLevelExitsDependOnlyOnTheFastpathsAndDvhPathsNotOnTheGuestHypervisorsKernel() {
        for (Microbenchmark m : new Microbenchmark[] {Microbenchmark.HYPERCALL, Microbenchmark.CPUID, Microbenchmark.DEVICE_NOTIFY}) {
            assertThat(cycles(path(KernelGeneration.LINUX_4_18, 1), m)).as(m.apiName())
                    .isEqualTo(cycles(path(KernelGeneration.LINUX_5_10, 1), m));
        }
        Path dvh418 = PathFixture.aPath().withKernel(KernelGeneration.LINUX_4_18).atLevel(2).withDvh(PathFixture.ALL).build();
        assertThat(cycles(dvh418, Microbenchmark.DEVICE_NOTIFY)).isLessThan(1.6 * cycles(path(KernelGeneration.LINUX_4_18, 1),
                Microbenchmark.DEVICE_NOTIFY));
    }

    @Test
    void aGuestHypervisorsLgdtExitsOnlyUnderEmulatedUmip() {
        Path l2 = path(KernelGeneration.LINUX_4_18, 2);
        CascadeEngine noUmip = new CascadeEngine(Calibration.DEFAULT.with(Param.UMIP_EMULATED, 0));

        assertThat(ENGINE.table(l2).leaf(GuestEvent.PIO_USER).profile().exits(0, ExitReason.GDTR_IDTR)).isEqualTo(1);
        assertThat(noUmip.table(l2).leaf(GuestEvent.PIO_USER).profile().exits(0, ExitReason.GDTR_IDTR)).isZero();
    }

    @Test
    void everyEstimateCarriesAPlausibleRangeThatHoldsItsValue() {
        for (Param p : Param.values()) {
            if (p.basis() == Param.Basis.ESTIMATED) {
                assertThat(p.hasRange()).as(p.name()).isTrue();
                assertThat(Calibration.DEFAULT.get(p)).as(p.name()).isBetween(p.low(), p.high());
            }
        }
    }
}
