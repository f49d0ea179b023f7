package dev.nestsim.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.experiments.ExperimentSpec;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TopologyRules;
import dev.nestsim.model.topology.Violation;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.model.workload.RunMonitor;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The knobs of issue 17's leftovers, without Spring: the guest hypervisors' kernel, the VM's vCPUs and DVH sets per level in the
 * space (counts worked out by hand), the rules' refusals, the cap, and the kernel knob changing the figure.
 */
class ConfigurationSpaceKnobsTest {

    private static final CascadeEngine ENGINE = CascadeEngine.reference();
    private static final Workloads WORKLOADS = Workloads.standard(ENGINE);
    private static final Map<String, Double> SMALL = Map.of("clientThreads", 1.0, "clientsPerThread", 4.0, "serverThreads", 1.0);
    private static final Set<DvhMechanism> TIMER = EnumSet.of(DvhMechanism.VIRTUAL_TIMER);

    /** The asplos20 testbed's hardware with every CPU feature, on {@code onlineCpus} CPUs under Linux 4.18. */
    static AdviceInput input(int depth, int onlineCpus, AdviceInput.Limits limits, AdviceSpec.SpaceSpec space) {
        var hw = HostProfiles.ASPLOS20_TESTBED.hardware();
        return new AdviceInput("memcached", SMALL, new AdviceInput.HostBase("asplos20-testbed", hw.cores(), hw.clockGhz(), hw.memoryGib(),
                hw.nic().gbps(), hw.nic().sriovVfs(), CpuFeatures.ALL, "linux-4.18", onlineCpus), depth, 5, Objective.maxNormalizedToNative, limits,
                1, 7, 16, 4, 12, space);
    }

    private static AdviceInput.Limits none() {
        return new AdviceInput.Limits(null, null, null, null, null);
    }

    /** Live-migratable, VIRTUAL_TIMER the only DVH mechanism, posted interrupts and VMCS shadowing the only host features. */
    private static AdviceInput.Limits narrow() {
        return new AdviceInput.Limits(true, null, null, EnumSet.of(HostFeature.POSTED_INTERRUPTS, HostFeature.VMCS_SHADOWING), TIMER);
    }

    private static List<Candidate> space(AdviceInput input) {
        List<Candidate> space = ConfigurationSpace.enumerate(Search.request(input));
        assertThat(ConfigurationSpace.size(Search.request(input))).as("size() counts what enumerate() gives").isEqualTo(space.size());
        return space;
    }

    @Test
    void theDefaultSpacesAreWhatTheyWereAndCarryTheHostsKernelAndTheRequestsVcpus() {
        // depth 1: 4 I/O models x 8 DVH subsets x 2 posted x 2 halt polling (no virtual IOMMU, no VMCS shadowing to vary)
        assertThat(space(input(1, 8, none(), null))).hasSize(128)
                .allSatisfy(c -> assertThat(c.configuration().guestKernel()).isNull())
                .allSatisfy(c -> assertThat(c.configuration().vmVcpus()).isEqualTo(4));
        // depth 2: (EMULATED, VIRTIO) 8 x 2 x 2 x 2 each, (PASSTHROUGH, VIRTUAL_PASSTHROUGH) 8 x 4 virtual IOMMU modes x 2 x 2 x 2 each
        List<Candidate> depth2 = space(input(2, 8, none(), null));
        assertThat(depth2).hasSize(64 + 64 + 256 + 256)
                .allSatisfy(c -> assertThat(c.configuration().guestKernel()).isEqualTo("linux-4.18"))
                .allSatisfy(c -> assertThat(c.configuration().dvhPerLevel()).isFalse());
        assertThat(depth2).extracting(c -> c.configuration().describe()).doesNotHaveDuplicates();
        assertThat(depth2.get(0).configuration().describe()).isEqualTo("EMULATED dvh[] viommu-OFF pi vmcs poll-0 kernel-linux-4.18 vcpus-4");
    }

