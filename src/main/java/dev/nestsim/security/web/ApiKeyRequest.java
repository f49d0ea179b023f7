package dev.nestsim.security.web;

import dev.nestsim.api.NoControlCharacters;
import dev.nestsim.api.NoUnpairedSurrogates;
import dev.nestsim.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A key to issue. */
@Schema(name = "ApiKeyRequest", description = "A key to issue: its name, its tenant and its role")
public record ApiKeyRequest(
        @Schema(description = "Name, 1 to 100 characters, no control characters (NUL, tab, newline, ...) nor unpaired surrogates",
                example = "ci-pipeline", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(min = 1, max = 100) @NoControlCharacters @NoUnpairedSurrogates String name,
        @Schema(description = "The tenant whose resources the key sees and creates: 1 to 64 lowercase letters, digits and hyphens, starting with a "
                + "letter or digit. An admin issues keys for its own tenant only; the bootstrap admin key (NESTSIM_ADMIN_KEY) for any.",
                example = "team-a", requiredMode = Schema.RequiredMode.REQUIRED, pattern = TENANT_PATTERN, minLength = 1, maxLength = 64)
        @NotBlank @Size(min = 1, max = 64) @Pattern(regexp = TENANT_PATTERN, message = "must be 1 to 64 lowercase letters, digits and hyphens, "
                + "starting with a letter or digit") String tenant,
        @Schema(description = "viewer: reads; operator: also provisions, runs and experiments; admin: also API keys and the actuator",
                example = "operator", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Role role) {

    /** A tenant's name. */
    public static final String TENANT_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$";
}
