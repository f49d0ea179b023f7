package dev.nestsim.runs.web;

import static dev.nestsim.runs.web.RunsApiDocs.PROBLEM;

import dev.nestsim.api.ProblemResponse;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.runs.RunsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read-only catalogue of workloads. */
@RestController
@RequestMapping(path = "/api/v1/workloads", produces = "application/json")
@Tag(name = "Workloads", description = "What runs can run: the microbenchmarks and the application workloads, with their parameters and limits")
class WorkloadController {

    private final Workloads workloads;
    private final int maxReplications;

    WorkloadController(Workloads workloads, RunsProperties properties) {
        this.workloads = workloads;
        this.maxReplications = properties.maxReplications();
    }

    /** The catalogue as a list response. */
    @Schema(name = "WorkloadList")
    record WorkloadList(List<WorkloadResponse> items) {
    }

    @GetMapping
    @Operation(operationId = "listWorkloads", summary = "List the workloads", description = "Microbenchmarks first, then application workloads")
    @ApiResponse(responseCode = "200", description = "Every workload")
    WorkloadList list() {
        return new WorkloadList(workloads.descriptors().stream().map(d -> WorkloadResponse.of(d, maxReplications)).toList());
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getWorkload", summary = "Get a workload", description = "One workload of the catalogue by its name "
            + "(hypercall, device-notify, memcached, ...): its kind, primary metric and unit, parameters with their ranges, and maxReplications")
    @ApiResponse(responseCode = "200", description = "The workload")
    @ApiResponse(responseCode = "404", description = "No workload of that name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    WorkloadResponse get(@PathVariable String name) {
        return workloads.runner(name).map(r -> WorkloadResponse.of(r.descriptor(), maxReplications))
                .orElseThrow(() -> new NotFoundException("workload", name));
    }
}
