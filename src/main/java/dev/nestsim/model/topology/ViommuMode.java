package dev.nestsim.model.topology;

/**
 * The virtual IOMMU a guest hypervisor's VM is given by the level below (QEMU intel-iommu with caching
 * mode), and how that hypervisor maps DMA through it for the device it assigns to its guests
 * (docs/model.md section 3; QEMU hw/i386/intel_iommu.c with caching mode).
 */
public enum ViommuMode {
    /** No virtual IOMMU: this hypervisor cannot assign a device to its guests. */
    OFF,
    /** Mappings set up once, at assignment (vfio pins and maps all guest memory): no per-I/O cost. */
    STATIC,
    /** Map and unmap around every DMA buffer, each a synchronous invalidation that traps. */
    STRICT,
    /** Maps flush at once (caching mode); unmaps are queued and flushed in batches of 256 or every 10 ms. */
    DEFERRED;

    public boolean present() {
        return this != OFF;
    }
}
