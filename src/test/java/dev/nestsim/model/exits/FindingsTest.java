package dev.nestsim.model.exits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.topology.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** One test per microbenchmark finding of the DVH paper (Lim and Nieh, ASPLOS 2020; its qualitative results). */
class FindingsTest {

    private static final CascadeEngine ENGINE = CascadeEngine.reference();
    private static final Set<Microbenchmark> PAPER_FOUR = EnumSet.of(Microbenchmark.HYPERCALL, Microbenchmark.DEVICE_NOTIFY,
            Microbenchmark.PROGRAM_TIMER, Microbenchmark.SEND_IPI);

    private static double cycles(Path path, Microbenchmark benchmark) {
        return new Microbenchmarks(ENGINE).run(ENGINE.table(path), benchmark, false).cycles();
    }

    @Test
    void inAnL1VmTheFourCostBetween1500And5000CyclesHypercallCheapestDeviceNotifyDearest() {
        Path l1 = PathFixture.baseline(1);
        for (Microbenchmark m : PAPER_FOUR) {
            assertThat(cycles(l1, m)).as(m.apiName()).isBetween(1400.0, 5500.0);
        }
        double hypercall = cycles(l1, Microbenchmark.HYPERCALL);
        double notify = cycles(l1, Microbenchmark.DEVICE_NOTIFY);
        for (Microbenchmark m : PAPER_FOUR) {
            assertThat(cycles(l1, m)).as(m.apiName()).isBetween(hypercall, notify);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Microbenchmark.class, names = {"HYPERCALL", "DEVICE_NOTIFY", "PROGRAM_TIMER", "SEND_IPI"})
    void inAnL2VmWithoutDvhEachCostsAboutAnOrderOfMagnitudeMore(Microbenchmark m) {
        double l1 = cycles(PathFixture.baseline(1), m);
        double l2 = cycles(PathFixture.baseline(2), m);

        assertThat(l2).isGreaterThan(10_000);
        assertThat(l2 / l1).isBetween(5.0, 30.0);
    }

    @ParameterizedTest
    @EnumSource(value = Microbenchmark.class, names = {"DEVICE_NOTIFY", "PROGRAM_TIMER", "SEND_IPI"})
    void dvhBringsL2DeviceNotifyTimerAndIpiWithinAboutOneAndAHalfTimesL1(Microbenchmark m) {
        double l1 = cycles(PathFixture.baseline(1), m);

        assertThat(cycles(PathFixture.dvh(2), m) / l1).isBetween(0.8, 1.5);
    }

    @Test
    void theHypercallMustReachTheGuestHypervisorSoDvhLeavesItNestedSlow() {
        assertThat(cycles(PathFixture.dvh(2), Microbenchmark.HYPERCALL))
                .isEqualTo(cycles(PathFixture.baseline(2), Microbenchmark.HYPERCALL))
                .isGreaterThan(5 * cycles(PathFixture.baseline(1), Microbenchmark.HYPERCALL));
    }

    @ParameterizedTest
    @EnumSource(value = Microbenchmark.class, names = {"HYPERCALL", "DEVICE_NOTIFY", "PROGRAM_TIMER", "SEND_IPI"})
    void l3WithoutDvhIsFarSlowerThanL2AndWorseStillWithoutVmcsShadowing(Microbenchmark m) {
        double l2 = cycles(PathFixture.baseline(2), m);
        double l3 = cycles(PathFixture.baseline(3), m);
        double l3NoShadowing = cycles(PathFixture.aPath().atLevel(3).withoutHostVmcsShadowing().build(), m);

        assertThat(l3 / l2).isGreaterThan(5);
        assertThat(l3NoShadowing).isGreaterThan(l3);
    }

    @ParameterizedTest
    @EnumSource(value = Microbenchmark.class, names = {"DEVICE_NOTIFY", "PROGRAM_TIMER", "SEND_IPI"})
    void withRecursiveDvhL3StaysCloseToL1(Microbenchmark m) {
        double l1 = cycles(PathFixture.baseline(1), m);

        assertThat(cycles(PathFixture.dvh(3), m) / l1).isBetween(0.8, 1.6);
    }
}
