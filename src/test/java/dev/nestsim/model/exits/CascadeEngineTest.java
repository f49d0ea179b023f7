package dev.nestsim.model.exits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CascadeEngineTest {

    private static final CascadeEngine ENGINE = CascadeEngine.reference();

    @Test
    void anL1ExitIsOneExitHandledByL0() {
        EventCost cost = ENGINE.table(PathFixture.baseline(1)).leaf(GuestEvent.HYPERCALL);

        assertThat(cost.exitsPerLevel()).containsExactly(0L, 1L);
        assertThat(cost.exitsHandledPerLevel()).containsExactly(1L, 0L);
        assertThat(cost.handledAt()).isZero();
    }

    @Test
    void anL2HypercallIsReflectedToL1AndCostsTwoHardwareRoundTripsWithHardwareShadowing() {
        Path l2 = PathFixture.aPath().withKernel(KernelGeneration.LINUX_5_10).atLevel(2).build();
        EventCost cost = ENGINE.table(l2).leaf(GuestEvent.HYPERCALL);

        assertThat(cost.handledAt()).isEqualTo(1);
        assertThat(cost.exitsPerLevel()).as("L2's VMCALL and L1's VMRESUME").containsExactly(0L, 1L, 1L);
        assertThat(cost.exitsHandledPerLevel()).containsExactly(1L, 1L, 0L);
    }

    @Test
    void onThePapersKernelL1sCplCheckAddsATrappedVmread() {
        EventCost cost = ENGINE.table(PathFixture.baseline(2)).leaf(GuestEvent.HYPERCALL);

        assertThat(cost.exitsPerLevel()).as("L2's VMCALL, L1's VMREAD of GUEST_SS_AR_BYTES and its VMRESUME")
                .containsExactly(0L, 2L, 1L);
    }

    @Test
    void withoutVmcsShadowingEveryVmcsAccessOfL1IsAnExit() {
        EventCost shadowed = ENGINE.table(PathFixture.aPath().withKernel(KernelGeneration.LINUX_5_10).atLevel(2).build())
                .leaf(GuestEvent.HYPERCALL);
        EventCost unshadowed = ENGINE.table(PathFixture.aPath().withKernel(KernelGeneration.LINUX_5_10).atLevel(2)
                .withoutHostVmcsShadowing().build()).leaf(GuestEvent.HYPERCALL);

        assertThat(unshadowed.exitsPerLevel().get(1) - shadowed.exitsPerLevel().get(1))
                .as("9 VMREADs and 1 VMWRITE of L1's handle_vmcall").isEqualTo(KvmHandlers.COMMON_READS + 2 + KvmHandlers.SKIP_READS + 1);
        assertThat(unshadowed.cycles()).isGreaterThan(shadowed.cycles());
    }

    @Test
    void emulatedShadowingIsAbsorbedTwoLevelsDown() {
        Path l3 = PathFixture.baseline(3);

        assertThat(ENGINE.handlerLevel(l3, 2, GuestEvent.VMREAD)).as("L2's shadowed VMREAD, absorbed by L0").isZero();
        Path l4 = PathFixture.baseline(4);
        assertThat(ENGINE.handlerLevel(l4, 3, GuestEvent.VMREAD)).as("L3's, absorbed by L1").isEqualTo(1);
        assertThat(ENGINE.handlerLevel(l3, 2, GuestEvent.VMWRITE_UNSHADOWED)).as("non-shadowed: reflected to L1").isEqualTo(1);
        assertThat(ENGINE.table(l3).cost(1, GuestEvent.VMREAD).exit()).as("L1 has hardware shadowing").isFalse();
    }

    @Test
    void dvhBypassesEveryIntermediateHypervisor() {
        EventCost timer = ENGINE.table(PathFixture.dvh(3)).leaf(GuestEvent.TIMER_PROGRAM);

        assertThat(timer.handledAt()).isZero();
        assertThat(timer.totalExits()).isEqualTo(1);
        assertThat(timer.cyclesPerLevel().subList(1, 4)).containsOnly(0.0);
    }

    @Test
    void physicalPassthroughDoorbellsDoNotExit() {
        EventCost doorbell = ENGINE.table(PathFixture.passthrough(2)).leaf(GuestEvent.DEVICE_NOTIFY);

        assertThat(doorbell.exit()).isFalse();
        assertThat(doorbell.totalExits()).isZero();
    }

    @Test
    void passthroughDeviceInterruptsTravelThroughEveryLevelUnlessPostedDirectly() {
        EventCost l1 = ENGINE.table(PathFixture.passthrough(1)).leaf(GuestEvent.DEVICE_INTERRUPT);
        EventCost l1NoVtdPi = ENGINE.table(PathFixture.aPath().atLevel(1).withIo(dev.nestsim.model.topology.IoModel.PASSTHROUGH)
                .on(dev.nestsim.model.hardware.HostProfiles.HASWELL_E5_2660V3).build()).leaf(GuestEvent.DEVICE_INTERRUPT);
        EventCost l3 = ENGINE.table(PathFixture.passthrough(3)).leaf(GuestEvent.DEVICE_INTERRUPT);
        EventCost l3Dvh = ENGINE.table(PathFixture.dvh(3)).leaf(GuestEvent.DEVICE_INTERRUPT);

        assertThat(l1.exit()).as("VT-d posted interrupts").isFalse();
        assertThat(l1NoVtdPi.exitsPerLevel()).as("without VT-d PI: an exit to L0's vfio").containsExactly(0L, 1L);
        assertThat(l3.handledAt()).isEqualTo(2);
        assertThat(l3.exitsHandledPerLevel().get(1)).as("L1's vfio forwards it").isPositive();
        assertThat(l3Dvh.exit()).as("DVH's virtual posted interrupts").isFalse();
    }

    @Test
    void anInterruptForAGuestHypervisorCannotBePostedIntoItsGuest() {
        EventCost cost = ENGINE.table(PathFixture.dvh(2)).leaf(GuestEvent.HYPERVISOR_INTERRUPT);

        assertThat(cost.handledAt()).isEqualTo(1);
        assertThat(cost.exitsPerLevel()).containsExactly(0L, 1L, 1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void theMemoizedTableEqualsTheNaiveWalk(int level) {
        Path path = PathFixture.baseline(level);
        ExitCostTable table = ENGINE.table(path);
        for (GuestEvent event : List.of(GuestEvent.HYPERCALL, GuestEvent.DEVICE_NOTIFY, GuestEvent.IPI_SEND, GuestEvent.HALT)) {
            assertThat(table.leaf(event).cycles()).as(event.name())
                    .isCloseTo(ENGINE.naiveCycles(path, level, event), within(1e-6 * table.leaf(event).cycles()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 8})
    void cyclesPerLevelAddUpToTheTotal(int level) {
        ExitCostTable table = ENGINE.table(PathFixture.baseline(level));
        for (GuestEvent event : GuestEvent.values()) {
            EventCost cost = table.leaf(event);
            double sum = cost.cyclesPerLevel().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).as(event.name()).isCloseTo(cost.cycles(), within(1e-6 * Math.max(1, cost.cycles())));
        }
    }

    @Test
    void exitMultiplicationGrowsGeometricallyWithDepth() {
        double previous = 0;
        double previousRatio = 0;
        for (int level = 2; level <= 8; level++) {
            double cycles = ENGINE.table(PathFixture.baseline(level)).leaf(GuestEvent.HYPERCALL).cycles();
            if (previous > 0) {
                double ratio = cycles / previous;
                assertThat(ratio).as("L" + level + "/L" + (level - 1)).isGreaterThan(5);
                previousRatio = ratio;
            }
            previous = cycles;
        }
        assertThat(previousRatio).isPositive();
    }

    @Test
    void theSameQuestionGivesTheSameAnswer() {
        Path path = PathFixture.baseline(3);

        assertThat(new CascadeEngine(Calibration.DEFAULT).table(path).leaf(GuestEvent.DEVICE_NOTIFY))
                .isEqualTo(ENGINE.table(path).leaf(GuestEvent.DEVICE_NOTIFY));
    }

    @Test
    void theTraceAddsUpToTheCostAndShowsTheReflection() {
        ExitCostTable table = ENGINE.table(PathFixture.baseline(2));
        TraceNode trace = ENGINE.trace(table, 2, GuestEvent.HYPERCALL, 10_000);

        double childSum = trace.children().stream().mapToDouble(TraceNode::totalCycles).sum();
        assertThat(childSum).isCloseTo(trace.cycles(), within(1e-6));
        assertThat(trace.truncated()).isFalse();
        assertThat(trace.children())
                .anySatisfy(n -> {
                    assertThat(n.level()).isZero();
                    assertThat(n.name()).contains("nested_vmx_vmexit");
                })
                .anySatisfy(n -> assertThat(n.name()).contains("handler software"));
        assertThat(trace.children()).filteredOn(n -> n.event() == GuestEvent.VMRESUME && n.level() == 1)
                .singleElement().satisfies(n -> assertThat(n.name()).contains("nested_vmx_run"));
    }

    @Test
    void aLargeTraceIsTruncatedWithinItsBudget() {
        ExitCostTable table = ENGINE.table(PathFixture.baseline(5));
        TraceNode trace = ENGINE.trace(table, 5, GuestEvent.HYPERCALL, 300);

        assertThat(trace.size()).isLessThanOrEqualTo(400);
        assertThat(trace.cycles()).isEqualTo(table.leaf(GuestEvent.HYPERCALL).cycles());
    }
}
