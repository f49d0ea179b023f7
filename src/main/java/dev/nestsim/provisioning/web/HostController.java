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
import dev.nestsim.provisioning.HostCalibrations;
import dev.nestsim.provisioning.HostEntity;
import dev.nestsim.provisioning.HostService;
import dev.nestsim.provisioning.TopologyService;
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
import tools.jackson.databind.node.ObjectNode;

/** Physical hosts. */
@RestController
@RequestMapping(path = "/api/v1/hosts", produces = "application/json")
@Tag(name = "Hosts", description = "Physical hosts and their host hypervisor L0")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class HostController {

    /** What a patch to another profile takes from that profile unless the patch names it: its hardware, default kernel, all cores online. */
    private static final List<String> PROFILE_FIELDS = List.of("cores", "clockGhz", "memoryGib", "nic", "features", "kernel", "onlineCpus");

    private final HostService hosts;
    private final TopologyService topology;
    private final RequestBodies bodies;
    private final HostCalibrations calibrations;

    HostController(HostService hosts, TopologyService topology, RequestBodies bodies, HostCalibrations calibrations) {
        this.hosts = hosts;
        this.topology = topology;
        this.bodies = bodies;
        this.calibrations = calibrations;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createHost", summary = "Create a host", description = "From a profile (hardware fields override it, features field by field) or from "
            + "custom hardware (every hardware field required). kernel defaults to the profile's defaultKernel (linux-5.10 for custom "
            + "hardware), onlineCpus to all cores.")
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag set")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field, wrong type, missing or out-of-range field (onlineCpus "
            + "outside 1 to cores: rule online-cpus-range), unknown kernel (rule known-kernel)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject("""
                    {"type":"https://nestsim.dev/problems/invalid-request","title":"The request is invalid","status":400,\
                    "detail":"kernel must be one of linux-4.18, linux-5.3, linux-5.10, was \\"linux-6.1\\"","instance":"/api/v1/hosts",\
                    "errors":[{"field":"kernel","pointer":"/kernel","rule":"known-kernel",\
                    "message":"kernel must be one of linux-4.18, linux-5.3, linux-5.10, was \\"linux-6.1\\""}]}""")))
    @ApiResponse(responseCode = "422", description = "Unknown profile or calibration (rule known-calibration), a calibration fitted on another kernel than L0's "
            + "(rule calibration-kernel, both kernels named), inconsistent features, or L0 settings the hardware cannot back; "
            + "or an Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class), examples = @ExampleObject("""
                    {"type":"https://nestsim.dev/problems/rule-violation","title":"The request breaks a topology rule","status":422,\
                    "detail":"1 problem (known-profile): see errors",\
                    "instance":"/api/v1/hosts","errors":[{"field":"profile","pointer":"/profile","rule":"known-profile",\
                    "message":"unknown profile 'skylake'; known profiles: asplos20-testbed, sandy-bridge-e5-2450, haswell-e5-2660v3, sapphire-rapids-8480"}]}""")))
    ResponseEntity<HostResponse> create(@Valid @RequestBody HostRequest request,
                                        @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        HostEntity host = hosts.create(request.toSpec(), request.calibration());
        return ResponseEntity.created(URI.create("/api/v1/hosts/" + host.getId())).eTag(Versions.etag(host.getVersion()))
                .body(response(host));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getHost", summary = "Get a host", description = "The host and its host hypervisor L0 as stored; its ETag is the "
            + "version an update must send in If-Match")
    @ApiResponse(responseCode = "200", description = "The host; ETag is its version")
    @ApiResponse(responseCode = "404", description = "No such host", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<HostResponse> get(@PathVariable UUID id) {
        HostEntity host = hosts.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(host.getVersion())).body(response(host));
    }

    @GetMapping
    @Operation(operationId = "listHosts", summary = "List hosts", description = "Oldest first (creation time, then id), filtered by exact name and profile")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page or size out of range, or not a number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<HostResponse> list(
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size,
            @Parameter(description = "Only hosts of this name") @RequestParam(required = false) String name,
            @Parameter(description = "Only hosts from this profile") @RequestParam(required = false) String profile) {
        org.springframework.data.domain.Page<HostEntity> found = hosts.list(name, profile, page, size);
        Map<UUID, HostCalibrations.Label> labels = calibrations.labels(found.stream().map(HostEntity::getCalibrationId).toList());
        return PageResponse.of(found, host -> HostResponse.of(host, labels.get(host.getCalibrationId())));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(operationId = "replaceHost", summary = "Replace a host", description = "Full replacement, with the same rules as a create. Every guest hypervisor and VM "
            + "on the host is checked again against the new host: a change they could not live with is a 409 naming them.")
    @ApiResponse(responseCode = "200", description = "Replaced; the new ETag is set")
    @ApiResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such host", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "A guest hypervisor or VM on the host would break a rule (type conflict-with-children)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "The host itself breaks a rule, as in a create: a kernel other than its calibration's (rule "
            + "calibration-kernel) among them", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<HostResponse> replace(@PathVariable UUID id, @Valid @RequestBody HostRequest request,
                                         @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Versions.requirePresent(ifMatch);
        return updated(hosts.replace(id, ifMatch, request.toSpec(), request.calibration()));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, "application/json"})
    @Operation(operationId = "patchHost", summary = "Change a host", description = "A JSON merge patch (RFC 7396) of the host's writable fields: members replace, null "
            + "restores the default, objects (nic, features) merge. A patch that names another profile starts from that profile's hardware, "
            + "default kernel and all its cores online, with the fields of the same patch laid over it. onlineCpus stays as it is when cores "
            + "change: lowering cores below it is a 400 naming onlineCpus (set both, or onlineCpus null for all cores). Lowering onlineCpus "
            + "below what the host's direct children use is a 409 naming them. Checked like a PUT.")
    @ApiResponse(responseCode = "200", description = "Changed; the new ETag is set")
    @ApiResponse(responseCode = "400", description = "Invalid patch or result", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such host", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "A guest hypervisor or VM on the host would break a rule (type conflict-with-children)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "The host itself breaks a rule, as in a create: a kernel other than its calibration's (rule "
            + "calibration-kernel) among them", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<HostResponse> patch(@PathVariable UUID id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MERGE_PATCH,
                                               schema = @Schema(implementation = HostRequest.class), examples = @ExampleObject("""
                                               {"kernel":"linux-5.3","onlineCpus":8}"""))) @RequestBody JsonNode patch,
                                       @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        HostEntity current = hosts.get(id);
        ObjectNode base = bodies.toTree(HostRequest.current(current));
        JsonNode profile = patch.get("profile");
        if (profile != null && profile.isString() && !profile.asString().equals(current.getProfile())) {
            PROFILE_FIELDS.forEach(base::remove);
        }
        HostRequest merged = bodies.mergePatch(base, patch, HostRequest.class);
        Versions.requirePresent(ifMatch);
        return updated(hosts.replace(id, ifMatch, merged.toSpec(), merged.calibration()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteHost", summary = "Delete a host", description = "Only a host that runs no guest hypervisor and no VM; If-Match is optional")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such host", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "409", description = "It still runs guest hypervisors or VMs (type conflict-with-children, how many of each in the detail), or a QUEUED or "
            + "RUNNING simulation run uses it (type in-use, the runs named in the detail)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match given and stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id,
                                @Parameter(description = "Optional: the ETag from GET") @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        hosts.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/path")
    @Operation(operationId = "getHostPath", summary = "The native path of a host", description = "Level 0 only: where a workload runs on bare metal")
    @ApiResponse(responseCode = "200", description = "The path")
    @ApiResponse(responseCode = "404", description = "No such host", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PathResponse path(@PathVariable UUID id) {
        return PathResponse.of(topology.locateHost(id));
    }

    private ResponseEntity<HostResponse> updated(HostEntity host) {
        return ResponseEntity.ok().eTag(Versions.etag(host.getVersion())).body(response(host));
    }

    /** The host with its calibration's name and kernel. */
    private HostResponse response(HostEntity host) {
        UUID calibration = host.getCalibrationId();
        return HostResponse.of(host, calibration == null ? null : calibrations.labels(List.of(calibration)).get(calibration));
    }
}
