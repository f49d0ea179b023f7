package dev.nestsim.advice.web;

import dev.nestsim.advice.SensitivityEntity;
import dev.nestsim.advice.SensitivityService;
import dev.nestsim.api.EventStreams;
import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Sensitivity analyses: create, watch, list, cancel, delete. */
@RestController
@RequestMapping(path = "/api/v1/sensitivity", produces = "application/json")
@Tag(name = "Sensitivity", description = "Which inputs move a configuration's result most: each knob changed alone (paired runs, with "
        + "intervals), and Morris elementary-effects screening of every estimated model parameter the path reads, across its documented "
        + "plausible range. Answers whether a conclusion is robust to what the model only estimates. Runs as a JobRunr job, stored point by "
        + "point, so it survives a crash of the service.")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = AdviceController.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class SensitivityController {

    private static final String PROBLEM = AdviceController.PROBLEM;
    private static final String KEY = "Optional. A retry with the same key and body returns the first response";

    private final SensitivityService sensitivity;
    private final EventStreams streams;
    private final Tenancy tenancy;

    SensitivityController(SensitivityService sensitivity, EventStreams streams, Tenancy tenancy) {
        this.sensitivity = sensitivity;
        this.streams = streams;
        this.tenancy = tenancy;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createSensitivity", summary = "Analyse a configuration's sensitivity", description = "Checks the workload and "
            + "its parameters, the host, depth, configuration, replications, trajectories and seed, reporting every problem at once with its "
            + "field (400; 422 when the workload, profile or host does not exist or the topology rules refuse the configuration there); then "
            + "stores it QUEUED. It runs on its own: watch it at Location. Work: 1 + (knob alternatives) + trajectories x (parameters read + 1) "
            + "simulations, at most about 1,100.")
    @ApiResponse(responseCode = "202", description = "Accepted: stored QUEUED; Location is where to watch it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SensitivityResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, an unknown field, a wrong type, a field missing or out of range",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "Well-formed, but the workload, the profile or the host does not exist, or the topology "
            + "rules refuse the configuration on that host at that depth; or an Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<SensitivityResponse> create(@RequestBody SensitivityRequest request,
                                               @Parameter(description = KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        SensitivityEntity s = sensitivity.create(request.toSpec());
        return ResponseEntity.accepted().location(URI.create("/api/v1/sensitivity/" + s.getId())).body(SensitivityResponse.of(s, sensitivity));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSensitivity", summary = "Get a sensitivity analysis", description = "Status, progress and, once SUCCEEDED, "
            + "the ranked knobs and parameters")
    @ApiResponse(responseCode = "200", description = "The analysis")
    @ApiResponse(responseCode = "404", description = "No such analysis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    SensitivityResponse get(@PathVariable UUID id) {
        return SensitivityResponse.of(sensitivity.get(id), sensitivity);
    }

    @GetMapping
    @Operation(operationId = "listSensitivity", summary = "List sensitivity analyses", description = "Oldest first (creation time, then id), "
            + "filtered by status (one or several) and workload")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<SensitivityResponse> list(
            @Parameter(description = "Page number, from 0 to 21474836") @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only analyses in one of these statuses (repeat the parameter for several)")
            @RequestParam(required = false) List<ExperimentStatus> status,
            @Parameter(description = "Only analyses of this workload", example = "memcached") @RequestParam(required = false) String workload) {
        return PageResponse.of(sensitivity.list(status, workload, page, size), s -> SensitivityResponse.of(s, sensitivity));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelSensitivity", summary = "Cancel a sensitivity analysis", description = "A QUEUED or RUNNING analysis is "
            + "CANCELLED at once; its job stops at the next replication. Cancelling a CANCELLED one again is a 200 that changes nothing.")
    @ApiResponse(responseCode = "200", description = "It is CANCELLED")
    @ApiResponse(responseCode = "404", description = "No such analysis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is SUCCEEDED or FAILED already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    SensitivityResponse cancel(@PathVariable UUID id, @Parameter(description = KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return SensitivityResponse.of(sensitivity.cancel(id), sensitivity);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteSensitivity", summary = "Delete a sensitivity analysis", description = "Deletes a SUCCEEDED, FAILED or "
            + "CANCELLED analysis with its simulated points")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such analysis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is QUEUED or RUNNING: cancel it first",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        sensitivity.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** What each event carries. */
    @Schema(name = "SensitivityEvent", description = "The analysis' status and progress")
    record EventBody(UUID id, ExperimentStatus status, SensitivityResponse.ProgressBody progress) {
    }

    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    @Operation(operationId = "streamSensitivityEvents", summary = "Watch a sensitivity analysis as server-sent events", description = "A status "
            + "event at once and at each change, a progress event at each change of progress, and an end event when it is SUCCEEDED, FAILED "
            + "or CANCELLED, after which the stream closes. Each event's data is {id, status, progress}. At most 64 streams at once (503 beyond).")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such analysis",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "503", description = "Too many event streams are open; Retry-After says when to try again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    SseEmitter events(@PathVariable UUID id) {
        String tenant = sensitivity.get(id).getTenant();
        return streams.open(() -> tenancy.actingFor(tenant, () -> {
            SensitivityResponse r = SensitivityResponse.of(sensitivity.get(id), sensitivity);
            return new EventStreams.Frame(r.status().name(), new EventBody(r.id(), r.status(), r.progress()), r.status().isTerminal());
        }));
    }
}
