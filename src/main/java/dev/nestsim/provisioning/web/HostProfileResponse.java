package dev.nestsim.provisioning.web;

import dev.nestsim.model.hardware.HostProfile;
import io.swagger.v3.oas.annotations.media.Schema;

/** A catalogue profile. */
@Schema(name = "HostProfile", description = "A real host configuration to provision from, with its source")
public record HostProfileResponse(
        @Schema(description = "Stable name, used as a host's profile", example = "asplos20-testbed") String name,
        @Schema(description = "One line for people") String title,
        @Schema(description = "The processors", example = "2 x Intel Xeon Silver 4114") String cpuModel,
        @Schema(description = "Intel code name", example = "Skylake-SP") String microarchitecture,
        @Schema(description = "Sockets", example = "2") int sockets,
        @Schema(description = "Physical cores in all sockets", example = "20") int cores,
        @Schema(description = "Base clock in GHz", example = "2.2") double clockGhz,
        @Schema(description = "Memory in GiB", example = "192") int memoryGib,
        NicBody nic,
        FeaturesBody features,
        @Schema(description = "Where the figures and features come from") String source,
        @Schema(ref = Kernels.SCHEMA_REF, description = "The kernel generation L0 of a host from this profile runs unless the host "
                + "names one: linux-4.18 for the paper's testbed, as the paper ran it, linux-5.10 for the others", example = "linux-4.18")
        String defaultKernel) {

    static HostProfileResponse of(HostProfile p) {
        return new HostProfileResponse(p.name(), p.title(), p.cpuModel(), p.microarchitecture(), p.sockets(), p.hardware().cores(),
                p.hardware().clockGhz(), p.hardware().memoryGib(), NicBody.of(p.hardware().nic()), FeaturesBody.of(p.hardware().features()),
                p.source(), Kernels.name(p.defaultKernel()));
    }
}
