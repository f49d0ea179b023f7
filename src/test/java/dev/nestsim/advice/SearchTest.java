package dev.nestsim.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.TopologyRules;
import dev.nestsim.model.workload.Workloads;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The space, the rules' refusals, the constraints and the analytic screen, without Spring. */
class SearchTest {

    private static final CascadeEngine ENGINE = CascadeEngine.reference();
    private static final Search SEARCH = new Search(ENGINE);
    private static final Workloads WORKLOADS = Workloads.standard(ENGINE);
    private static final Map<String, Double> SMALL = Map.of("clientThreads", 1.0, "clientsPerThread", 4.0, "serverThreads", 1.0);

    static AdviceInput input(int depth, CpuFeatures features, AdviceInput.Limits limits) {
        var hw = HostProfiles.ASPLOS20_TESTBED.hardware();
        return new AdviceInput("memcached", SMALL, new AdviceInput.HostBase("asplos20-testbed", hw.cores(), hw.clockGhz(), hw.memoryGib(),
                hw.nic().gbps(), hw.nic().sriovVfs(), features, "linux-4.18", 4 + 2 * depth), depth, 5, Objective.maxNormalizedToNative, limits,
                1, 7, 16, 4, 12);
    }

    static AdviceInput.Limits none() {
        return new AdviceInput.Limits(null, null, null, null, null);
    }

    @Test
    void theRulesRefuseWhatTheHardwareCannotDoAndSayWhichRule() {
        CpuFeatures noPosting = new CpuFeatures(true, true, false, false, true, true, true, true);
        List<Candidate> space = ConfigurationSpace.enumerate(Search.request(input(2, noPosting, none())));

        assertThat(space).isNotEmpty();
        assertThat(space).filteredOn(c -> c.configuration().postedInterrupts())
                .allSatisfy(c -> assertThat(c.violations()).extracting(v -> v.rule()).contains(TopologyRules.POSTED_INTERRUPTS_NEED_HARDWARE));
        assertThat(space).filteredOn(c -> c.configuration().assignsDevice() && !c.configuration().viommu().present())
                .allSatisfy(c -> assertThat(c.violations()).extracting(v -> v.rule()).contains(TopologyRules.ASSIGNMENT_NEEDS_VIOMMU));
        assertThat(space).filteredOn(Candidate::eligible).isNotEmpty()
                .allSatisfy(c -> assertThat(c.configuration().postedInterrupts()).isFalse());
        assertThat(space).extracting(c -> c.configuration().describe()).doesNotHaveDuplicates();
    }

    @Test
    void aHandCheckedSmallSpaceRanksVirtioAboveTheEmulatedNic() {
        AdviceInput.Limits small = new AdviceInput.Limits(true, null, null, Set.of(), Set.of());
        Search.Screened screened = SEARCH.screen(input(1, CpuFeatures.ALL, small), WORKLOADS.runner("memcached").orElseThrow());

        List<Candidate> eligible = screened.candidates().stream().filter(Candidate::eligible).toList();
        assertThat(eligible).as("EMULATED and VIRTIO, halt polling on and off; no posted interrupts, DVH or VF").hasSize(4)
                .allSatisfy(c -> assertThat(c.configuration().io()).isIn(IoModel.EMULATED, IoModel.VIRTIO));
        Candidate best = screened.candidates().get(screened.simulate().get(0));
        assertThat(best.configuration().io()).isEqualTo(IoModel.VIRTIO);
        assertThat(screened.simulate()).hasSize(4);
    }

    @Test
    void aConstraintExcludesTheUnconstrainedWinner() {
        var runner = WORKLOADS.runner("memcached").orElseThrow();
        Search.Screened free = SEARCH.screen(input(2, CpuFeatures.ALL, none()), runner);
        Candidate winner = free.candidates().get(free.simulate().get(0));
        AdviceInput.Limits excluding = winner.configuration().io() == IoModel.PASSTHROUGH
                ? new AdviceInput.Limits(true, null, null, null, null)
                : new AdviceInput.Limits(null, null, null, null, without(winner.configuration().dvh()));

        Search.Screened constrained = SEARCH.screen(input(2, CpuFeatures.ALL, excluding), runner);

        assertThat(winner.configuration().io() == IoModel.PASSTHROUGH || !winner.configuration().dvh().isEmpty())
                .as("the unconstrained winner %s uses a VF or DVH", winner.configuration().describe()).isTrue();
        assertThat(constrained.simulate()).isNotEmpty().doesNotContain(winner.index());
        assertThat(constrained.candidates().get(winner.index()).excluded()).startsWith("constraints.");
        assertThat(free.estimates()[constrained.simulate().get(0)]).isLessThanOrEqualTo(free.estimates()[winner.index()]);
    }

    @Test
    void theSameRequestScreensToTheSameCandidates() {
        var runner = WORKLOADS.runner("memcached").orElseThrow();
        assertThat(SEARCH.screen(input(2, CpuFeatures.ALL, none()), runner).simulate())
                .isEqualTo(SEARCH.screen(input(2, CpuFeatures.ALL, none()), runner).simulate());
    }

    private static Set<DvhMechanism> without(Set<DvhMechanism> used) {
        EnumSet<DvhMechanism> all = EnumSet.allOf(DvhMechanism.class);
        all.remove(used.iterator().next());
        return all;
    }
}
