package dev.nestsim.runs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nestsim.runs.*}: how many runs may wait and run, how an execution holds a run, and the diagnostics.
 *
 * @param maxQueued          runs that may be QUEUED at once (all instances together), 1 to 100,000 (default 100); a submission
 *                           beyond is a 429 with {@code Retry-After}. Exact under concurrent submissions: they are admitted one
 *                           at a time (a lock row in the database)
 * @param maxRunning         runs this instance executes at once, 0 to 256; 0 (the default) means one per available processor
 * @param maxReplications    the most replications any run may ask for, 1 to 100,000 (default 1000); a workload may allow fewer
 * @param retryAfter         what {@code Retry-After} says when the queue is full, 1 s to 1 h (default 5 s)
 * @param lease              how long an execution owns a run without renewing, 1 s to 10 min (default 10 s): a run whose
 *                           executor died is re-executed this long after its last renewal at the latest
 * @param sweepInterval      how often every instance looks for runs that are queued without an executor or whose lease expired,
 *                           1 s to 10 min (default 5 s)
 * @param queuedGrace        how long a QUEUED run may wait before the sweep offers it to this instance too, 0 to 10 min (default 2 s)
 * @param shutdownGrace      at SIGTERM, how long running runs may take to finish before they are put back in the queue,
 *                           0 to 10 min (default 10 s)
 * @param instanceName       how this instance names itself as executor of a run (default: host name and a random suffix)
 * @param diagnosticWorkload adds the {@code diagnostic-sleep} workload to the catalogue (default false): it sleeps between
 *                           replications, for tests and demonstrations that need a run to stay RUNNING
 * @param dashboard          JobRunr's dashboard, off by default
 */
@Validated
@ConfigurationProperties("nestsim.runs")
public record RunsProperties(
        @Min(1) @Max(100_000) @DefaultValue("100") int maxQueued,
        @Min(0) @Max(256) @DefaultValue("0") int maxRunning,
        @Min(1) @Max(100_000) @DefaultValue("1000") int maxReplications,
        @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) @DefaultValue("5s") Duration retryAfter,
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("10s") Duration lease,
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("5s") Duration sweepInterval,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 10) @DefaultValue("2s") Duration queuedGrace,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 10) @DefaultValue("10s") Duration shutdownGrace,
        @Size(max = 150) String instanceName,
        @DefaultValue("false") boolean diagnosticWorkload,
        @NotNull @Valid @DefaultValue Dashboard dashboard) {

    /** Runs this instance executes at once. */
    public int runningLimit() {
        return maxRunning > 0 ? maxRunning : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code nestsim.runs.dashboard.*}: JobRunr's dashboard, served on the loopback interface only.
     *
     * @param enabled whether to serve it (default false)
     * @param port    its port on 127.0.0.1, 1 to 65535 (default 8000)
     */
    public record Dashboard(@DefaultValue("false") boolean enabled, @Min(1) @Max(65535) @DefaultValue("8000") int port) {
    }
}
