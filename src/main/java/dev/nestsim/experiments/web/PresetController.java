package dev.nestsim.experiments.web;

import dev.nestsim.api.ProblemResponse;
import dev.nestsim.experiments.Presets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read-only catalogue of experiment presets. */
@RestController
@RequestMapping(path = "/api/v1/experiment-presets", produces = "application/json")
@Tag(name = "Experiments")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class PresetController {

    /** The presets, in one response. */
    @Schema(name = "ExperimentPresetList")
    record PresetList(List<PresetResponse> items) {
    }

    @GetMapping
    @Operation(operationId = "listExperimentPresets", summary = "List experiment presets", description = "Every preset with the configurations "
            + "it provisions, its workloads and replications")
    @ApiResponse(responseCode = "200", description = "The presets")
    PresetList list() {
        return new PresetList(Presets.all().stream().map(PresetResponse::of).toList());
    }
}
