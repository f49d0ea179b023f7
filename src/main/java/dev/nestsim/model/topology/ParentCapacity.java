package dev.nestsim.model.topology;

/**
 * What the parent of a new (or changed) VM or guest hypervisor still has free, after its other children.
 * VMs are pinned 1:1 as in the paper, so vCPUs and memory are not overcommitted.
 *
 * @param vcpusFree     vCPUs (or host cores) not given to other children
 * @param memoryGibFree memory in GiB not given to other children
 * @param sriovVfsFree  SR-IOV VFs of the host's NIC not assigned to other passthrough VMs anywhere on the host
 */
public record ParentCapacity(int vcpusFree, int memoryGibFree, int sriovVfsFree) {
}
