package dev.nestsim.provisioning;

import java.util.UUID;

/**
 * What the VMs of one parent use together.
 *
 * @param parentHypervisorId their parent, {@code null} for the host
 * @param vcpus              their vCPUs
 * @param memoryGib          their memory in GiB
 * @param passthroughVms     how many of them hold a physical SR-IOV VF
 */
record VmUsage(UUID parentHypervisorId, long vcpus, long memoryGib, long passthroughVms) {
}
