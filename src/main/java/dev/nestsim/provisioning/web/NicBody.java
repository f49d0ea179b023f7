package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.model.hardware.Nic;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A host's network interface. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Nic", description = "The host's NIC; with a profile, each field given overrides the profile's")
public record NicBody(
        @Schema(description = "Line rate in Gbit/s, 0.1 to 800", example = "10") @DecimalMin("0.1") @DecimalMax("800") Double gbps,
        @Schema(description = "SR-IOV virtual functions for PASSTHROUGH VMs, 0 to 1024 (0: no SR-IOV)", example = "63")
        @Min(0) @Max(1024) Integer sriovVfs) {

    static NicBody of(Nic nic) {
        return new NicBody(nic.gbps(), nic.sriovVfs());
    }
}
