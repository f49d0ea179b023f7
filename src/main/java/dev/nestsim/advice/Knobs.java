package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The knob-off alternatives of a configuration, for "why": each knob it turns on, turned off alone. */
final class Knobs {

    private Knobs() {
    }

    /** Each knob's name and the configuration without it, in a stable order. */
    static Map<String, Configuration> offOneAtATime(Configuration c) {
        Map<String, Configuration> out = new LinkedHashMap<>();
        if (c.io() == IoModel.VIRTUAL_PASSTHROUGH || c.io() == IoModel.PASSTHROUGH) {
            Set<DvhMechanism> dvh = without(c.dvh(), DvhMechanism.VIRTUAL_PASSTHROUGH);
            out.put("io " + c.io() + " (VIRTIO instead)", new Configuration(IoModel.VIRTIO, dvh, ViommuMode.OFF, c.postedInterrupts(),
                    c.vmcsShadowing(), c.haltPollNs()));
        }
        for (DvhMechanism m : c.dvh()) {
            if (m != DvhMechanism.VIRTUAL_PASSTHROUGH) {
                out.put(m.name(), new Configuration(c.io(), without(c.dvh(), m), c.viommu(), c.postedInterrupts(), c.vmcsShadowing(), c.haltPollNs()));
            }
        }
        if (c.postedInterrupts()) {
            out.put("postedInterrupts", new Configuration(c.io(), c.dvh(), c.viommu(), false, c.vmcsShadowing(), c.haltPollNs()));
        }
        if (c.vmcsShadowing()) {
            out.put("vmcsShadowing", new Configuration(c.io(), c.dvh(), c.viommu(), c.postedInterrupts(), false, c.haltPollNs()));
        }
        if (c.haltPollNs() > 0) {
            out.put("haltPolling", new Configuration(c.io(), c.dvh(), c.viommu(), c.postedInterrupts(), c.vmcsShadowing(), 0));
        }
        return out;
    }

    private static Set<DvhMechanism> without(Set<DvhMechanism> dvh, DvhMechanism m) {
        EnumSet<DvhMechanism> out = EnumSet.noneOf(DvhMechanism.class);
        out.addAll(dvh);
        out.remove(m);
        return out;
    }
}
