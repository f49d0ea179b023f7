package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.provisioning.HypervisorEntity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A guest hypervisor as stored, with its defaults resolved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Hypervisor", description = "A guest hypervisor, with its level and where it runs")
public record HypervisorResponse(
        @Schema(description = "Id", example = "5e0c1f2a-8b7d-4c3e-a1f9-6d2b0e4c8a77") UUID id,
        @Schema(description = "Name", example = "l1-dvh") String name,
        @Schema(description = "Its level: 1 on a host, one more than its parent hypervisor otherwise", example = "1") int level,
        @Schema(description = "The physical host at the bottom of its path", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId,
        ParentBody parent,
        @Schema(description = "vCPUs", example = "8") int vcpus,
        @Schema(description = "Memory in GiB", example = "36") int memoryGib,
        @Schema(description = "DVH mechanisms it provides to its guests") List<DvhMechanism> dvh,
        @Schema(description = "Whether it gives its guest hypervisors VMCS shadowing", example = "true") boolean exposeVmcsShadowing,
        @Schema(description = "Halt-polling window in ns", example = "200000") long haltPollNs,
        @Schema(description = "Its virtual IOMMU") ViommuMode viommu,
        @Schema(description = "Whether it posts interrupts to its guests", example = "true") boolean postedInterrupts,
        @Schema(description = "What backs its guests' timers") TimerOffload timerOffload,
        @Schema(ref = Kernels.SCHEMA_REF, description = "The kernel generation it names itself; null when it runs its parent's",
                example = "linux-5.10", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String kernel,
        @Schema(ref = Kernels.SCHEMA_REF, description = "The kernel generation it runs: its own, or else its parent's, down to the host's L0",
                example = "linux-4.18") String effectiveKernel,
        @Schema(description = "Version, also the ETag", example = "0") long version,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "When it last changed") Instant updatedAt) {

    /** {@code effectiveKernel}: what it runs, resolved through its parents ({@code TopologyService.effectiveKernel}). */
    static HypervisorResponse of(HypervisorEntity hv, KernelGeneration effectiveKernel) {
        GuestHypervisor m = hv.toModel();
        return new HypervisorResponse(hv.getId(), m.name(), hv.getLevel(), hv.getHostId(), ParentBody.of(hv.getHostId(), hv.getParentHypervisorId()),
                m.vcpus(), m.memoryGib(), DvhLists.sorted(m.settings().dvh()), m.settings().exposeVmcsShadowing(), m.settings().haltPollNs(),
                m.viommu(), m.settings().postedInterrupts(), m.settings().timerOffload(), Kernels.name(m.settings().kernel()),
                Kernels.name(effectiveKernel), hv.getVersion(), hv.getCreatedAt(), hv.getUpdatedAt());
    }
}
