package dev.nestsim.provisioning.web;

import static dev.nestsim.provisioning.web.ApiDocs.IDEMPOTENCY_KEY;
import static dev.nestsim.provisioning.web.ApiDocs.IF_MATCH;
import static dev.nestsim.provisioning.web.ApiDocs.MERGE_PATCH;
import static dev.nestsim.provisioning.web.ApiDocs.PAGE;
import static dev.nestsim.provisioning.web.ApiDocs.PROBLEM;
import static dev.nestsim.provisioning.web.ApiDocs.SIZE;

import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.api.RequestBodies;
import dev.nestsim.api.Versions;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.provisioning.TopologyService;
import dev.nestsim.provisioning.HypervisorEntity;
import dev.nestsim.provisioning.HypervisorService;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Guest hypervisors. */
@RestController
@RequestMapping(path = "/api/v1/hypervisors", produces = "application/json")
@Tag(name = "Guest hypervisors", description = "VMs that run KVM for their own guests, at L1 and deeper")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class HypervisorController {

    private final HypervisorService hypervisors;
    private final TopologyService topology;
    private final RequestBodies bodies;

    HypervisorController(HypervisorService hypervisors, TopologyService topology, RequestBodies bodies) {
        this.hypervisors = hypervisors;
        this.topology = topology;
        this.bodies = bodies;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createHypervisor", summary = "Create a guest hypervisor", description = "On a host (parent.hostId, at L1) or in a guest hypervisor (parent.hypervisorId, one level deeper). "
            + "Every topology rule is checked and every violation reported at once.")
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag set")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field, wrong type, missing or out-of-range field, not exactly one parent id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "A topology rule is broken (depth, fit in the parent, a DVH mechanism some level below does not provide, posted interrupts the path cannot give) or the parent does not exist; or an Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject("""
                    {"type":"https://nestsim.dev/problems/rule-violation","title":"The request breaks a topology rule","status":422,\
                    "detail":"1 problem (depth-limit): see errors",\
                    "instance":"/api/v1/hypervisors","errors":[{"field":"parent","pointer":"/parent","rule":"depth-limit",\
                    "message":"a guest hypervisor at L5 would run its VMs at L6, deeper than the maximum depth 5 (hard limit 8)"}]}""")))
    ResponseEntity<HypervisorResponse> create(@Valid @RequestBody HypervisorRequest request,
                                        @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        HypervisorEntity created = hypervisors.create(request.toSpec());
        return ResponseEntity.created(URI.create("/api/v1/hypervisors/" + created.getId())).eTag(Versions.etag(created.getVersion()))
                .body(response(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getHypervisor", summary = "Get a guest hypervisor", description = "The guest hypervisor as stored, with its "
            + "level and effective kernel; its ETag is the version an update must send in If-Match")
    @ApiResponse(responseCode = "200", description = "It; ETag is its version")
    @ApiResponse(responseCode = "404", description = "No such guest hypervisor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<HypervisorResponse> get(@PathVariable UUID id) {
        HypervisorEntity found = hypervisors.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(found.getVersion())).body(response(found));
    }

    @GetMapping
    @Operation(operationId = "listHypervisors", summary = "List guest hypervisors", description = "Oldest first (creation time, then id), filtered by exact name, host, parent hypervisor and level")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<HypervisorResponse> list(
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only guest hypervisors of this name") @RequestParam(required = false) String name,
            @Parameter(description = "Only guest hypervisors on this host") @RequestParam(required = false) UUID hostId,
            @Parameter(description = "Only guest hypervisors running in this one") @RequestParam(required = false) UUID parentHypervisorId,
            @Parameter(description = "Only guest hypervisors at this level") @RequestParam(required = false) Integer level) {
        Page<HypervisorEntity> found = hypervisors.list(name, hostId, parentHypervisorId, level, page, size);
        Map<UUID, KernelGeneration> kernels = topology.effectiveKernels(found.getContent());
        return PageResponse.of(found, hv -> HypervisorResponse.of(hv, kernels.get(hv.getId())));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(operationId = "replaceHypervisor", summary = "Replace a guest hypervisor", description = "Full replacement with the same rules as a create; parent must stay the same.")
    @ApiResponse(responseCode = "200", description = "Replaced; the new ETag is set")
    @ApiResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such guest hypervisor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "A guest hypervisor or VM below it would break a rule (type conflict-with-children; for example fewer vCPUs than its children use, or a DVH mechanism a descendant uses removed)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "It breaks a rule, or the parent would change", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<HypervisorResponse> replace(@PathVariable UUID id, @Valid @RequestBody HypervisorRequest request,
                                         @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.requirePresent(ifMatch);
        return updated(hypervisors.replace(id, ifMatch, request.toSpec()));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, "application/json"})
    @Operation(operationId = "patchHypervisor", summary = "Change a guest hypervisor", description = "A JSON merge patch (RFC 7396) of its writable fields: members replace, null restores "
            + "the default (kernel null: it runs its parent's again). The parent cannot change (422). Checked like a PUT.")
    @ApiResponse(responseCode = "200", description = "Changed; the new ETag is set")
    @ApiResponse(responseCode = "400", description = "Invalid patch or result", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such guest hypervisor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "A guest hypervisor or VM below it would break a rule (type conflict-with-children; for example fewer vCPUs than its children use, or a DVH mechanism a descendant uses removed)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "It breaks a rule, or the parent would change", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<HypervisorResponse> patch(@PathVariable UUID id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MERGE_PATCH,
                                               schema = @Schema(implementation = HypervisorRequest.class), examples = @ExampleObject("""
                                               {"vcpus":6}"""))) @RequestBody JsonNode patch,
                                       @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        HypervisorRequest merged = bodies.mergePatch(bodies.toTree(HypervisorRequest.current(hypervisors.get(id))), patch, HypervisorRequest.class);
        Versions.requirePresent(ifMatch);
        return updated(hypervisors.replace(id, ifMatch, merged.toSpec()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteHypervisor", summary = "Delete a guest hypervisor", description = "Only one that runs no guest hypervisor and no VM; If-Match is optional")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such guest hypervisor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It still runs guest hypervisors or VMs (type conflict-with-children, how many of each in the detail), or a QUEUED or "
            + "RUNNING simulation run's path goes through it (type in-use, the runs named in the detail)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match given and stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id,
                                @Parameter(description = "Optional: the ETag from GET") @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        hypervisors.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/path")
    @Operation(operationId = "getHypervisorPath", summary = "The path of a guest hypervisor", description = "The chain host -> guest hypervisors ending at this one, with the effective features at each level")
    @ApiResponse(responseCode = "200", description = "The path, host first")
    @ApiResponse(responseCode = "404", description = "No such guest hypervisor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PathResponse path(@PathVariable UUID id) {
        return PathResponse.of(topology.locateHypervisor(id));
    }

    private ResponseEntity<HypervisorResponse> updated(HypervisorEntity changed) {
        return ResponseEntity.ok().eTag(Versions.etag(changed.getVersion())).body(response(changed));
    }

    private HypervisorResponse response(HypervisorEntity hv) {
        return HypervisorResponse.of(hv, topology.effectiveKernel(hv));
    }
}
