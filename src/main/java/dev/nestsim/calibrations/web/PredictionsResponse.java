package dev.nestsim.calibrations.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** A calibration's microbenchmarks natively, at L1, L2 and L3, baseline and DVH, beside the reference's. */
@Schema(name = "CalibrationPredictions")
record PredictionsResponse(
        @Schema(description = "The calibration's id") UUID calibrationId,
        @Schema(description = "The machine's base clock in GHz", example = "2.2") double clockGhz,
        @Schema(description = "The kernel generation of every hypervisor level", example = "linux-4.18") String kernel,
        @ArraySchema(arraySchema = @Schema(description = "Natively, then L1 to L3, each baseline then DVH"), maxItems = 8)
        List<Configuration> configurations) {

    /** One path: a level and the paper's configuration. */
    @Schema(name = "CalibrationPredictionConfiguration")
    record Configuration(
            @Schema(description = "0 natively on the host, else the leaf VM's level", example = "2") int level,
            @Schema(description = "NATIVE, BASELINE (virtio at every level, no DVH) or DVH (virtual-passthrough and the four mechanisms)",
                    example = "BASELINE") String configuration,
            @ArraySchema(arraySchema = @Schema(description = "Every microbenchmark that applies there"), maxItems = 32) List<Item> items) {
    }

    /** One microbenchmark, calibrated beside the reference. */
    @Schema(name = "CalibrationPrediction")
    record Item(
            @Schema(description = "The microbenchmark", example = "vmcall") String name,
            @Schema(description = "Cycles per operation with the calibration", example = "33610") double calibrated,
            @Schema(description = "Cycles per operation with the reference parameters", example = "33582") double reference,
            @Schema(description = "calibrated / reference - 1", example = "0.0008") double relativeChange) {
    }
}
