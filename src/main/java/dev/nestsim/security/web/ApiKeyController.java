package dev.nestsim.security.web;

import dev.nestsim.api.PageResponse;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.security.ApiKeyService;
import dev.nestsim.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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

/** API keys: issue, list, read, revoke (role admin). */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = "application/json")
@Tag(name = "API keys", description = "Keys for Authorization: Bearer, each of one tenant and one role (admin only)")
@ApiResponse(responseCode = "500", description = "Unexpected error (logged with an incident id)",
        content = @Content(mediaType = ApiKeyController.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
class ApiKeyController {

    static final String PROBLEM = "application/problem+json";

    private final ApiKeyService keys;
    private final Tenancy tenancy;

    ApiKeyController(ApiKeyService keys, Tenancy tenancy) {
        this.keys = keys;
        this.tenancy = tenancy;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createApiKey", summary = "Issue an API key", description = "Returns the secret once: only its SHA-256 is stored. "
            + "An admin issues keys for its own tenant; the bootstrap admin key (NESTSIM_ADMIN_KEY) for any tenant.")
    @ApiResponse(responseCode = "201", description = "Issued; the body carries the secret, Location the key")
    @ApiResponse(responseCode = "400", description = "Missing or invalid name, tenant or role",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "422", description = "An Idempotency-Key reused for a different body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<IssuedApiKeyResponse> create(@Valid @RequestBody ApiKeyRequest request,
                                                @Parameter(description = "Optional: a retry with the same key and body returns the first response")
                                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ApiKeyService.Issued issued = keys.issue(request.name(), request.tenant(), request.role(), tenancy.caller());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().getId())).body(IssuedApiKeyResponse.of(issued));
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Oldest first, revoked ones included, never a secret: "
            + "the caller's tenant's keys (every tenant's for the bootstrap admin key)")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "page or size out of range, or not a number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    PageResponse<ApiKeyResponse> list(
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        return PageResponse.of(keys.list(tenancy.caller(), page, size), ApiKeyResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key", description = "Without its secret")
    @ApiResponse(responseCode = "200", description = "The key")
    @ApiResponse(responseCode = "404", description = "No such key (or another tenant's)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ApiKeyResponse get(@PathVariable UUID id) {
        return ApiKeyResponse.of(keys.get(id, tenancy.caller()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "Refused from now on (401); it stays in the list "
            + "with revokedAt. Revoking it again changes nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such key (or another tenant's)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id, tenancy.caller());
        return ResponseEntity.noContent().build();
    }
}