    @Test
    void aWidenedSpaceMultipliesByKernelsAndSizesAndLeavesOutWhatTheConstraintsExclude() {
        AdviceSpec.SpaceSpec kernelsAndSizes = new AdviceSpec.SpaceSpec(List.of("linux-4.18", "linux-5.10"), List.of(2, 4), null);

        List<Candidate> space = space(input(2, 8, narrow(), kernelsAndSizes));

        // per kernel and size: EMULATED and VIRTIO (PASSTHROUGH is not live-migratable, VIRTUAL_PASSTHROUGH is not offered), DVH {} or
        // {TIMER}, posted on or off, VMCS shadowing on or off, halt polling on or off: 2 x 2 x 2 x 2 x 2 = 32; 2 kernels x 2 sizes
        assertThat(space).hasSize(32 * 2 * 2).allSatisfy(c -> assertThat(c.excluded()).isNull());
        assertThat(space).extracting(c -> c.configuration().guestKernel()).containsOnly("linux-4.18", "linux-5.10");
        assertThat(space).extracting(c -> c.configuration().vmVcpus()).containsOnly(2, 4);
        assertThat(space).filteredOn(c -> c.configuration().guestKernel().equals("linux-5.10"))
                .allSatisfy(c -> assertThat(c.path().kernel(1)).isEqualTo(KernelGeneration.LINUX_5_10))
                .allSatisfy(c -> assertThat(c.path().kernel(0)).as("L0 stays the host's").isEqualTo(KernelGeneration.LINUX_4_18));
        assertThat(space).filteredOn(c -> c.configuration().vmVcpus() == 2)
                .allSatisfy(c -> assertThat(c.path().leaf().vcpus()).isEqualTo(2))
                .allSatisfy(c -> assertThat(c.path().hypervisor(1).vcpus()).isEqualTo(4));
        assertThat(space).extracting(c -> c.configuration().describe()).doesNotHaveDuplicates();
    }

    @Test
    void dvhPerLevelEnumeratesTheChainsTheRuleAllowsUniformOnesIncluded() {
        AdviceSpec.SpaceSpec perLevel = new AdviceSpec.SpaceSpec(null, null, true);

        List<Candidate> space = space(input(2, 8, narrow(), perLevel));

        // VIRTUAL_TIMER nowhere, at L1 only, or at L1 and the VM: 3 chains, x 2 I/O models x 2 posted x 2 VMCS x 2 polling
        assertThat(space).hasSize(3 * 2 * 2 * 2 * 2)
                .allSatisfy(c -> assertThat(c.violations()).extracting(Violation::rule).doesNotContain(TopologyRules.DVH_PROVIDED_BY_PATH));
        assertThat(space).filteredOn(c -> c.configuration().dvhPerLevel()).hasSize(2 * 2 * 2 * 2)
                .allSatisfy(c -> assertThat(c.configuration().hypervisorDvh()).containsExactly(TIMER))
                .allSatisfy(c -> assertThat(c.configuration().dvh()).isEmpty())
                .allSatisfy(c -> assertThat(c.path().host().l0().dvh()).isEqualTo(TIMER))
                .allSatisfy(c -> assertThat(c.path().dvhInForceAt(1)).as("L1 has it in force for its own exits").isEqualTo(TIMER));
        // unconstrained, each of the 3 mechanisms reaches none, L1 or the VM: 27 chains at depth 2, 64 at depth 3
        assertThat(ConfigurationSpace.dvhChoices(Search.request(input(2, 8, none(), perLevel)))).hasSize(27);
        assertThat(ConfigurationSpace.dvhChoices(Search.request(input(3, 10, none(), perLevel)))).hasSize(64);
        assertThat(ConfigurationSpace.size(Search.request(input(3, 10, none(), perLevel)))).as("64 x (8 + 8 + 32 + 32)").isEqualTo(5120);
    }

