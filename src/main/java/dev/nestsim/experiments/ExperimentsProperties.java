package dev.nestsim.experiments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nestsim.experiments.*}: how large an experiment may be and how it feeds the run queue.
 *
 * @param maxCells              cells (configurations x workloads) an experiment may have, 1 to 10,000 (default 500)
 * @param maxTotalReplications  cells x replications, the simulated work of one experiment, 1 to 1,000,000 (default 20,000)
 * @param maxInFlight           runs of one experiment QUEUED or RUNNING at once, 1 to 10,000 (default 8): the rest wait in the
 *                              experiment, so an experiment never fills the run queue and other users' runs get their turn
 * @param queueShare            the share of {@code nestsim.runs.max-queued}, in percent, that experiments' runs may fill together,
 *                              1 to 100 (default 80; at least one run): the rest of the queue is kept for runs submitted directly
 * @param feedInterval          how often every instance feeds the active experiments' next cells into the run queue and
 *                              moves their status, 50 ms to 1 min (default 500 ms)
 */
@Validated
@ConfigurationProperties("nestsim.experiments")
public record ExperimentsProperties(
        @Min(1) @Max(10_000) @DefaultValue("500") int maxCells,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxTotalReplications,
        @Min(1) @Max(10_000) @DefaultValue("8") int maxInFlight,
        @Min(1) @Max(100) @DefaultValue("80") int queueShare,
        @NotNull @DurationMin(millis = 50) @DurationMax(minutes = 1) @DefaultValue("500ms") Duration feedInterval) {

    /** The queue length up to which experiments submit runs, given {@code nestsim.runs.max-queued}: at least 1. */
    public int queueLimit(int maxQueued) {
        return Math.max(1, (int) ((long) maxQueued * queueShare / 100));
    }
}
