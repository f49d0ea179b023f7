package dev.nestsim.advice.web;

import dev.nestsim.advice.AdviceEntity;
import dev.nestsim.advice.AdviceService;
import dev.nestsim.api.EventStreams;
import dev.nestsim.security.Tenancy;
import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.experiments.ExperimentStatus;
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

/** Advice: create, watch, list, cancel, delete. */
@RestController
@RequestMapping(path = "/api/v1/advice", produces = "application/json")
@Tag(name = "Advice", description = "The cheapest configuration that meets a target: every configuration the topology rules allow for a "
        + "workload on a host at a depth, screened with the exit cascade, the most promising simulated as an experiment, ranked with "
        + "intervals, each with what it needs and the bodies that provision it. Survives a crash of the service like an experiment.")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = AdviceController.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class AdviceController {

    static final String PROBLEM = "application/problem+json";
    private static final String KEY = "Optional. A retry with the same key and body returns the first response";

    private final AdviceService advice;
    private final EventStreams streams;
    private final Tenancy tenancy;

    AdviceController(AdviceService advice, EventStreams streams, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.advice = advice;
        this.streams = streams;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createAdvice", summary = "Ask for advice", description = "Checks the workload and its parameters, the host, "
            + "depth, objective, constraints, replications, seed and maxSimulated, reporting every problem at once with its field; then "
            + "stores it QUEUED and creates nothing else. The search then runs on its own: watch it at Location.")
    @ApiResponse(responseCode = "202", description = "Accepted: stored QUEUED; Location is where to watch it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdviceResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, an unknown field, a wrong type, a field missing or out of range",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "Well-formed, but the workload, the profile or the host does not exist; or an "
            + "Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<AdviceResponse> create(@RequestBody AdviceRequest request,
                                          @Parameter(description = KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        AdviceEntity a = advice.create(request.toSpec());
        return ResponseEntity.accepted().location(URI.create("/api/v1/advice/" + a.getId())).body(AdviceResponse.of(a, advice));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAdvice", summary = "Get an advice", description = "Status, progress and, once SUCCEEDED, the recommendations")
    @ApiResponse(responseCode = "200", description = "The advice")
    @ApiResponse(responseCode = "404", description = "No such advice",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    AdviceResponse get(@PathVariable UUID id) {
        return AdviceResponse.of(advice.get(id), advice);
    }

    @GetMapping
    @Operation(operationId = "listAdvice", summary = "List advice", description = "Oldest first (creation time, then id), filtered by status "
            + "(one or several) and workload")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<AdviceResponse> list(
            @Parameter(description = "Page number, from 0 to 21474836") @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only advice in one of these statuses (repeat the parameter for several)")
            @RequestParam(required = false) List<ExperimentStatus> status,
            @Parameter(description = "Only advice for this workload", example = "memcached") @RequestParam(required = false) String workload) {
        return PageResponse.of(advice.list(status, workload, page, size), a -> AdviceResponse.of(a, advice));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelAdvice", summary = "Cancel an advice", description = "A QUEUED or RUNNING advice is CANCELLED at once, "
            + "with the experiment simulating it. Cancelling a CANCELLED one again is a 200 that changes nothing.")
    @ApiResponse(responseCode = "200", description = "It is CANCELLED")
    @ApiResponse(responseCode = "404", description = "No such advice",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is SUCCEEDED or FAILED already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    AdviceResponse cancel(@PathVariable UUID id, @Parameter(description = KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return AdviceResponse.of(advice.cancel(id), advice);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteAdvice", summary = "Delete an advice", description = "Deletes a SUCCEEDED, FAILED or CANCELLED advice "
            + "and the experiments its stages created, with the hosts, hypervisors and VMs they provisioned for themselves; never the user's "
            + "own resources (a host given as hostId is only read). The runs stay, with their results. All or nothing.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such advice",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is QUEUED or RUNNING (cancel it first), a run of one of its experiments is still "
            + "stopping, or a resource one of them provisioned is used by other queued or running work",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        advice.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** What each event carries. */
    @Schema(name = "AdviceEvent", description = "The advice's status and progress")
    record EventBody(UUID id, ExperimentStatus status, AdviceResponse.ProgressBody progress) {
    }

    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    @Operation(operationId = "streamAdviceEvents", summary = "Watch an advice as server-sent events", description = "A status event at once "
            + "and at each change, a progress event at each change of progress, and an end event when it is SUCCEEDED, FAILED or CANCELLED, "
            + "after which the stream closes. Each event's data is {id, status, progress}. At most 64 streams at once (503 beyond).")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such advice",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "503", description = "Too many event streams are open; Retry-After says when to try again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    SseEmitter events(@PathVariable UUID id) {
        String tenant = advice.get(id).getTenant();
        return streams.open(() -> tenancy.actingFor(tenant, () -> {
            AdviceResponse r = AdviceResponse.of(advice.get(id), advice);
            return new EventStreams.Frame(r.status().name(), new EventBody(r.id(), r.status(), r.progress()), r.status().isTerminal());
        }));
    }
}
