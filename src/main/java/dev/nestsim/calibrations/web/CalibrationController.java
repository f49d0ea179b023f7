package dev.nestsim.calibrations.web;

import static dev.nestsim.calibrations.web.CalibrationsApiDocs.PROBLEM;

import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.calibrations.CalibrationFitter;
import dev.nestsim.calibrations.CalibrationPaths;
import dev.nestsim.calibrations.CalibrationService;
import dev.nestsim.calibrations.Predictions;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.topology.Path;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calibrations: a machine's vmexit.flat output fitted to the model. */
@RestController
@RequestMapping(path = "/api/v1/calibrations", produces = "application/json")
@Tag(name = "Calibrations", description = "Your hardware, your kernel: kvm-unit-tests' vmexit.flat output from a VM on your machine, "
        + "fitted to the model's parameters by bounded least squares; hosts that name the calibration compute with it")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class CalibrationController {

    private final CalibrationService calibrations;

    CalibrationController(CalibrationService calibrations) {
        this.calibrations = calibrations;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createCalibration", summary = "Fit and store a calibration", description = "Reads the outputs, fits the "
            + "parameters the given tests identify (FITTED ones within a quarter to four times the reference, ESTIMATED ones within "
            + "their documented range; published figures, counts and unidentified parameters keep the reference value with a note), "
            + "and stores the fitted values with every residual. Tests in holdOut are left out of the fit and reported as predictions.")
    @ApiResponse(responseCode = "201", description = "Fitted and stored; Location set")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, an unknown field, a field missing or out of range, an unknown "
            + "kernel (known-kernel), a line that looks like a result but is not (vmexit-result-line: the field, line number and text), "
            + "an output without a known test (vmexit-results), a native figure of an unknown test (known-native-test), a held-out "
            + "test not given (held-out-test-given) or nothing left to fit (something-to-fit); every problem at once",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject("""
                    {"type":"https://nestsim.dev/problems/invalid-request","title":"The request is invalid","status":400,\
                    "detail":"1 problem (vmexit-result-line): see errors","instance":"/api/v1/calibrations",\
                    "errors":[{"field":"l1VmexitOutput","pointer":"/l1VmexitOutput","rule":"vmexit-result-line",\
                    "message":"l1VmexitOutput line 9 ('cpuid abc'): the cycles of cpuid must be a whole number, was 'abc'"}]}""")))
    @ApiResponse(responseCode = "409", description = "A calibration of that name exists (type conflict)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "An Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<CalibrationResponse> create(@Valid @RequestBody CalibrationRequest request,
                                               @Parameter(description = CalibrationsApiDocs.IDEMPOTENCY_KEY)
                                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CalibrationService.Stored stored = calibrations.create(request.toSpec());
        return ResponseEntity.created(URI.create("/api/v1/calibrations/" + stored.entity().getId()))
                .body(CalibrationResponse.of(stored));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCalibration", summary = "Get a calibration", description = "What was given and what was fitted: every "
            + "parameter's value, bounds and note, every test's residual, how far the L2 predictions moved")
    @ApiResponse(responseCode = "200", description = "The calibration")
    @ApiResponse(responseCode = "404", description = "No such calibration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    CalibrationResponse get(@PathVariable UUID id) {
        return CalibrationResponse.of(calibrations.get(id));
    }

    @GetMapping
    @Operation(operationId = "listCalibrations", summary = "List calibrations", description = "Oldest first (creation time, then id), "
            + "filtered by exact name")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page or size out of range, or not a number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<CalibrationResponse> list(
            @Parameter(description = CalibrationsApiDocs.PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = CalibrationsApiDocs.SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only the calibration of this name") @RequestParam(required = false) String name) {
        return PageResponse.of(calibrations.list(name, page, size), stored -> CalibrationResponse.of(stored));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteCalibration", summary = "Delete a calibration", description = "Only one no host uses; runs made "
            + "on it keep the values they ran with")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such calibration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "A host uses it (type conflict, the hosts named in the detail)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        calibrations.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/predictions")
    @Operation(operationId = "getCalibrationPredictions", summary = "What the calibration predicts", description = "Every microbenchmark "
            + "natively, in an L1, L2 and L3 VM, baseline and DVH, on the calibration's machine (the reference testbed's features at its "
            + "clock, its kernel at every level), with the calibration beside the reference parameters")
    @ApiResponse(responseCode = "200", description = "The predictions")
    @ApiResponse(responseCode = "404", description = "No such calibration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PredictionsResponse predictions(@PathVariable UUID id) {
        CalibrationService.Stored stored = calibrations.get(id);
        double clock = stored.entity().getClockGhz();
        CalibrationPaths paths = new CalibrationPaths(clock, stored.kernel());
        List<PredictionsResponse.Configuration> out = new ArrayList<>();
        out.add(configuration(0, "NATIVE", paths.nativeHost(), stored, clock));
        for (int level = 1; level <= 3; level++) {
            out.add(configuration(level, "BASELINE", paths.baseline(level), stored, clock));
            out.add(configuration(level, "DVH", paths.dvh(level), stored, clock));
        }
        return new PredictionsResponse(stored.entity().getId(), clock, stored.entity().getKernel(), out);
    }

    private static PredictionsResponse.Configuration configuration(int level, String name, Path path, CalibrationService.Stored stored,
                                                                   double clock) {
        List<Microbenchmark> which = Arrays.stream(Microbenchmark.values()).filter(m -> level > 0 || m.nativeApplicable()).toList();
        List<PredictionsResponse.Item> items = new ArrayList<>();
        for (Predictions.Row row : Predictions.rows(path, stored.calibration(), CalibrationFitter.referenceAt(clock), which)) {
            items.add(new PredictionsResponse.Item(row.benchmark().apiName(), row.calibrated(), row.reference(),
                    row.calibrated() / row.reference() - 1));
        }
        return new PredictionsResponse.Configuration(level, name, items);
    }
}
