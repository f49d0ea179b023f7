package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.api.NoControlCharacters;
import dev.nestsim.api.NoUnpairedSurrogates;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Sizes;
import dev.nestsim.provisioning.VmEntity;
import dev.nestsim.provisioning.VmSpec;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A leaf VM to create or (with PUT) the full replacement of one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "VmRequest", description = "A leaf VM, where a workload runs",
        example = """
                {"name":"l3-dvh","parent":{"hypervisorId":"5e0c1f2a-8b7d-4c3e-a1f9-6d2b0e4c8a77"},"vcpus":4,"memoryGib":12,\
                "io":"VIRTUAL_PASSTHROUGH","dvh":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"]}""")
public record VmRequest(
        @Schema(description = "Name, 1 to 100 characters, no control characters (NUL, tab, newline, ...) nor unpaired surrogates", example = "l3-dvh", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(min = 1, max = 100) @NoControlCharacters @NoUnpairedSurrogates String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid ParentBody parent,
        @Schema(description = "vCPUs, 1 to 1024; with its siblings it must fit its parent's", example = "4",
                requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Min(1) @Max(Sizes.MAX_VCPUS) Integer vcpus,
        @Schema(description = "Memory in GiB, 1 to 65536; with its siblings it must fit its parent's", example = "12",
                requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Min(1) @Max(Sizes.MAX_MEMORY_GIB) Integer memoryGib,
        @Schema(description = "How it reaches the network; default VIRTIO. PASSTHROUGH needs an IOMMU, a free SR-IOV VF and a vIOMMU "
                + "in every guest hypervisor on its path; VIRTUAL_PASSTHROUGH needs the DVH mechanism along the path and vIOMMUs")
        IoModel io,
        @ArraySchema(arraySchema = @Schema(description = "DVH mechanisms it asks for; every level of its path must provide each; default none"))
        Set<@NotNull DvhMechanism> dvh,
        @Schema(description = "Whether interrupts are posted to it; default what its path makes available", example = "true")
        Boolean postedInterrupts) {

    VmSpec toSpec() {
        return new VmSpec(name, parent.toRef(), vcpus, memoryGib, io, dvh, postedInterrupts);
    }

    /** The stored VM as a request: what a merge patch applies to. */
    static VmRequest current(VmEntity vm) {
        VmResponse r = VmResponse.of(vm);
        return new VmRequest(r.name(), r.parent(), r.vcpus(), r.memoryGib(), r.io(), Set.copyOf(r.dvh()), r.postedInterrupts());
    }
}
