package dev.nestsim.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nestsim.http.*}: what one request may ask of the service before Spring MVC reads it ({@link RequestBodyLimits}).
 *
 * @param maxBodySize the largest request body, 1 KiB to 100 MiB (default 1 MiB); a larger one is a 413, answered from its
 *                    {@code Content-Length} before any of it is read, or as soon as a body without one grows past it
 * @param bodyTimeout how long a request body may take to arrive, from the start of the request, 1 s to 10 min (default
 *                    10 s); a slower one is a 408
 * @param maxUploads  request bodies being received at once, 1 to 10,000 (default 24, half of {@code server.tomcat.threads.max});
 *                    one more is a 503 with {@code Retry-After}, so slow uploads never hold every request thread
 * @param databaseRetryAfter the {@code Retry-After} of a 503 answered while the database is out of reach, 1 s to 10 min
 *                    (default 5 s)
 */
@Validated
@ConfigurationProperties("nestsim.http")
public record HttpLimits(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("10s") Duration bodyTimeout,
        @Min(1) @Max(10_000) @DefaultValue("24") int maxUploads,
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("5s") Duration databaseRetryAfter) {

    public HttpLimits {
        if (maxBodySize != null && (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > 100L * 1024 * 1024)) {
            throw new IllegalArgumentException("nestsim.http.max-body-size must be between 1KB and 100MB, was " + maxBodySize);
        }
    }
}
