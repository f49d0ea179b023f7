package dev.nestsim.costs.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The exit costs at one level of a path. */
@Schema(name = "ExitCosts", description = "The cost of each event raised at one level of a VM's or guest hypervisor's path")
public record ExitCostsResponse(
        @Schema(description = "The VM or guest hypervisor") UUID id,
        @Schema(description = "The level the events are raised at", example = "3") int level,
        @Schema(description = "Host clock the microseconds use, GHz", example = "2.2") double clockGhz,
        @Schema(description = "One per event") List<ExitCostResponse> items) {
}
