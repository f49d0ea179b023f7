package dev.nestsim.runs.web;

import static dev.nestsim.runs.web.RunsApiDocs.PAGE;
import static dev.nestsim.runs.web.RunsApiDocs.PROBLEM;
import static dev.nestsim.runs.web.RunsApiDocs.SIZE;

import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.runs.ResultService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.nestsim.model.exits.ExitReason;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metrics of SUCCEEDED runs, queried across runs. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = "application/json")
@Tag(name = "Metrics", description = "Every metric of every SUCCEEDED run, stored one row each, to compare runs")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class MetricController {

    private final ResultService results;

    MetricController(ResultService results) {
        this.results = results;
    }

    @GetMapping
    @Operation(operationId = "listMetrics", summary = "List metrics across runs", description = "Metrics of SUCCEEDED runs (no other run "
            + "has any), oldest run first and in each run's order, filtered by the run's workload, the level the run ran at (runLevel), "
            + "the metric's own level (level), its name, its exit reason (reason, for the exit profile's metrics), one run, and the run's target. For example workload=memcached&runLevel=2&name=throughput "
            + "compares memcached's throughput across every L2 run.")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type, or both vmId and hostId",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<MetricRowResponse> list(
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only metrics of runs of this workload", example = "device-notify") @RequestParam(required = false) String workload,
            @Parameter(description = "Only metrics of runs at this level (0: native)", example = "2") @RequestParam(required = false) Integer runLevel,
            @Parameter(description = "Only metrics of this level (per-level metrics; the whole-run ones have none)", example = "0")
            @RequestParam(required = false) Integer level,
            @Parameter(description = "Only metrics of this name", example = "cycles") @RequestParam(required = false) String name,
            @Parameter(description = "Only metrics of this run") @RequestParam(required = false) UUID runId,
            @Parameter(description = "Only metrics of runs in this VM") @RequestParam(required = false) UUID vmId,
            @Parameter(description = "Only metrics of runs natively on this host") @RequestParam(required = false) UUID hostId,
            @Parameter(description = "Only exit-profile metrics of this exit reason", example = "EPT_VIOLATION")
            @RequestParam(required = false) ExitReason reason) {
        ResultService.MetricFilter filter = new ResultService.MetricFilter(workload, runLevel, level, name, runId,
                RunController.target(vmId, hostId), reason == null ? null : reason.name());
        return PageResponse.of(results.metrics(filter, page, size), MetricRowResponse::of);
    }
}
