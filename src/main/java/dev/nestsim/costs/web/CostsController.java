package dev.nestsim.costs.web;

import dev.nestsim.api.ProblemResponse;
import dev.nestsim.costs.CascadeService;
import dev.nestsim.model.exits.Microbenchmarks;
import dev.nestsim.model.topology.Path;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exit costs and microbenchmarks, computed synchronously from the exit cascade (it is analytic). */
@RestController
@Tag(name = "Exit costs and microbenchmarks", description = "What each event costs on a path, and the microbenchmarks of the DVH paper and "
        + "kvm-unit-tests, computed by walking the exit cascade (docs/model.md)")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = CostsController.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class CostsController {

    static final String PROBLEM = "application/problem+json";
    private static final String NAME = "One microbenchmark: hypercall, device-notify, program-timer, send-ipi, ipi-halt, cpuid, vmcall, "
            + "inl_from_kernel, inl_from_qemu, ipi, ipi_halt, self_ipi_sti_hlt, tscdeadline, tscdeadline_immed; all when absent";
    private static final String TRACE = "Add the tree of exits: level, reason, handler and cycles at every node";
    private static final String TRACE_NODES = "Most trace nodes to expand (1 to 20000); deeper events are listed with their cycles and marked truncated";

    private final CascadeService cascade;

    CostsController(CascadeService cascade) {
        this.cascade = cascade;
    }

    @GetMapping(path = "/api/v1/vms/{id}/microbenchmarks", produces = "application/json")
    @Operation(operationId = "getVmMicrobenchmarks", summary = "Microbenchmarks of a VM",
            description = "Cycles per operation, exits and cycles per level of each microbenchmark on the VM's path, with the same "
                    + "microbenchmark natively on its host and in an L1 VM on that host for comparison.")
    @ApiResponse(responseCode = "200", description = "One item per microbenchmark (or the one named)")
    @ApiResponse(responseCode = "400", description = "Unknown microbenchmark name or a malformed parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    MicrobenchmarksResponse vmMicrobenchmarks(@PathVariable UUID id,
                                              @Parameter(description = NAME, example = "device-notify") @RequestParam(required = false) String name,
                                              @Parameter(description = TRACE) @RequestParam(defaultValue = "false") boolean trace) {
        CascadeService.VmMicrobenchmarks results = cascade.vmMicrobenchmarks(id, name, trace);
        Path path = results.path();
        return new MicrobenchmarksResponse(id, path.level(), path.host().hardware().clockGhz(),
                results.items().stream().map(MicrobenchmarkResponse::of).toList());
    }

    @GetMapping(path = "/api/v1/hosts/{id}/microbenchmarks", produces = "application/json")
    @Operation(operationId = "getHostMicrobenchmarks", summary = "Microbenchmarks natively on a host",
            description = "The same microbenchmarks on bare metal (level 0); those that need a hypervisor (hypercall, vmcall, "
                    + "inl_from_kernel, inl_from_qemu) are listed with applicable=false.")
    @ApiResponse(responseCode = "200", description = "One item per microbenchmark (or the one named)")
    @ApiResponse(responseCode = "400", description = "Unknown microbenchmark name or a malformed parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such host", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    MicrobenchmarksResponse hostMicrobenchmarks(@PathVariable UUID id,
                                                @Parameter(description = NAME, example = "send-ipi") @RequestParam(required = false) String name,
                                                @Parameter(description = TRACE) @RequestParam(defaultValue = "false") boolean trace) {
        CascadeService.HostMicrobenchmarks results = cascade.hostMicrobenchmarks(id, name, trace);
        return new MicrobenchmarksResponse(id, 0, results.path().host().hardware().clockGhz(),
                results.items().stream().map(MicrobenchmarkResponse::of).toList());
    }

    @GetMapping(path = "/api/v1/vms/{id}/exit-costs", produces = "application/json")
    @Operation(operationId = "getVmExitCosts", summary = "Exit costs of a VM",
            description = "Per event (docs/model.md section 2) raised by the VM (or, with level, by a guest hypervisor of its path): total "
                    + "cycles, the level that handles it, exits raised and handled at each level, cycles at each level, and with "
                    + "trace=true the tree of exits. The example is a real trace of an L3 VM's hypercall on the paper's testbed.")
    @ApiResponse(responseCode = "200", description = "One item per event (or the one named)")
    @ApiResponse(responseCode = "400", description = "Unknown event, level outside the path, traceNodes out of range, or a malformed parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such VM", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ExitCostsResponse vmExitCosts(@PathVariable UUID id,
                                  @Parameter(description = "One event, for example DEVICE_NOTIFY; all when absent", example = "HYPERCALL") @RequestParam(required = false) String event,
                                  @Parameter(description = "The level raising the events: the VM's own by default, or a guest hypervisor's (1 to the VM's level)")
                                  @RequestParam(required = false) Integer level,
                                  @Parameter(description = TRACE) @RequestParam(defaultValue = "false") boolean trace,
                                  @Parameter(description = TRACE_NODES) @RequestParam(defaultValue = "" + Microbenchmarks.DEFAULT_TRACE_NODES) int traceNodes) {
        return exitCosts(id, cascade.vm(id), level, event, trace, traceNodes);
    }

    @GetMapping(path = "/api/v1/hypervisors/{id}/exit-costs", produces = "application/json")
    @Operation(operationId = "getHypervisorExitCosts", summary = "Exit costs of a guest hypervisor",
            description = "Per event raised by the guest hypervisor (or, with level, by one below it), including its VMX operations "
                    + "(VMREAD, VMWRITE, VMPTRLD, VMCLEAR, VMRESUME) and how its VMCS shadowing routes them.")
    @ApiResponse(responseCode = "200", description = "One item per event (or the one named)")
    @ApiResponse(responseCode = "400", description = "Unknown event, level outside the path, traceNodes out of range, or a malformed parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such guest hypervisor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ExitCostsResponse hypervisorExitCosts(@PathVariable UUID id,
                                          @Parameter(description = "One event, for example VMREAD; all when absent", example = "VMREAD") @RequestParam(required = false) String event,
                                          @Parameter(description = "The level raising the events: the hypervisor's own by default") @RequestParam(required = false) Integer level,
                                          @Parameter(description = TRACE) @RequestParam(defaultValue = "false") boolean trace,
                                          @Parameter(description = TRACE_NODES) @RequestParam(defaultValue = "" + Microbenchmarks.DEFAULT_TRACE_NODES) int traceNodes) {
        return exitCosts(id, cascade.hypervisor(id), level, event, trace, traceNodes);
    }

    private ExitCostsResponse exitCosts(UUID id, CascadeService.Located located, Integer level, String event, boolean trace, int traceNodes) {
        Path path = located.path();
        double clock = path.host().hardware().clockGhz();
        List<ExitCostResponse> items = cascade.exitCosts(located, level, event, trace, traceNodes).stream()
                .map(c -> ExitCostResponse.of(c, clock)).toList();
        return new ExitCostsResponse(id, level == null ? path.level() : level, clock, items);
    }
}
