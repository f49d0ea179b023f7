package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One point of the configuration space: the knobs, the same at every level of the path.
 *
 * @param io               the leaf's I/O model
 * @param dvh              the DVH mechanisms the leaf uses; L0 supports them and every guest hypervisor provides them
 *                         ({@code VIRTUAL_PASSTHROUGH} exactly when {@code io} is that)
 * @param viommu           the virtual IOMMU of every guest hypervisor: OFF unless the leaf's device is assigned through them
 * @param postedInterrupts whether every level posts interrupts to its guests
 * @param vmcsShadowing    whether every hypervisor exposes VMCS shadowing to the one above it
 * @param haltPollNs       every hypervisor's halt-polling window
 */
public record Configuration(IoModel io, Set<DvhMechanism> dvh, ViommuMode viommu, boolean postedInterrupts, boolean vmcsShadowing,
                            long haltPollNs) {

    public Configuration {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(viommu, "viommu");
        dvh = dvh.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dvh));
    }

    /** Whether the leaf's device is assigned through every guest hypervisor (so they need a virtual IOMMU). */
    public boolean assignsDevice() {
        return io == IoModel.PASSTHROUGH || io == IoModel.VIRTUAL_PASSTHROUGH;
    }

    /** A short, stable name: {@code VIRTIO dvh[TIMER,IPI] viommu-OFF pi vmcs poll-200000}. */
    public String describe() {
        String mechanisms = dvh.stream().map(m -> m.name().replace("VIRTUAL_", "")).collect(Collectors.joining(","));
        return io + " dvh[" + mechanisms + "] viommu-" + viommu + (postedInterrupts ? " pi" : " no-pi") + (vmcsShadowing ? " vmcs" : " no-vmcs")
                + " poll-" + haltPollNs;
    }
}
