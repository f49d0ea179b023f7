package dev.nestsim.costs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.costs.CascadeService;
import dev.nestsim.model.exits.MicrobenchmarkResult;
import dev.nestsim.model.topology.Path;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One microbenchmark's result, with the native and L1 comparisons on a VM. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Microbenchmark", description = "Cycles per operation of one microbenchmark and where they go")
public record MicrobenchmarkResponse(
        @Schema(description = "The microbenchmark", example = "device-notify") String name,
        @Schema(description = "What it measures") String description,
        @Schema(description = "The level it ran at (0: natively on the host)", example = "2") int level,
        @Schema(description = "False when the operation has no meaning there (a hypercall on bare metal); cycles are then absent", example = "true")
        boolean applicable,
        @Schema(description = "Cycles per operation, the critical path the guest's rdtsc measures", example = "26471") Long cycles,
        @Schema(description = "The same in microseconds at the host's base clock", example = "12.032") Double microseconds,
        @ArraySchema(arraySchema = @Schema(description = "Index k: hardware exits out of level k per operation", example = "[0, 2, 1]"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Long> exitsPerLevel,
        @ArraySchema(arraySchema = @Schema(description = "Index k: exits whose handler ran at level k", example = "[2, 1, 0]"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Long> exitsHandledPerLevel,
        @ArraySchema(arraySchema = @Schema(description = "Index k: cycles spent in level k's software (L0 includes the hardware transitions)",
                example = "[15310, 11161, 0]"), maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Long> cyclesPerLevel,
        @Schema(description = "Per level, the exits it saw by exit reason and its cycles on them, per operation") ExitProfileResponse exitProfile,
        @Schema(description = "The same microbenchmark natively on the host (VM results only)") Comparison nativeHost,
        @Schema(description = "The same microbenchmark in an L1 VM on the same host (VM results only)") Comparison l1Vm,
        @Schema(description = "The slowdown against bare metal: cycles divided by the same microbenchmark's cycles natively on the host "
                + "(1 is native, 2 twice the cycles); absent when it has no meaning natively", example = "176.473") Double cyclesVsNative,
        @Schema(description = "The slowdown against an L1 VM: cycles divided by the L1 VM's cycles", example = "5.311") Double cyclesVsL1,
        @Schema(description = "The tree of exits, with ?trace=true") TraceResponse trace) {

    /** A comparison point: the same microbenchmark elsewhere. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MicrobenchmarkComparison")
    public record Comparison(
            @Schema(example = "1") int level,
            @Schema(example = "true") boolean applicable,
            @Schema(example = "4984") Long cycles,
            @Schema(example = "2.265") Double microseconds,
            @ArraySchema(maxItems = Path.HARD_MAX_DEPTH + 1) List<Long> exitsPerLevel,
            @ArraySchema(maxItems = Path.HARD_MAX_DEPTH + 1) List<Long> cyclesPerLevel) {

        static Comparison of(MicrobenchmarkResult r) {
            return new Comparison(r.level(), r.applicable(), r.applicable() ? r.roundedCycles() : null,
                    r.applicable() ? Rounding.microseconds(r.microseconds()) : null, r.exitsPerLevel(), Rounding.cycles(r.cyclesPerLevel()));
        }
    }

    static MicrobenchmarkResponse of(MicrobenchmarkResult r) {
        return new MicrobenchmarkResponse(r.name(), r.description(), r.level(), r.applicable(),
                r.applicable() ? r.roundedCycles() : null, r.applicable() ? Rounding.microseconds(r.microseconds()) : null,
                r.exitsPerLevel(), r.exitsHandledPerLevel(), Rounding.cycles(r.cyclesPerLevel()), ExitProfileResponse.of(r.profile()),
                null, null, null, null, TraceResponse.of(r.trace()));
    }

    static MicrobenchmarkResponse of(CascadeService.Comparison c) {
        MicrobenchmarkResult r = c.result();
        Double vsNative = c.nativeResult().applicable() && c.nativeResult().cycles() > 0
                ? Rounding.ratio(r.cycles() / c.nativeResult().cycles()) : null;
        Double vsL1 = c.l1Result().cycles() > 0 ? Rounding.ratio(r.cycles() / c.l1Result().cycles()) : null;
        return new MicrobenchmarkResponse(r.name(), r.description(), r.level(), r.applicable(), r.roundedCycles(),
                Rounding.microseconds(r.microseconds()), r.exitsPerLevel(), r.exitsHandledPerLevel(), Rounding.cycles(r.cyclesPerLevel()),
                ExitProfileResponse.of(r.profile()), Comparison.of(c.nativeResult()), Comparison.of(c.l1Result()), vsNative, vsL1, TraceResponse.of(r.trace()));
    }
}
