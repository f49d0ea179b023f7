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
import dev.nestsim.runs.RunMetricEntity;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metrics of SUCCEEDED runs, queried across runs. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = {"application/json", ResultCsv.MEDIA_TYPE})
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
    @ApiResponse(responseCode = "200", description = "One page: JSON, or with format=csv (or Accept: text/csv) the page's rows as CSV "
            + "(the columns of a run result's CSV; X-Total-Count is the number of rows matching, on every page)", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = MetricPage.class)),
            @Content(mediaType = ResultCsv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(RunsApiDocs.RESULT_CSV))},
            headers = @Header(name = "X-Total-Count", description = "Rows matching the filters, on every page", schema = @Schema(type = "integer", format = "int64")))
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type, or both vmId and hostId",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<?> list(
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
            @RequestParam(required = false) ExitReason reason,
            @Parameter(description = Formats.DESCRIPTION, schema = @Schema(ref = Formats.SCHEMA_REF))
            @RequestParam(required = false) String format, HttpServletRequest request) {
        boolean csv = Formats.csv(format, request);
        ResultService.MetricFilter filter = new ResultService.MetricFilter(workload, runLevel, level, name, runId,
                RunController.target(vmId, hostId), reason == null ? null : reason.name());
        Page<RunMetricEntity> rows = results.metrics(filter, page, size);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header("X-Total-Count", String.valueOf(rows.getTotalElements()));
        if (csv) {
            return ok.contentType(MediaType.parseMediaType(ResultCsv.MEDIA_TYPE)).body(ResultCsv.ofRows(rows.getContent()));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(PageResponse.of(rows, MetricRowResponse::of));
    }

    /** The JSON answer's schema, for the contract: {@link PageResponse} of {@link MetricRowResponse} (the method also answers CSV). */
    @Schema(name = "PageResponseMetricRow")
    record MetricPage(
            @io.swagger.v3.oas.annotations.media.ArraySchema(arraySchema = @Schema(description = "This page's items, oldest first"),
                    maxItems = PageResponse.MAX_SIZE) java.util.List<MetricRowResponse> items,
            @Schema(description = "Page number, from 0", example = "0") int page,
            @Schema(description = "Page size", example = "20") int size,
            @Schema(description = "Items matching the filters, across all pages", example = "3") long totalElements,
            @Schema(description = "Number of pages of this size", example = "1") int totalPages) {
    }
}
