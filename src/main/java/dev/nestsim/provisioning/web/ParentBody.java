package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.provisioning.ParentRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** Where a guest hypervisor or VM runs: exactly one of {@code hostId} and {@code hypervisorId}. Fixed once created. */
@ExactlyOneParent
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Parent", description = "Where it runs: exactly one of hostId (on a host, at L1) and hypervisorId (in a guest hypervisor, "
        + "one level deeper). Cannot change after creation.", minProperties = 1, maxProperties = 1)
public record ParentBody(
        @Schema(description = "The host it runs on directly (L1)", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId,
        @Schema(description = "The guest hypervisor it runs in", example = "5e0c1f2a-8b7d-4c3e-a1f9-6d2b0e4c8a77") UUID hypervisorId) {

    static ParentBody of(UUID hostId, UUID parentHypervisorId) {
        return parentHypervisorId == null ? new ParentBody(hostId, null) : new ParentBody(null, parentHypervisorId);
    }

    ParentRef toRef() {
        return new ParentRef(hostId, hypervisorId);
    }
}
