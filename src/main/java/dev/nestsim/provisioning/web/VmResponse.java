package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.provisioning.VmEntity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A leaf VM as stored, with its defaults resolved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Vm", description = "A leaf VM, with its level and where it runs")
public record VmResponse(
        @Schema(description = "Id", example = "9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(description = "Name", example = "l3-dvh") String name,
        @Schema(description = "Its level: 1 on a host, one more than its parent hypervisor otherwise", example = "3") int level,
        @Schema(description = "The physical host at the bottom of its path", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId,
        ParentBody parent,
        @Schema(description = "vCPUs", example = "4") int vcpus,
        @Schema(description = "Memory in GiB", example = "12") int memoryGib,
        @Schema(description = "I/O model") IoModel io,
        @Schema(description = "DVH mechanisms it asks for (what is in force: GET .../path)") List<DvhMechanism> dvh,
        @Schema(description = "Whether interrupts are posted to it", example = "true") boolean postedInterrupts,
        @Schema(description = "Version, also the ETag", example = "0") long version,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "When it last changed") Instant updatedAt) {

    static VmResponse of(VmEntity vm) {
        LeafVm m = vm.toModel();
        return new VmResponse(vm.getId(), m.name(), vm.getLevel(), vm.getHostId(), ParentBody.of(vm.getHostId(), vm.getParentHypervisorId()),
                m.vcpus(), m.memoryGib(), m.io(), DvhLists.sorted(m.dvh()), m.postedInterrupts(), vm.getVersion(), vm.getCreatedAt(),
                vm.getUpdatedAt());
    }
}
