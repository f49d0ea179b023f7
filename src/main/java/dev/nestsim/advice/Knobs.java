package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alternatives of a configuration, for "why": each knob it turns on, turned off alone (a DVH mechanism at every level that
 * has it); and its guest hypervisors on each other kernel of the space, since a kernel is a choice rather than something on or off.
 */
final class Knobs {

    /** The prefix of a kernel alternative's name: {@code guestKernel linux-5.10 -> linux-4.18}. */
    static final String GUEST_KERNEL = "guestKernel";

    private Knobs() {
    }

    /** {@link #alternatives} without kernel alternatives (a space of one kernel). */
    static Map<String, Configuration> offOneAtATime(Configuration c) {
        return alternatives(c, List.of());
    }

    /** Each knob's name and the configuration without it, in a stable order; then each other kernel of {@code kernels}. */
    static Map<String, Configuration> alternatives(Configuration c, List<String> kernels) {
        Map<String, Configuration> out = new LinkedHashMap<>();
        if (c.io() == IoModel.VIRTUAL_PASSTHROUGH || c.io() == IoModel.PASSTHROUGH) {
            out.put("io " + c.io() + " (VIRTIO instead)", c.withIo(IoModel.VIRTIO, ViommuMode.OFF));
        }
        for (DvhMechanism m : c.l0Dvh()) {
            if (m != DvhMechanism.VIRTUAL_PASSTHROUGH) {
                out.put(m.name(), c.withMechanism(m, false));
            }
        }
        if (c.postedInterrupts()) {
            out.put("postedInterrupts", c.withPostedInterrupts(false));
        }
        if (c.vmcsShadowing()) {
            out.put("vmcsShadowing", c.withVmcsShadowing(false));
        }
        if (c.haltPollNs() > 0) {
            out.put("haltPolling", c.withHaltPollNs(0));
        }
        if (c.guestKernel() != null) {
            for (String k : kernels) {
                if (!k.equals(c.guestKernel())) {
                    out.put(GUEST_KERNEL + " " + c.guestKernel() + " -> " + k, c.withGuestKernel(k));
                }
            }
        }
        return out;
    }
}
