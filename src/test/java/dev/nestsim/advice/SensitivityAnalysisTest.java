package dev.nestsim.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.HostProfile;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.model.workload.RunMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sensitivity analysis computed directly (no service): hackbench two levels deep on the paper's testbed (Linux 4.18, 8 CPUs),
 * the virtio baseline. Its figures are the model's, so the assertions are mechanisms: what a path never reads has no effect, a
 * dearer transition lowers the figure, turning posted interrupts off costs, and the ranking does not depend on the seed.
 */
class SensitivityAnalysisTest {

    static SensitivityInput hackbench(long seed, int trajectories) {
        HostProfile p = HostProfiles.ASPLOS20_TESTBED;
        HostHardware hw = p.hardware();
        AdviceInput.HostBase host = new AdviceInput.HostBase(p.name(), hw.cores(), hw.clockGhz(), hw.memoryGib(), hw.nic().gbps(),
                hw.nic().sriovVfs(), hw.features(), "linux-4.18", 8);
        Configuration baseline = new Configuration(IoModel.VIRTIO, Set.of(), ViommuMode.OFF, true, true, 200_000);
        return new SensitivityInput("hackbench", Map.of(), host, 2, 5, baseline, 4, 12, 2, trajectories, SensitivityCheck.LEVELS, seed);
    }

    /** Every point in order, as the worker computes them. */
    static SensitivityResult analyse(SensitivityInput input) {
        SensitivityAnalysis a = new SensitivityAnalysis(input);
        SensitivityAnalysis.Base base = a.evaluateBase(RunMonitor.NONE);
        List<SensitivityAnalysis.Point> alternatives = new ArrayList<>();
        for (int i = 0; i < a.alternatives().size(); i++) {
            alternatives.add(a.evaluateAlternative(i, RunMonitor.NONE));
        }
        Morris.Design design = a.design(base.factors());
        double[] y = new double[design.points().size()];
        for (int j = 0; j < y.length; j++) {
            y[j] = a.evaluateMorris(design, base.factors(), j, RunMonitor.NONE).normalized();
        }
        assertThat(a.points(base.factors().size())).isEqualTo(1 + alternatives.size() + y.length);
        return a.result(base, alternatives, design, y, false);
    }

