package dev.nestsim.security.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.security.ApiKeyEntity;
import dev.nestsim.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An API key as lists show it: never its secret. */
@Schema(name = "ApiKey", description = "An issued API key, without its secret")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String tenant,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Role role,
        @Schema(description = "The secret's first 12 characters, to tell keys apart", example = "nsk_3q2-7wEr", requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = 16) String prefix,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(description = "When it was revoked; null while it is valid", requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"}, format = "date-time") Instant revokedAt) {

    static ApiKeyResponse of(ApiKeyEntity key) {
        return new ApiKeyResponse(key.getId(), key.getName(), key.getTenant(), key.getRole(), key.getPrefix(), key.getCreatedAt(),
                key.getRevokedAt());
    }
}
