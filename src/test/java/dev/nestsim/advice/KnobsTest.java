package dev.nestsim.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnobsTest {

    @Test
    void eachKnobTheRecommendationTurnsOnIsTurnedOffAlone() {
        Configuration all = new Configuration(IoModel.VIRTUAL_PASSTHROUGH, EnumSet.allOf(DvhMechanism.class), ViommuMode.STATIC, true, true, 200_000);

        Map<String, Configuration> off = Knobs.offOneAtATime(all);

        assertThat(off).containsOnlyKeys("io VIRTUAL_PASSTHROUGH (VIRTIO instead)", "VIRTUAL_TIMER", "VIRTUAL_IPI", "VIRTUAL_IDLE",
                "postedInterrupts", "vmcsShadowing", "haltPolling");
        assertThat(off.get("io VIRTUAL_PASSTHROUGH (VIRTIO instead)")).isEqualTo(new Configuration(IoModel.VIRTIO,
                EnumSet.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI, DvhMechanism.VIRTUAL_IDLE), ViommuMode.OFF, true, true, 200_000));
        assertThat(off.get("VIRTUAL_IPI").dvh()).doesNotContain(DvhMechanism.VIRTUAL_IPI).hasSize(3);
        assertThat(off.get("haltPolling").haltPollNs()).isZero();
        assertThat(off.values()).doesNotContain(all);
    }

    @Test
    void aConfigurationThatTurnsNothingOnHasNoAlternative() {
        assertThat(Knobs.offOneAtATime(new Configuration(IoModel.VIRTIO, EnumSet.noneOf(DvhMechanism.class), ViommuMode.OFF, false, false, 0)))
                .isEmpty();
    }
}
