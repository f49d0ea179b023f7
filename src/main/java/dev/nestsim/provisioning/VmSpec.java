package dev.nestsim.provisioning;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import java.util.Set;

/**
 * What a user asks for when creating or replacing a leaf VM; {@code null} settings take defaults.
 *
 * @param name             its name
 * @param parent           where it runs (fixed once created)
 * @param vcpus            its vCPUs
 * @param memoryGib        its memory
 * @param io               its I/O model; {@code null} for VIRTIO
 * @param dvh              the DVH mechanisms it asks for; {@code null} for none
 * @param postedInterrupts whether interrupts are posted to it; {@code null} for what its path makes available
 */
public record VmSpec(String name, ParentRef parent, int vcpus, int memoryGib, IoModel io,
                     Set<DvhMechanism> dvh, Boolean postedInterrupts) {
}
