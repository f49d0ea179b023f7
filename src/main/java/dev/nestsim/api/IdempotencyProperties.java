package dev.nestsim.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nestsim.idempotency.*}: how long an {@code Idempotency-Key} is remembered, and the largest body
 * a keyed request may have.
 *
 * @param retention    keys older than this are forgotten (default 24 h), after which the key may be reused
 * @param maxBodyBytes the largest body of a keyed {@code POST}, 1 KiB to 10 MiB (default 1 MiB); larger is 413
 */
@Validated
@ConfigurationProperties("nestsim.idempotency")
public record IdempotencyProperties(
        @NotNull @DefaultValue("24h") Duration retention,
        @Min(1024) @Max(10 * 1024 * 1024) @DefaultValue("1048576") int maxBodyBytes) {
}
