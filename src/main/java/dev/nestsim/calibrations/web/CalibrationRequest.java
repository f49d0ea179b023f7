package dev.nestsim.calibrations.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nestsim.api.NoControlCharacters;
import dev.nestsim.api.NoUnpairedSurrogates;
import dev.nestsim.calibrations.CalibrationSpec;
import dev.nestsim.calibrations.VmexitOutput;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A calibration to fit: a machine's clock and kernel, and the vmexit.flat output of an L1 VM on it (and of an L2 VM). */
@Schema(name = "CalibrationRequest", description = """
        kvm-unit-tests' vmexit.flat output from a VM on your machine, pasted as ./x86/run x86/vmexit.flat printed it (any \
        order; boot and summary lines are skipped, tests the model does not know are listed as ignored), with the machine's \
        base clock and the kernel its hypervisors run. The model's parameters are fitted to it and stored.""")
public record CalibrationRequest(
        @Schema(description = "Unique name, 1 to 100 characters, no control characters", example = "my-icx", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(min = 1, max = 100) @NoControlCharacters @NoUnpairedSurrogates String name,
        @Schema(description = "The machine's base clock in GHz, 0.5 to 6: the TSC frequency the cycles were counted at",
                example = "2.2", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @DecimalMin("0.5") @DecimalMax("6.0") Double clockGhz,
        @Schema(description = "The kernel generation of the host and of the guest hypervisors (linux-4.18, linux-5.3, linux-5.10); "
                + "default linux-5.10. Unknown names are a 400 with rule known-kernel. The fitted prices belong to this kernel's "
                + "mechanisms: only a host whose L0 runs it can name the calibration (else 422, rule calibration-kernel)",
                example = "linux-4.18")
        @Size(max = 20) String kernel,
        @Schema(description = "The output of ./x86/run x86/vmexit.flat in an L1 VM, as printed, up to 65536 characters. A line that "
                + "starts with a known test's name but is not '<test> <cycles>' is a 400 (rule vmexit-result-line) naming the line "
                + "number and the text. The example has the runner's layout with synthetic figures (the reference model's for the "
                + "paper's testbed), not a measurement", requiredMode = Schema.RequiredMode.REQUIRED, example = CalibrationsApiDocs.EXAMPLE_OUTPUT)
        @NotNull @Size(min = 1, max = VmexitOutput.MAX_CHARS) @NoUnpairedSurrogates String l1VmexitOutput,
        @Schema(description = "Optional: the same output in an L2 VM (a VM of a guest hypervisor of the same kernel); the nested "
                + "parameters are then fitted too", nullable = true)
        @Size(min = 1, max = VmexitOutput.MAX_CHARS) @NoUnpairedSurrogates String l2VmexitOutput,
        @Schema(description = "Optional: cycles of vmexit tests run natively on the host, by test name (cpuid, tscdeadline, "
                + "tscdeadline_immed, ipi, ipi_halt, self_ipi_sti_hlt)", example = "{\"cpuid\":120}")
        @JsonProperty("native") @Size(max = 16) Map<@Size(max = 40) String, Double> nativeFigures,
        @ArraySchema(arraySchema = @Schema(description = "Optional: tests left out of the fit and reported with their prediction error "
                + "(the user's own cross-check); each must be given", example = "[\"inl_from_qemu\"]"), maxItems = 16)
        @Size(max = 16) List<@Size(max = 40) String> holdOut) {

    CalibrationSpec toSpec() {
        return new CalibrationSpec(name, clockGhz, kernel, l1VmexitOutput, l2VmexitOutput, nativeFigures, holdOut);
    }
}
