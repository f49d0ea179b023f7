/**
 * The network path between the native client and the leaf: the wire ({@link dev.nestsim.model.workload.net.Wire}),
 * L0's NIC receive queues and their interrupts, each hypervisor's backend (vhost) and relay of an assigned device,
 * DMA mappings behind a virtual IOMMU, and the leaf's NAPI polling ({@link dev.nestsim.model.workload.net.Napi}), as
 * {@link dev.nestsim.model.workload.net.ServerNet} assembles them for the leaf's I/O model. Runs on the machine of
 * {@link dev.nestsim.model.workload.machine}.
 */
package dev.nestsim.model.workload.net;
