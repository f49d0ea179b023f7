package dev.nestsim.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nestsim.security}: whether requests need an API key, and the bootstrap admin key.
 *
 * @param enabled     {@code true}: always (fail-closed, even with no key anywhere); {@code false}: never (every request is
 *                    the default tenant's admin); {@code auto}: as soon as an admin key is configured or any API key was
 *                    ever issued (revoked ones count), open with a warning until then
 * @param adminKey    the bootstrap admin key ({@code NESTSIM_ADMIN_KEY}); blank for none; at least 32 characters
 * @param autoRecheck how often an open service in {@code auto} looks for keys issued by another instance
 * @param outageGrace while the database is out of reach, how long a key this instance accepted stays accepted
 */
@Validated
@ConfigurationProperties("nestsim.security")
public record SecurityProperties(@NotNull @DefaultValue("false") Enforcement enabled, String adminKey,
                                 @NotNull @DefaultValue("5s") Duration autoRecheck,
                                 @NotNull @DefaultValue("10m") Duration outageGrace) {

    /** The shortest admin key accepted: a guessable key would open every tenant. */
    public static final int MIN_ADMIN_KEY_LENGTH = 32;

    /** The values of {@code nestsim.security.enabled}. */
    public enum Enforcement {
        TRUE, FALSE, AUTO
    }

    public SecurityProperties {
        if (adminKey != null && !adminKey.isBlank() && adminKey.strip().length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalArgumentException("nestsim.security.admin-key (NESTSIM_ADMIN_KEY) must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters, was " + adminKey.strip().length());
        }
    }

    /** Whether an admin key is configured. */
    public boolean hasAdminKey() {
        return adminKey != null && !adminKey.isBlank();
    }
}
