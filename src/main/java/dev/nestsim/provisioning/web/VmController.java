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
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.provisioning.TopologyService;
import dev.nestsim.provisioning.VmEntity;
import dev.nestsim.provisioning.VmService;
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
import java.util.UUID;
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

/** Leaf VMs. */
@RestController
@RequestMapping(path = "/api/v1/vms", produces = "application/json")
@Tag(name = "VMs", description = "Leaf VMs, where workloads run, at L1 and deeper")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class VmController {

    private final VmService vms;
    private final TopologyService topology;
    private final RequestBodies bodies;

    VmController(VmService vms, TopologyService topology, RequestBodies bodies) {
        this.vms = vms;
        this.topology = topology;
        this.bodies = bodies;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createVm", summary = "Create a VM", description = "On a host (parent.hostId, at L1) or in a guest hypervisor (parent.hypervisorId, one level deeper). "
            + "Every topology rule is checked and every violation reported at once.")
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag set")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field, wrong type, missing or out-of-range field, not exactly one parent id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "A topology rule is broken (depth, fit in the parent, a DVH mechanism a level of the path does not provide, passthrough without IOMMU, vIOMMU or a free VF) or the parent does not exist; or an Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject("""
                    {"type":"https://nestsim.dev/problems/rule-violation","title":"The request breaks a topology rule","status":422,\
                    "detail":"1 problem (dvh-provided-by-path): see errors",\
                    "instance":"/api/v1/vms","errors":[{"field":"dvh","pointer":"/dvh","rule":"dvh-provided-by-path",\
                    "message":"hypervisor 'l1-base' (L1) does not provide VIRTUAL_TIMER, so VM 'x' (L2) cannot have it: every link of the path must provide it"}]}""")))
    ResponseEntity<VmResponse> create(@Valid @RequestBody VmRequest request,
                                        @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        VmEntity created = vms.create(request.toSpec());
        return ResponseEntity.created(URI.create("/api/v1/vms/" + created.getId())).eTag(Versions.etag(created.getVersion()))
                .body(VmResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getVm", summary = "Get a VM", description = "The VM as stored, with its level; its ETag is the version an "
            + "update must send in If-Match. GET .../path shows what is in force along its path")
    @ApiResponse(responseCode = "200", description = "It; ETag is its version")
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<VmResponse> get(@PathVariable UUID id) {
        VmEntity found = vms.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(found.getVersion())).body(VmResponse.of(found));
    }

    @GetMapping
    @Operation(operationId = "listVms", summary = "List VMs", description = "Oldest first (creation time, then id), filtered by exact name, host, parent hypervisor, I/O model and level")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page, size or a filter out of range or of the wrong type", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<VmResponse> list(
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only VMs of this name") @RequestParam(required = false) String name,
            @Parameter(description = "Only VMs on this host") @RequestParam(required = false) UUID hostId,
            @Parameter(description = "Only VMs running in this guest hypervisor") @RequestParam(required = false) UUID parentHypervisorId,
            @Parameter(description = "Only VMs with this I/O model") @RequestParam(required = false) IoModel io,
            @Parameter(description = "Only VMs at this level") @RequestParam(required = false) Integer level) {
        return PageResponse.of(vms.list(name, hostId, parentHypervisorId, io, level, page, size), VmResponse::of);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(operationId = "replaceVm", summary = "Replace a VM", description = "Full replacement with the same rules as a create; parent must stay the same.")
    @ApiResponse(responseCode = "200", description = "Replaced; the new ETag is set")
    @ApiResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "It breaks a rule, or the parent would change", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<VmResponse> replace(@PathVariable UUID id, @Valid @RequestBody VmRequest request,
                                         @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.requirePresent(ifMatch);
        return updated(vms.replace(id, ifMatch, request.toSpec()));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, "application/json"})
    @Operation(operationId = "patchVm", summary = "Change a VM", description = "A JSON merge patch (RFC 7396) of its writable fields: members replace, null restores "
            + "the default. The parent cannot change (422). Checked like a PUT.")
    @ApiResponse(responseCode = "200", description = "Changed; the new ETag is set")
    @ApiResponse(responseCode = "400", description = "Invalid patch or result", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "It breaks a rule, or the parent would change", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<VmResponse> patch(@PathVariable UUID id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MERGE_PATCH,
                                               schema = @Schema(implementation = VmRequest.class), examples = @ExampleObject("""
                                               {"name":"renamed","vcpus":2}"""))) @RequestBody JsonNode patch,
                                       @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        VmRequest merged = bodies.mergePatch(bodies.toTree(VmRequest.current(vms.get(id))), patch, VmRequest.class);
        Versions.requirePresent(ifMatch);
        return updated(vms.replace(id, ifMatch, merged.toSpec()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteVm", summary = "Delete a VM", description = "If-Match is optional")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "A QUEUED or RUNNING simulation run uses it (type in-use, the runs named in the detail); "
            + "cancel them or wait until they finish. Finished runs keep their own snapshot and never hold a VM",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject("""
                    {"type":"https://nestsim.dev/problems/in-use","title":"The resource is in use by queued or running work","status":409,\
                    "detail":"VM 'l2' (L2) is used by run 77b667bb-6a1b-40ed-b42e-af518605061a (RUNNING): cancel them or wait until they finish, then delete it",\
                    "instance":"/api/v1/vms/7a2cfe3e-65ef-424f-8ebc-f2261e31435f"}""")))
    @ApiResponse(responseCode = "412", description = "If-Match given and stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id,
                                @Parameter(description = "Optional: the ETag from GET") @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        vms.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/path")
    @Operation(operationId = "getVmPath", summary = "The path of a VM", description = "The chain host -> guest hypervisors -> this VM, with the effective features at each level, the DVH mechanisms in force end to end and whether it can be live-migrated")
    @ApiResponse(responseCode = "200", description = "The path, host first")
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PathResponse path(@PathVariable UUID id) {
        return PathResponse.of(topology.locateVm(id));
    }

    private ResponseEntity<VmResponse> updated(VmEntity changed) {
        return ResponseEntity.ok().eTag(Versions.etag(changed.getVersion())).body(VmResponse.of(changed));
    }
}
