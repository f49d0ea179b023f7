package dev.nestsim.experiments.web;

import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.experiments.ExperimentService;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.experiments.ExperimentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

/** Experiments: create, watch, list, cancel, delete. */
@RestController
@RequestMapping(path = "/api/v1/experiments", produces = "application/json")
@Tag(name = "Experiments", description = "A whole study in one call: every workload on every configuration, each (configuration, workload) "
        + "cell one run with the experiment's seed, fed into the run queue as it has room; results per cell, and comparisons of two "
        + "configurations with confidence intervals. An experiment survives a crash of the service like a run.")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class ExperimentController {

    private final ExperimentService experiments;

    ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createExperiment", summary = "Create an experiment", description = "Checks the preset, or the targets, "
            + "workloads (and their parameters), replications, seed and the bounds (nestsim.experiments.max-cells, max-total-replications), "
            + "reporting every problem at once with its field (targets[2].vmId, workloads[1].parameters.clientThreads); then stores it QUEUED "
            + "with every cell (a preset provisions its own hosts, hypervisors and VMs in the same transaction) and creates nothing when "
            + "anything is refused. It is never refused for the run queue being full: its cells wait in the experiment. Watch it at Location.")
    @ApiResponse(responseCode = "202", description = "Accepted: the experiment is stored QUEUED; Location is where to watch it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExperimentResponse.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, an unknown field, a wrong type, a field out of range or missing, too "
            + "many cells or too much work; every problem is listed, including unknown workloads and targets",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(ExperimentsApiDocs.INVALID_EXPERIMENT)))
    @ApiResponse(responseCode = "422", description = "Well-formed, but a preset, workload or target does not exist, or a microbenchmark that "
            + "needs a hypervisor is crossed with a host (natively); or an Idempotency-Key reused for a different body",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(ExperimentsApiDocs.UNKNOWN_TARGET)))
    ResponseEntity<ExperimentResponse> create(@RequestBody ExperimentRequest request,
                                              @Parameter(description = ExperimentsApiDocs.IDEMPOTENCY_KEY)
                                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ExperimentView view = experiments.create(request.toSpec());
        return ResponseEntity.accepted().location(URI.create("/api/v1/experiments/" + view.experiment().getId()))
                .body(ExperimentResponse.of(view, false));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getExperiment", summary = "Get an experiment", description = "Its definition, status, progress (cells "
            + "SUCCEEDED and replications done, of the total), the problem when FAILED (which cell, why), and every cell with its run")
    @ApiResponse(responseCode = "200", description = "The experiment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExperimentResponse.class),
                    examples = @ExampleObject(ExperimentsApiDocs.EXPERIMENT)))
    @ApiResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ExperimentResponse get(@PathVariable UUID id) {
        return ExperimentResponse.of(experiments.get(id), true);
    }

    @GetMapping
    @Operation(operationId = "listExperiments", summary = "List experiments", description = "Oldest first (creation time, then id), "
            + "filtered by status (one or several) and name")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<ExperimentResponse> list(
            @Parameter(description = ExperimentsApiDocs.PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = ExperimentsApiDocs.SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only experiments in one of these statuses (repeat the parameter for several)")
            @RequestParam(required = false) List<ExperimentStatus> status,
            @Parameter(description = "Only experiments of this name", example = "asplos20") @RequestParam(required = false) String name) {
        return PageResponse.of(experiments.list(status, name, page, size), view -> ExperimentResponse.of(view, false));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelExperiment", summary = "Cancel an experiment", description = "A QUEUED or RUNNING experiment is "
            + "CANCELLED at once: its cells not yet submitted never are, and its runs are cancelled (a QUEUED one at once, a RUNNING one at "
            + "its next replication). Cancelling a CANCELLED experiment again is a 200 that changes nothing.")
    @ApiResponse(responseCode = "200", description = "It is CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExperimentResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is SUCCEEDED or FAILED already",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ExperimentResponse cancel(@PathVariable UUID id,
                              @Parameter(description = ExperimentsApiDocs.IDEMPOTENCY_KEY)
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ExperimentResponse.of(experiments.cancel(id), false);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteExperiment", summary = "Delete an experiment", description = "Deletes a SUCCEEDED, FAILED or CANCELLED "
            + "experiment and the hosts, hypervisors and VMs it provisioned for itself (a preset's), never the targets a user gave it. Its "
            + "runs stay, with their results.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It is QUEUED or RUNNING (cancel it first), a run of it is still stopping, or a "
            + "resource it provisioned is used by other queued or running work",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class),
                    examples = @ExampleObject(ExperimentsApiDocs.STILL_RUNNING)))
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        experiments.delete(id);
        return ResponseEntity.noContent().build();
    }
}
