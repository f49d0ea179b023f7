package dev.nestsim.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. Each role includes the ones below it: {@link #VIEWER} reads (GET, HEAD), {@link #OPERATOR}
 * also provisions, runs and experiments (every method on the API but the keys), {@link #ADMIN} also manages API keys
 * and reads the actuator endpoints beyond health.
 */
public enum Role {
    @JsonProperty("viewer") VIEWER,
    @JsonProperty("operator") OPERATOR,
    @JsonProperty("admin") ADMIN;

    /** The name in the API and in the database: {@code viewer}, {@code operator}, {@code admin}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's authority for it ({@code ROLE_ADMIN}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of an API name, if it is one. */
    public static Optional<Role> byApiName(String name) {
        for (Role r : values()) {
            if (r.apiName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
