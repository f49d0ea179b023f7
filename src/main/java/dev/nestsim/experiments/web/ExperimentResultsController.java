package dev.nestsim.experiments.web;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.experiments.ExperimentResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an experiment measured: its results per cell, and comparisons of two of its configurations. */
@RestController
@RequestMapping(path = "/api/v1/experiments/{id}", produces = "application/json")
@Tag(name = "Experiments")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class ExperimentResultsController {

    private final ExperimentResults results;

    ExperimentResultsController(ExperimentResults results) {
        this.results = results;
    }

    @GetMapping(path = "/results", produces = {"application/json", ResultsCsv.MEDIA_TYPE})
    @Operation(operationId = "getExperimentResults", summary = "The results of an experiment", description = "Every cell (configuration, "
            + "workload) with its run and status, and once that run SUCCEEDED its primary metric, normalizedToNative and every metric (mean and "
            + "95% half-width, overall and per level), exactly as the run's own result has them; available while it runs (cells without a "
            + "result carry only their status). format=csv gives one row per cell and metric: experiment_id, configuration, workload, run_id, "
            + "status (WAITING before the cell is submitted), run_level, name, unit, level, reason, mean, half_width, confidence, n; a "
            + "normalizedToNative row (unit ratio) per cell that has one; a cell without a result has one row with the metric columns empty.")
    @ApiResponse(responseCode = "200", description = "The results", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ResultsResponse.class)),
            @Content(mediaType = ResultsCsv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject("""
                    experiment_id,configuration,workload,run_id,status,run_level,name,unit,level,reason,mean,half_width,confidence,n
                    5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70,L2 baseline,device-notify,30b0c391-20d5-4cac-91a4-5d6a53181cee,SUCCEEDED,2,cycles,cycles/operation,,,26471.0,0.0,0.95,10
                    5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70,L2 baseline,device-notify,30b0c391-20d5-4cac-91a4-5d6a53181cee,SUCCEEDED,2,normalizedToNative,ratio,,,0.0057,0.0,0.95,10
                    5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70,L2 DVH,memcached,,WAITING,,,,,,,,,"""))})
    @ApiResponse(responseCode = "400", description = "format is neither json nor csv",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<?> results(@PathVariable UUID id,
                              @Parameter(description = "json (default) or csv", example = "json") @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            String message = "format must be json or csv, was " + Echo.quoted(format);
            throw new InvalidRequestException(message, List.of(FieldProblem.of("format", "result-format", message)));
        }
        ExperimentResults.Results all = results.of(id);
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(ResultsCsv.MEDIA_TYPE)).body(ResultsCsv.of(all));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ResultsResponse.of(all));
    }

    @GetMapping("/comparison")
    @Operation(operationId = "compareExperimentConfigurations", summary = "Compare two configurations of an experiment", description = "Per "
            + "workload both configurations ran, the speedup of `against` over `baseline` from the primary metric (against/baseline for "
            + "throughput, baseline/against for cycles or completion time: above 1, `against` is faster) with its 95% interval. The cells of "
            + "an experiment share common random numbers and runs keep their primary metric per replication, so the interval is paired "
            + "replication by replication (Fieller's with the pairs' covariance); Fieller's for two independent means for cells stored "
            + "without per-replication values, exact for analytic microbenchmarks; intervalMethod and each row's method say which.")
    @ApiResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComparisonResponse.class)))
    @ApiResponse(responseCode = "400", description = "baseline or against missing, or not a configuration of the experiment (every problem listed)",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ComparisonResponse comparison(@PathVariable UUID id,
                                  @Parameter(description = "The configuration compared against", example = "L2 baseline")
                                  @RequestParam(required = false) String baseline,
                                  @Parameter(description = "The configuration whose speedup over the baseline is asked for", example = "L2 DVH")
                                  @RequestParam(required = false) String against) {
        return ComparisonResponse.of(results.compare(id, baseline, against));
    }
}
