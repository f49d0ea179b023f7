package dev.nestsim.model.topology;

/** How a leaf VM reaches the network (docs/model.md section 3). */
public enum IoModel {
    /** A fully emulated NIC (e1000) in the parent hypervisor's user space: every register access exits. */
    EMULATED,
    /** virtio-net with vhost-net at every level (the paper's baseline). */
    VIRTIO,
    /** An SR-IOV virtual function assigned through every level with vfio and virtual IOMMUs. */
    PASSTHROUGH,
    /** DVH virtual-passthrough: L0's virtio device assigned through every level's virtual IOMMU. */
    VIRTUAL_PASSTHROUGH
}
