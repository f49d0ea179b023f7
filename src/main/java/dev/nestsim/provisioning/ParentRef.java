package dev.nestsim.provisioning;

import java.util.UUID;

/**
 * Where a guest hypervisor or VM runs: on a host (L1) or in a guest hypervisor; exactly one is set.
 *
 * @param hostId       the host, for a child at L1
 * @param hypervisorId the guest hypervisor, for a child one level deeper than it
 */
public record ParentRef(UUID hostId, UUID hypervisorId) {

    public static ParentRef host(UUID hostId) {
        return new ParentRef(hostId, null);
    }

    public static ParentRef hypervisor(UUID hypervisorId) {
        return new ParentRef(null, hypervisorId);
    }

    public boolean isHost() {
        return hostId != null;
    }
}
