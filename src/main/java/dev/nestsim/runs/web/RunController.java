package dev.nestsim.runs.web;

import static dev.nestsim.runs.web.RunsApiDocs.IDEMPOTENCY_KEY;
import static dev.nestsim.runs.web.RunsApiDocs.PAGE;
import static dev.nestsim.runs.web.RunsApiDocs.PROBLEM;
import static dev.nestsim.runs.web.RunsApiDocs.SIZE;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.runs.ResultService;
import dev.nestsim.runs.RunEntity;
import dev.nestsim.runs.RunResult;
import dev.nestsim.runs.RunService;
import dev.nestsim.runs.RunStatus;
import dev.nestsim.runs.Target;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Simulation runs: submit, watch, list, cancel, and read the result. */
@RestController
@RequestMapping(path = "/api/v1/runs", produces = "application/json")
@Tag(name = "Runs", description = "Workloads run asynchronously on a VM or natively on a host: submitted (202), queued, executed, "
        + "with progress, cancellation, and a stored result. A run executes on a snapshot of its path taken at submission, "
        + "so later edits or deletes of the VM never change it; a run survives a crash of the service.")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class RunController {

    private final RunService runs;
    private final ResultService results;

    RunController(RunService runs, ResultService results) {
        this.runs = runs;
        this.results = results;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "submitRun", summary = "Submit a run", description = "Checks the workload, its parameters, the replications, "
            + "the seed and the target, reporting every problem at once; then stores the run QUEUED, with a snapshot of the whole path "
            + "(host hardware and L0, every guest hypervisor, the VM) and its seed (chosen when absent), before anything executes it. "
            + "Watch it at Location.")
    @ApiResponse(responseCode = "202", description = "Accepted: the run is stored QUEUED; Location is where to watch it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, an unknown field, a wrong type, or a field out of range (replications, seed, "
            + "a parameter), or not exactly one of target.vmId and target.hostId; every problem is listed, including an unknown workload or target",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(RunsApiDocs.INVALID_RUN)))
    @ApiResponse(responseCode = "422", description = "Well-formed, but the workload is not in the catalogue or the target does not exist; "
            + "or an Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(RunsApiDocs.UNKNOWN_TARGET)))
    @ApiResponse(responseCode = "429", description = "nestsim.runs.max-queued runs are queued already; Retry-After says when to try again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(RunsApiDocs.QUEUE_FULL)))
    ResponseEntity<RunResponse> submit(@RequestBody RunRequest request,
                                       @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        RunEntity run = runs.submit(request.toSpec());
        return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.getId())).body(RunResponse.of(run, false));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRun", summary = "Get a run", description = "Its status, progress (replications done of the total), "
            + "timestamps, attempts, the problem when FAILED, and the configuration it runs on")
    @ApiResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunResponse.class),
                    examples = @ExampleObject(RunsApiDocs.RUN)))
    @ApiResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    RunResponse get(@PathVariable UUID id) {
        return RunResponse.of(runs.get(id), true);
    }

    @GetMapping
    @Operation(operationId = "listRuns", summary = "List runs", description = "Oldest first (submission time, then id), filtered by status "
            + "(one or several), workload, and target (vmId or hostId: runs on that VM, or natively on that host)")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type, or both vmId and hostId",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<RunResponse> list(
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only runs in one of these statuses (repeat the parameter for several)") @RequestParam(required = false) List<RunStatus> status,
            @Parameter(description = "Only runs of this workload", example = "device-notify") @RequestParam(required = false) String workload,
            @Parameter(description = "Only runs in this VM") @RequestParam(required = false) UUID vmId,
            @Parameter(description = "Only runs natively on this host") @RequestParam(required = false) UUID hostId) {
        return PageResponse.of(runs.list(status, workload, target(vmId, hostId), page, size), run -> RunResponse.of(run, false));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelRun", summary = "Cancel a run", description = "A QUEUED run is CANCELLED at once (200). A RUNNING run "
            + "stops at its next replication, on whichever instance runs it (202, cancelRequested true; watch it reach CANCELLED). "
            + "Cancelling a CANCELLED run again is a 200 that changes nothing.")
    @ApiResponse(responseCode = "200", description = "It is CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunResponse.class)))
    @ApiResponse(responseCode = "202", description = "It is RUNNING and stops at its next replication",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is SUCCEEDED or FAILED already (type conflict)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<RunResponse> cancel(@PathVariable UUID id,
                                       @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        RunService.Cancellation cancellation = runs.cancel(id);
        return ResponseEntity.status(cancellation.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(RunResponse.of(cancellation.run(), false));
    }

    @GetMapping(path = "/{id}/result", produces = {"application/json", ResultCsv.MEDIA_TYPE})
    @Operation(operationId = "getRunResult", summary = "The result of a run", description = "Every metric (mean and 95% confidence "
            + "half-width over the replications, overall and per level), the primary metric, and performance normalised to the same "
            + "workload natively on the same host. Nothing in it depends on when or where it executed: the same configuration, workload, "
            + "parameters, replications and seed give the same result. format=csv (or Accept: text/csv) gives one row per metric.")
    @ApiResponse(responseCode = "200", description = "The result", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = RunResultResponse.class),
                    examples = @ExampleObject(RunsApiDocs.RESULT)),
            @Content(mediaType = ResultCsv.MEDIA_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(RunsApiDocs.RESULT_CSV))})
    @ApiResponse(responseCode = "400", description = "format is neither json nor csv, or an unknown query parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such run", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "The run is not SUCCEEDED (type run-not-succeeded; the detail says its status)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(RunsApiDocs.NOT_SUCCEEDED)))
    ResponseEntity<?> result(@PathVariable UUID id,
                             @Parameter(description = Formats.DESCRIPTION, schema = @Schema(ref = Formats.SCHEMA_REF))
                             @RequestParam(required = false) String format, HttpServletRequest request) {
        boolean csv = Formats.csv(format, request);
        RunResult result = results.result(id);
        if (csv) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(ResultCsv.MEDIA_TYPE)).body(ResultCsv.of(result));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(RunResultResponse.of(result));
    }

    /** The target filter of a list: one of vmId and hostId, or neither. */
    static Target target(UUID vmId, UUID hostId) {
        if (vmId != null && hostId != null) {
            throw new InvalidRequestException("give at most one of vmId and hostId",
                    List.of(new FieldProblem("hostId", null, "one-target-filter", "give at most one of vmId and hostId")));
        }
        return vmId != null ? Target.vm(vmId) : hostId != null ? Target.host(hostId) : null;
    }
}
