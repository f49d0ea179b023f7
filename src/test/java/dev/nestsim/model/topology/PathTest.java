package dev.nestsim.model.topology;

import static dev.nestsim.model.PathFixture.ALL;
import static dev.nestsim.model.PathFixture.aPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.model.PathFixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathTest {

    @Test
    void l1HypervisorGetsHardwareShadowingAndDeeperOnesEmulated() {
        Path path = PathFixture.baseline(4);

        assertThat(path.vmcsShadowingAt(1)).isEqualTo(VmcsShadowing.HARDWARE);
        assertThat(path.vmcsShadowingAt(2)).isEqualTo(VmcsShadowing.EMULATED);
        assertThat(path.vmcsShadowingAt(3)).isEqualTo(VmcsShadowing.EMULATED);
        assertThat(path.vmcsShadowingAt(4)).as("the leaf is no hypervisor").isEqualTo(VmcsShadowing.NOT_APPLICABLE);
    }

    @Test
    void withoutHostShadowingL1HasNoneAndWithoutExposureDeeperLevelsHaveNone() {
        assertThat(aPath().atLevel(3).withoutHostVmcsShadowing().build().vmcsShadowingAt(1)).isEqualTo(VmcsShadowing.NONE);
        assertThat(aPath().atLevel(3).withoutExposedShadowing().build().vmcsShadowingAt(2)).isEqualTo(VmcsShadowing.NONE);
    }

    @Test
    void dvhInForceIsWhatTheLeafAsksAndEveryLinkProvides() {
        Path path = aPath().atLevel(3).withDvh(ALL).withHostDvh(Set.of(DvhMechanism.VIRTUAL_PASSTHROUGH, DvhMechanism.VIRTUAL_TIMER)).build();

        assertThat(path.dvhInForceAt(3)).containsExactlyInAnyOrder(DvhMechanism.VIRTUAL_PASSTHROUGH, DvhMechanism.VIRTUAL_TIMER);
        assertThat(path.leafHas(DvhMechanism.VIRTUAL_IPI)).isFalse();
        assertThat(PathFixture.dvh(3).dvhInForceAt(3)).isEqualTo(ALL);
    }

    @Test
    void virtualPassthroughIoImpliesTheMechanism() {
        LeafVm vm = new LeafVm("vm", 4, 12, IoModel.VIRTUAL_PASSTHROUGH, Set.of(DvhMechanism.VIRTUAL_TIMER), true);

        assertThat(vm.requiredDvh()).containsExactlyInAnyOrder(DvhMechanism.VIRTUAL_PASSTHROUGH, DvhMechanism.VIRTUAL_TIMER);
    }

    @Test
    void physicalPassthroughBlocksLiveMigrationAndVirtualPassthroughKeepsIt() {
        assertThat(PathFixture.passthrough(2).liveMigratable()).isFalse();
        assertThat(PathFixture.dvh(2).liveMigratable()).isTrue();
        assertThat(PathFixture.baseline(2).liveMigratable()).isTrue();
    }

    @Test
    void postedInterruptsNeedTheHardwareAndEveryLevelBelow() {
        Path testbed = PathFixture.baseline(3);
        Path sandyBridge = aPath().atLevel(2).on(dev.nestsim.model.hardware.HostProfiles.SANDY_BRIDGE_E5_2450).build();

        assertThat(testbed.postedInterruptsInto(3)).isTrue();
        assertThat(sandyBridge.postedInterruptsInto(2)).isFalse();
        assertThat(testbed.postedInterruptsInto(0)).as("nothing posts to L0").isFalse();
    }

    @Test
    void levelsListsHostHypervisorsAndVmWithTheirKinds() {
        List<LevelView> levels = PathFixture.dvh(3).levels();

        assertThat(levels).extracting(LevelView::kind)
                .containsExactly(LevelView.Kind.HOST, LevelView.Kind.HYPERVISOR, LevelView.Kind.HYPERVISOR, LevelView.Kind.VM);
        assertThat(levels.get(3).dvhInForce()).contains(DvhMechanism.VIRTUAL_IDLE);
        assertThat(levels.get(1).viommu()).isEqualTo(ViommuMode.STATIC);
    }

    @Test
    void aPathDeeperThanTheHardLimitCannotExist() {
        assertThatThrownBy(() -> aPath().atLevel(9).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 8");
    }
}
