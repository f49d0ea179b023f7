package dev.nestsim.security.web;

import dev.nestsim.security.ApiKeyService;
import dev.nestsim.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A key just issued: the only response that carries its secret. */
@Schema(name = "IssuedApiKey", description = "A key just issued, with its secret: shown this once, stored only as a hash")
public record IssuedApiKeyResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String tenant,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Role role,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16) String prefix,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(description = "The secret: send it as Authorization: Bearer <secret>. It cannot be shown again.",
                example = "nsk_3q2-7wErTy8uIo9pA0sDfGhJkLzXcVbNm1Q2w3E4r5", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String secret) {

    static IssuedApiKeyResponse of(ApiKeyService.Issued issued) {
        var key = issued.key();
        return new IssuedApiKeyResponse(key.getId(), key.getName(), key.getTenant(), key.getRole(), key.getPrefix(), key.getCreatedAt(),
                issued.secret());
    }
}
