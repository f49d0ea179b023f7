package dev.nestsim.calibrations.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nestsim.calibrations.CalibrationReport;
import dev.nestsim.calibrations.CalibrationService;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored calibration: what was given and what was fitted. */
@Schema(name = "Calibration")
record CalibrationResponse(
        @Schema(description = "Id", example = "5b0f3b5e-8d7e-4d3c-9d0a-2f1f0c6c1a11") UUID id,
        @Schema(description = "Name", example = "my-icx") String name,
        @Schema(description = "The machine's base clock in GHz", example = "2.2") double clockGhz,
        @Schema(description = "The kernel generation of every hypervisor level; hosts that name the calibration run it on L0 "
                + "(rule calibration-kernel)", example = "linux-4.18") String kernel,
        @JsonProperty("native") @Schema(description = "The native figures given, by test") Map<String, Double> nativeFigures,
        @ArraySchema(arraySchema = @Schema(description = "The tests held out of the fit"), maxItems = 16) List<String> holdOut,
        @Schema(description = "When it was created") Instant createdAt,
        CalibrationReport fit) {

    static CalibrationResponse of(CalibrationService.Stored stored) {
        var options = stored.options();
        return new CalibrationResponse(stored.entity().getId(), stored.entity().getName(), stored.entity().getClockGhz(),
                stored.entity().getKernel(), options.nativeFigures(), options.holdOut(), stored.entity().getCreatedAt(), stored.report());
    }
}
