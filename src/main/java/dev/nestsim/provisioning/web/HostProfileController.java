package dev.nestsim.provisioning.web;

import static dev.nestsim.provisioning.web.ApiDocs.PROBLEM;

import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.model.hardware.HostProfiles;
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

/** The read-only catalogue of host profiles. */
@RestController
@RequestMapping(path = "/api/v1/host-profiles", produces = "application/json")
@Tag(name = "Host profiles", description = "Real host configurations to provision from (the paper's testbed first)")
class HostProfileController {

    /** The catalogue as a list response. */
    record HostProfileList(List<HostProfileResponse> items) {
    }

    @GetMapping
    @Operation(operationId = "listHostProfiles", summary = "List the host profiles", description = "Every real host configuration a host "
            + "can be created from (POST /api/v1/hosts with profile), the paper's testbed first, with its hardware, features and default kernel")
    @ApiResponse(responseCode = "200", description = "Every profile, the paper's testbed first")
    HostProfileList list() {
        return new HostProfileList(HostProfiles.all().stream().map(HostProfileResponse::of).toList());
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getHostProfile", summary = "Get a host profile", description = "One profile by its name (asplos20-testbed, ...): "
            + "the hardware a host created from it gets unless the request overrides it")
    @ApiResponse(responseCode = "200", description = "The profile")
    @ApiResponse(responseCode = "404", description = "No profile of that name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    HostProfileResponse get(@PathVariable String name) {
        return HostProfiles.byName(name).map(HostProfileResponse::of).orElseThrow(() -> new NotFoundException("host profile", name));
    }
}
