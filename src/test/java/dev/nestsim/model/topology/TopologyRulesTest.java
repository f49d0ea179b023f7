package dev.nestsim.model.topology;

import static dev.nestsim.model.PathFixture.ALL;
import static dev.nestsim.model.PathFixture.aPath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.PathFixture;
import dev.nestsim.model.hardware.HostProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyRulesTest {

    private static final ParentCapacity ROOMY = new ParentCapacity(100, 1000, 10);

    @Test
    void thePapersTopologiesPassEveryRule() {
        for (Path path : List.of(PathFixture.baseline(1), PathFixture.baseline(3), PathFixture.dvh(3), PathFixture.passthrough(2))) {
            assertThat(TopologyRules.checkLeaf(path, TopologyRules.DEFAULT_MAX_DEPTH, ROOMY)).as(path.describe(path.level())).isEmpty();
        }
    }

    @Test
    void aVmDeeperThanTheMaximumIsRefusedAndTheBoundaryIsAccepted() {
        assertThat(TopologyRules.checkLeaf(PathFixture.baseline(5), 5, ROOMY)).isEmpty();
        assertThat(TopologyRules.checkLeaf(PathFixture.baseline(6), 5, ROOMY))
                .extracting(Violation::rule).containsExactly("depth-limit");
    }

    @Test
    void aGuestHypervisorWhoseGuestsWouldBeTooDeepIsRefused() {
        Path l4 = hypervisorPath(4);
        Path l5 = hypervisorPath(5);

        assertThat(TopologyRules.checkHypervisor(l4, 5, ROOMY)).isEmpty();
        assertThat(TopologyRules.checkHypervisor(l5, 5, ROOMY)).extracting(Violation::rule).containsExactly("depth-limit");
    }

    @Test
    void dvhMissingLinkIsNamedWithItsLevel() {
        Path path = aPath().atLevel(2).build();
        LeafVm wants = new LeafVm("vm", 4, 12, IoModel.VIRTIO, Set.of(DvhMechanism.VIRTUAL_TIMER), true);
        Path asking = Path.toLeaf(path.host(), path.hypervisors(), wants);

        List<Violation> violations = TopologyRules.checkLeaf(asking, 5, ROOMY);

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).field()).isEqualTo("dvh");
        assertThat(violations.get(0).message()).contains("hypervisor 'l1' (L1) does not provide VIRTUAL_TIMER");
    }

    @Test
    void everyMissingLinkIsReported() {
        Path path = aPath().atLevel(3).withHostDvh(Set.of()).build();
        LeafVm wants = new LeafVm("vm", 4, 12, IoModel.VIRTIO, Set.of(DvhMechanism.VIRTUAL_IPI), true);

        List<Violation> violations = TopologyRules.checkLeaf(Path.toLeaf(path.host(), path.hypervisors(), wants), 5, ROOMY);

        assertThat(violations).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("(L0) does not support VIRTUAL_IPI"))
                .anySatisfy(m -> assertThat(m).contains("(L1) does not provide"))
                .anySatisfy(m -> assertThat(m).contains("(L2) does not provide"));
    }

    @Test
    void passthroughNeedsAVirtualIommuAtEveryIntermediateLevel() {
        Path path = aPath().atLevel(3).withIo(IoModel.PASSTHROUGH).withViommu(ViommuMode.OFF).build();

        assertThat(TopologyRules.checkLeaf(path, 5, ROOMY))
                .extracting(Violation::rule).containsExactly("assignment-needs-viommu", "assignment-needs-viommu");
    }

    @Test
    void passthroughNeedsAFreeVirtualFunction() {
        assertThat(TopologyRules.checkLeaf(PathFixture.passthrough(2), 5, new ParentCapacity(100, 1000, 0)))
                .extracting(Violation::rule).containsExactly("passthrough-needs-free-vf");
    }

    @Test
    void resourcesMustFitTheParentBothSidesOfTheBoundary() {
        Path path = PathFixture.baseline(2);

        assertThat(TopologyRules.checkLeaf(path, 5, new ParentCapacity(4, 12, 0))).isEmpty();
        assertThat(TopologyRules.checkLeaf(path, 5, new ParentCapacity(3, 11, 0)))
                .extracting(Violation::field).containsExactly("vcpus", "memoryGib");
    }

    @Test
    void virtualPassthroughInDvhNeedsTheMatchingIoModel() {
        Path base = PathFixture.dvh(2);
        LeafVm vm = new LeafVm("vm", 4, 12, IoModel.VIRTIO, Set.of(DvhMechanism.VIRTUAL_PASSTHROUGH), true);

        assertThat(TopologyRules.checkLeaf(Path.toLeaf(base.host(), base.hypervisors(), vm), 5, ROOMY))
                .extracting(Violation::rule).containsExactly("virtual-passthrough-needs-io");
    }

    @Test
    void postedInterruptsCannotBeAskedOfAHostWithout() {
        Path path = aPath().atLevel(1).on(HostProfiles.SANDY_BRIDGE_E5_2450).build();
        LeafVm vm = new LeafVm("vm", 4, 12, IoModel.VIRTIO, Set.of(), true);

        assertThat(TopologyRules.checkLeaf(Path.toLeaf(path.host(), List.of(), vm), 5, ROOMY))
                .extracting(Violation::field).containsExactly("postedInterrupts");
    }

    @Test
    void aHostCannotOfferAVirtualTimerWithoutTscDeadline() {
        Host host = aPath().host();
        Host noDeadline = new Host("old", new dev.nestsim.model.hardware.HostHardware(8, 2.0, 16, host.hardware().nic(),
                new dev.nestsim.model.hardware.CpuFeatures(false, false, false, false, true, false, true, true)),
                HypervisorSettings.KVM_DEFAULTS.withDvh(ALL).withPostedInterrupts(false));

        assertThat(TopologyRules.checkHost(noDeadline)).extracting(Violation::rule).containsExactly("virtual-timer-needs-tsc-deadline");
        assertThat(TopologyRules.checkHost(host)).isEmpty();
    }

    private static Path hypervisorPath(int level) {
        Path leafPath = PathFixture.baseline(level + 1);
        List<GuestHypervisor> hvs = new ArrayList<>(leafPath.hypervisors());
        return Path.toHypervisor(leafPath.host(), hvs);
    }
}
