package dev.nestsim.costs.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The microbenchmarks of a VM or a host. */
@Schema(name = "Microbenchmarks", description = "Microbenchmarks on a VM's path (with native and L1 comparisons) or natively on a host")
public record MicrobenchmarksResponse(
        @Schema(description = "The VM or host") UUID id,
        @Schema(description = "The level they ran at (0: natively)", example = "2") int level,
        @Schema(description = "Host clock the microseconds use, GHz", example = "2.2") double clockGhz,
        @Schema(description = "One per microbenchmark") List<MicrobenchmarkResponse> items) {
}