    @Test
    void aPerLevelSetThatBreaksTheChainIsRefusedByTheRule() {
        // depth 3: L1 offers TIMER, L2 TIMER and IPI, the VM uses TIMER: L2 provides IPI that L1 does not give it
        Configuration broken = new Configuration(IoModel.VIRTIO, TIMER, ViommuMode.OFF, true, true, 200_000,
                List.of(TIMER, EnumSet.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI)), "linux-4.18", 4);
        Configuration chain = new Configuration(IoModel.VIRTIO, TIMER, ViommuMode.OFF, true, true, 200_000,
                List.of(EnumSet.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI), TIMER), "linux-4.18", 4);
        ConfigurationSpace.Request request = Search.request(input(3, 10, none(), null));

        Candidate refused = ConfigurationSpace.candidate(0, broken, request, EnumSet.allOf(DvhMechanism.class));
        Candidate allowed = ConfigurationSpace.candidate(1, chain, request, EnumSet.allOf(DvhMechanism.class));

        assertThat(refused.violations()).extracting(Violation::rule).containsExactly(TopologyRules.DVH_PROVIDED_BY_PATH);
        assertThat(refused.violations().get(0).message()).contains("(L1) does not provide VIRTUAL_IPI");
        assertThat(allowed.violations()).isEmpty();
        assertThat(allowed.requires()).contains("L0 supports VIRTUAL_IPI", "L1 provides VIRTUAL_IPI", "L2 provides VIRTUAL_TIMER")
                .doesNotContain("L2 provides VIRTUAL_IPI");
        assertThat(allowed.configuration().describe()).contains("dvh[TIMER] hv-dvh[TIMER,IPI|TIMER]");
    }

    @Test
    void aVmTooBigForTheHostIsRefusedWithTheRulesViolation() {
        // 8 online CPUs: a 4-vCPU VM's L1 has 6, an 8-vCPU VM's L1 has 10; per size, as above, 2 I/O models x 2 x 2 x 2 x 2 = 32
        List<Candidate> space = space(input(2, 8, narrow(), new AdviceSpec.SpaceSpec(null, List.of(4, 8), null)));

        assertThat(space).filteredOn(c -> c.configuration().vmVcpus() == 8).hasSize(32)
                .allSatisfy(c -> assertThat(c.violations()).extracting(Violation::rule).containsExactly(TopologyRules.FITS_PARENT_VCPUS))
                .allSatisfy(c -> assertThat(c.violations().get(0).message()).startsWith("10 vCPUs do not fit in host").contains("which has 8 free"));
        assertThat(space).filteredOn(c -> c.configuration().vmVcpus() == 4).hasSize(32)
                .allSatisfy(c -> assertThat(c.violations()).isEmpty());
    }

    @Test
    void theGuestKernelChangesTheFigureOfTheSameConfiguration() {
        // memcached's every request exits through L1 at depth 2; Linux 4.18's nested transitions (IBPB and a full vCPU put/load on
        // every VMCS switch) cost more than 5.10's
        ConfigurationSpace.Request request = Search.request(input(2, 8, none(), null));
        Configuration on418 = new Configuration(IoModel.VIRTIO, Set.of(), ViommuMode.OFF, true, true, 200_000, List.of(), "linux-4.18", 4);
        WorkloadRunner memcached = WORKLOADS.runner("memcached").orElseThrow();

        WorkloadResult old = memcached.run(ConfigurationSpace.path(on418, request), SMALL, 7, 2, RunMonitor.NONE);
        WorkloadResult current = memcached.run(ConfigurationSpace.path(on418.withGuestKernel("linux-5.10"), request), SMALL, 7, 2, RunMonitor.NONE);

        assertThat(current.normalizedToNative().mean()).as("5.10 guest hypervisors against 4.18's")
                .isNotEqualTo(old.normalizedToNative().mean());
        Screen screen = new Screen(ENGINE);
        EventRates rates = EventRates.of(memcached.run(Path.toLeaf(request.host(), List.of(), new dev.nestsim.model.topology.LeafVm("rates", 4, 12,
                IoModel.VIRTIO, Set.of(), true)), SMALL, 7, 1, RunMonitor.NONE));
        assertThat(screen.overheadCycles(ConfigurationSpace.path(on418.withGuestKernel("linux-5.10"), request), rates))
                .as("the screen prices the kernel too").isNotEqualTo(screen.overheadCycles(ConfigurationSpace.path(on418, request), rates));
    }

    @Test
    void theBlueprintsCarryTheKernelTheVcpusAndEachLevelsSet() {
        AdviceInput input = input(3, 10, none(), new AdviceSpec.SpaceSpec(List.of("linux-5.10"), List.of(2), true));
        Configuration c = new Configuration(IoModel.VIRTIO, TIMER, ViommuMode.OFF, true, true, 200_000,
                List.of(EnumSet.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI), TIMER), "linux-5.10", 2);
        Candidate candidate = ConfigurationSpace.candidate(0, c, Search.request(input), EnumSet.allOf(DvhMechanism.class));

        ExperimentSpec.TopologySpec topology = Blueprints.topology("c0", candidate, input);
        AdviceResult.Provisioning bodies = Blueprints.provisioning("p", candidate, input);

        assertThat(topology.host().kernel()).isEqualTo("linux-4.18");
        assertThat(topology.host().dvh()).containsExactlyInAnyOrder(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI);
        assertThat(topology.hypervisors()).extracting(ExperimentSpec.HypervisorPart::kernel).containsExactly("linux-5.10", "linux-5.10");
        assertThat(topology.hypervisors()).extracting(ExperimentSpec.HypervisorPart::vcpus).containsExactly(6, 4);
        assertThat(topology.hypervisors().get(1).dvh()).containsExactly(DvhMechanism.VIRTUAL_TIMER);
        assertThat(topology.vm().vcpus()).isEqualTo(2);
        assertThat(bodies.host().get("dvh")).isEqualTo(List.of("VIRTUAL_TIMER", "VIRTUAL_IPI"));
        assertThat(bodies.hypervisors()).extracting(h -> h.get("kernel")).containsExactly("linux-5.10", "linux-5.10");
        assertThat(bodies.hypervisors()).extracting(h -> h.get("dvh")).containsExactly(List.of("VIRTUAL_TIMER", "VIRTUAL_IPI"), List.of("VIRTUAL_TIMER"));
        assertThat(bodies.hypervisors()).extracting(h -> h.get("vcpus")).containsExactly(6, 4);
        assertThat(bodies.vm().get("vcpus")).isEqualTo(2);
        assertThat(bodies.vm().get("dvh")).isEqualTo(List.of("VIRTUAL_TIMER"));
    }

    @Test
    void theKernelIsAnAlternativeLikeTheOtherKnobsAndAMechanismGoesOffAtEveryLevel() {
        Configuration c = new Configuration(IoModel.VIRTIO, TIMER, ViommuMode.OFF, false, false, 0,
                List.of(EnumSet.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI)), "linux-5.10", 4);

        Map<String, Configuration> alternatives = Knobs.alternatives(c, List.of("linux-4.18", "linux-5.10"));

        assertThat(alternatives).containsOnlyKeys("VIRTUAL_TIMER", "VIRTUAL_IPI", "guestKernel linux-5.10 -> linux-4.18");
        assertThat(alternatives.get("guestKernel linux-5.10 -> linux-4.18")).isEqualTo(c.withGuestKernel("linux-4.18"));
        assertThat(alternatives.get("VIRTUAL_IPI").dvhPerLevel()).as("without IPI at L1 the levels are uniform again").isFalse();
        assertThat(alternatives.get("VIRTUAL_TIMER").hypervisorDvh()).containsExactly(EnumSet.of(DvhMechanism.VIRTUAL_IPI));
        assertThat(alternatives.get("VIRTUAL_TIMER").dvh()).isEmpty();
    }
}
