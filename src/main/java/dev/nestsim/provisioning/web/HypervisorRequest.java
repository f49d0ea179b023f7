package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.api.NoControlCharacters;
import dev.nestsim.api.NoUnpairedSurrogates;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.Sizes;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.provisioning.HypervisorEntity;
import dev.nestsim.provisioning.HypervisorSpec;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A guest hypervisor to create or (with PUT) the full replacement of one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HypervisorRequest", description = "A guest hypervisor: a VM that runs KVM for its own guests",
        example = """
                {"name":"l1-dvh","parent":{"hostId":"0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11"},"vcpus":8,"memoryGib":36,"viommu":"STATIC",\
                "dvh":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"]}""")
public record HypervisorRequest(
        @Schema(description = "Name, 1 to 100 characters, no control characters (NUL, tab, newline, ...) nor unpaired surrogates", example = "l1-dvh", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(min = 1, max = 100) @NoControlCharacters @NoUnpairedSurrogates String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid ParentBody parent,
        @Schema(description = "vCPUs, 1 to 1024; with its siblings it must fit its parent's", example = "8",
                requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Min(1) @Max(Sizes.MAX_VCPUS) Integer vcpus,
        @Schema(description = "Memory in GiB, 1 to 65536; with its siblings it must fit its parent's", example = "36",
                requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Min(1) @Max(Sizes.MAX_MEMORY_GIB) Integer memoryGib,
        @ArraySchema(arraySchema = @Schema(description = "DVH mechanisms it provides to its guests; each needs every level below to provide it too; default none"))
        Set<@NotNull DvhMechanism> dvh,
        @Schema(description = "Whether it gives its own guest hypervisors (emulated) VMCS shadowing; default true", example = "true")
        Boolean exposeVmcsShadowing,
        @Schema(description = "Halt-polling window in ns, 0 to 10,000,000; default 200000", example = "200000")
        @Min(0) @Max(10_000_000) Long haltPollNs,
        @Schema(description = "The virtual IOMMU it is given; needed to assign a device onward (PASSTHROUGH, VIRTUAL_PASSTHROUGH); default OFF")
        ViommuMode viommu,
        @Schema(description = "Whether it posts interrupts to its guests; default what its path makes available", example = "true")
        Boolean postedInterrupts,
        @Schema(description = "What backs its guests' timers; default PREEMPTION_TIMER") TimerOffload timerOffload,
        @Schema(ref = Kernels.SCHEMA_REF, description = """
                The kernel generation it runs; absent or null: its parent's (the host's L0 for an L1 one, and on down the \
                chain), and it follows the parent's when that changes. In a merge patch null clears it. An unknown name is a \
                400 (rule known-kernel) listing the allowed ones""", example = "linux-5.10", nullable = true)
        @KnownKernel String kernel) {

    HypervisorSpec toSpec() {
        return new HypervisorSpec(name, parent.toRef(), vcpus, memoryGib, dvh, exposeVmcsShadowing, haltPollNs, viommu, postedInterrupts,
                timerOffload, Kernels.parse(kernel));
    }

    /** The stored guest hypervisor as a request: what a merge patch applies to. */
    static HypervisorRequest current(HypervisorEntity hv) {
        HypervisorResponse r = HypervisorResponse.of(hv, null);
        return new HypervisorRequest(r.name(), r.parent(), r.vcpus(), r.memoryGib(), Set.copyOf(r.dvh()), r.exposeVmcsShadowing(),
                r.haltPollNs(), r.viommu(), r.postedInterrupts(), r.timerOffload(), r.kernel());
    }
}
