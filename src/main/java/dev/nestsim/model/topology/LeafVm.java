package dev.nestsim.model.topology;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A leaf VM: where a workload runs.
 *
 * @param name             the user's name for it
 * @param vcpus            its vCPUs, 1 to 1024
 * @param memoryGib        its memory in GiB, 1 to 65536
 * @param io               how it reaches the network
 * @param dvh              the DVH mechanisms it asks for ({@code VIRTUAL_PASSTHROUGH} is implied by that I/O model)
 * @param postedInterrupts whether interrupts are posted to it when it runs
 */
public record LeafVm(String name, int vcpus, int memoryGib, IoModel io, Set<DvhMechanism> dvh, boolean postedInterrupts) {

    public LeafVm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(dvh, "dvh");
        Sizes.checkVcpus(vcpus);
        Sizes.checkMemoryGib(memoryGib);
        dvh = dvh.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dvh));
    }

    /** The mechanisms this VM needs from its path: what it asks for, plus virtual-passthrough if its I/O model is that. */
    public Set<DvhMechanism> requiredDvh() {
        if (io != IoModel.VIRTUAL_PASSTHROUGH || dvh.contains(DvhMechanism.VIRTUAL_PASSTHROUGH)) {
            return dvh;
        }
        EnumSet<DvhMechanism> all = dvh.isEmpty() ? EnumSet.noneOf(DvhMechanism.class) : EnumSet.copyOf(dvh);
        all.add(DvhMechanism.VIRTUAL_PASSTHROUGH);
        return Collections.unmodifiableSet(all);
    }
}
