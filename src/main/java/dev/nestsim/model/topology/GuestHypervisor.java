package dev.nestsim.model.topology;

import java.util.Objects;

/**
 * A guest hypervisor: a VM that runs KVM for its own guests.
 *
 * @param name      the user's name for it, used in explanations and errors
 * @param vcpus     its vCPUs, 1 to 1024
 * @param memoryGib its memory in GiB, 1 to 65536
 * @param settings  its hypervisor settings ({@code dvh}: the mechanisms it provides to its guests)
 * @param viommu    the virtual IOMMU it is given, and how it maps DMA for devices it assigns onward
 */
public record GuestHypervisor(String name, int vcpus, int memoryGib, HypervisorSettings settings, ViommuMode viommu) {

    public GuestHypervisor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(viommu, "viommu");
        Sizes.checkVcpus(vcpus);
        Sizes.checkMemoryGib(memoryGib);
    }
}