    @Test
    void knobsAndParametersAreRankedWithIntervalsAndTheMechanismsShow() {
        SensitivityResult r = analyse(hackbench(1, 3));

        assertThat(r.unread()).as("a baseline path never reads DVH's own prices").contains("DVH_IDLE", "DVH_IPI_LOOKUP", "DVH_TIMER_PER_LEVEL");
        assertThat(r.parameters()).extracting(SensitivityResult.ParameterEffect::parameter).doesNotContainAnyElementsOf(r.unread());
        for (int i = 0; i < r.parameters().size(); i++) {
            SensitivityResult.ParameterEffect p = r.parameters().get(i);
            assertThat(p.rank()).isEqualTo(i + 1);
            assertThat(p.muStarLower()).isLessThanOrEqualTo(p.muStar());
            assertThat(p.muStarUpper()).isGreaterThanOrEqualTo(p.muStar());
            if (i > 0) {
                SensitivityResult.ParameterEffect above = r.parameters().get(i - 1);
                assertThat(p.muStar()).isLessThanOrEqualTo(above.muStar());
                assertThat(p.tier()).isBetween(above.tier(), above.tier() + 1);
            }
        }
        SensitivityResult.ParameterEffect refill = r.parameters().stream().filter(p -> p.parameter().equals("TLB_REFILL_HYPERVISOR")).findFirst()
                .orElseThrow();
        assertThat(refill.mu()).as("a dearer refill after L0's INVEPT of L1's EPT context slows every nested exit").isNegative();
        assertThat(refill.muStarLower()).isPositive();

        SensitivityResult.KnobEffect posted = r.knobs().stream().filter(k -> k.knob().equals("postedInterrupts")).findFirst().orElseThrow();
        assertThat(posted.change()).isEqualTo("on -> off");
        assertThat(posted.ratio()).isLessThan(1);
        assertThat(posted.upper()).isLessThan(1);
        assertThat(posted.method()).isEqualTo("paired");
        assertThat(r.knobs()).extracting(SensitivityResult.KnobEffect::rank).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, r.knobs().size()).boxed().toList());
        assertThat(r.spread().min()).isLessThanOrEqualTo(r.base().normalizedToNative().mean() + r.base().normalizedToNative().halfWidth());
        assertThat(r.parameters().get(0).tier()).isEqualTo(1);
        assertThat(r.parameters().get(r.parameters().size() - 1).tier()).as("the unread-but-inert tail is told apart from the leaders")
                .isGreaterThan(1);
        assertThat(r.conclusion()).contains(r.parameters().get(0).parameter(), r.knobs().get(0).knob());
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedTheSameLeaders() {
        SensitivityResult a = analyse(hackbench(7, 3));
        SensitivityResult again = analyse(hackbench(7, 3));
        SensitivityResult other = analyse(hackbench(8, 3));

        assertThat(again).isEqualTo(a);
        List<String> leaders = a.parameters().stream().limit(3).map(SensitivityResult.ParameterEffect::parameter).sorted().toList();
        List<String> otherLeaders = other.parameters().stream().limit(3).map(SensitivityResult.ParameterEffect::parameter).sorted().toList();
        assertThat(otherLeaders).isEqualTo(leaders);
    }

    @Test
    void theGuestKernelIsAKnobChangedToEachOtherGenerationAndPerLevelSetsToggleAtEveryLevel() {
        SensitivityInput base = hackbench(7, 2);
        java.util.Set<dev.nestsim.model.topology.DvhMechanism> timer = java.util.EnumSet.of(dev.nestsim.model.topology.DvhMechanism.VIRTUAL_TIMER);
        Configuration perLevel = new Configuration(IoModel.VIRTIO, Set.of(), ViommuMode.OFF, true, true, 200_000, List.of(timer), "linux-5.10", 4);
        SensitivityInput input = new SensitivityInput(base.workload(), base.parameters(), base.host(), 2, 5, perLevel, 4, 12, 2, 2,
                SensitivityCheck.LEVELS, 7);

        List<SensitivityAnalysis.Alternative> alternatives = new SensitivityAnalysis(input).alternatives();

        assertThat(alternatives).filteredOn(a -> a.knob().equals("guestKernel")).extracting(SensitivityAnalysis.Alternative::change)
                .containsExactly("linux-5.10 -> linux-4.18", "linux-5.10 -> linux-5.3");
        assertThat(alternatives).filteredOn(a -> a.knob().equals("guestKernel"))
                .allSatisfy(a -> assertThat(a.candidate().path().kernel(1).apiName()).isNotEqualTo("linux-5.10"))
                .allSatisfy(a -> assertThat(a.candidate().path().kernel(0).apiName()).isEqualTo("linux-4.18"));
        SensitivityAnalysis.Alternative timerOff = alternatives.stream().filter(a -> a.knob().equals("VIRTUAL_TIMER")).findFirst().orElseThrow();
        assertThat(timerOff.change()).as("L1 has it, so it goes off everywhere").isEqualTo("on -> off");
        assertThat(timerOff.candidate().configuration().dvhPerLevel()).isFalse();
        assertThat(timerOff.candidate().path().host().l0().dvh()).isEmpty();
        assertThat(hackbench(7, 2).depth()).isEqualTo(2);
        assertThat(new SensitivityAnalysis(hackbench(7, 2)).alternatives()).as("the host's kernel is the baseline's")
                .filteredOn(a -> a.knob().equals("guestKernel")).extracting(SensitivityAnalysis.Alternative::change)
                .containsExactly("linux-4.18 -> linux-5.3", "linux-4.18 -> linux-5.10");
    }
}
