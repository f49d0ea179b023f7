package dev.nestsim.runs;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs' meters, served at {@code /actuator/prometheus} (README, "Operators' metrics"):
 * <ul>
 *   <li>{@value #RUNS}{@code {status}}: runs in each status, all instances together (the {@code runs} table);</li>
 *   <li>{@value #QUEUE_DEPTH}: QUEUED runs, what {@code nestsim.runs.max-queued} ({@value #QUEUE_CAPACITY}) bounds;</li>
 *   <li>{@value #EXECUTING}: executions running on this instance now;</li>
 *   <li>{@value #DURATION}{@code {workload, outcome}}: how long this instance's executions took, wall clock, as a histogram
 *   (buckets from 1 ms to 1 h);</li>
 *   <li>{@value #EVENT_RATE}{@code {workload}}: discrete events simulated per second of wall clock by each completed
 *   execution of a simulated workload, as a histogram (buckets from 10^3 to 10^9; analytic workloads simulate none and are
 *   not recorded).</li>
 * </ul>
 */
@Component
class RunMeters implements MeterBinder {

    static final String RUNS = "nestsim.runs";
    static final String QUEUE_DEPTH = "nestsim.runs.queue.depth";
    static final String QUEUE_CAPACITY = "nestsim.runs.queue.capacity";
    static final String EXECUTING = "nestsim.runs.executing";
    static final String DURATION = "nestsim.run.duration";
    static final String EVENT_RATE = "nestsim.run.events.per.second";

    /** How an execution ended, the {@code outcome} tag of {@value #DURATION}. */
    enum Outcome {
        /** the workload finished: the run SUCCEEDED unless another execution had taken it over */
        COMPLETED,
        CANCELLED,
        FAILED,
        /** the instance shut down: the run went back to the queue */
        REQUEUED,
        /** another execution took the run over */
        LOST;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcTemplate jdbc;
    private final LocalExecutions executions;
    private final RunsProperties properties;
    private final Clock clock;
    private MeterRegistry registry;

    RunMeters(JdbcTemplate jdbc, LocalExecutions executions, RunsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.executions = executions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        StatusGauges<RunStatus> byStatus = StatusGauges.register(registry, RUNS, "Runs in each status, all instances together",
                RunStatus.class, this::countByStatus, clock);
        Gauge.builder(QUEUE_DEPTH, byStatus, g -> g.count(RunStatus.QUEUED))
                .description("QUEUED runs, all instances together; submissions are refused with 429 at nestsim.runs.max-queued")
                .strongReference(true).register(registry);
        Gauge.builder(QUEUE_CAPACITY, properties, p -> p.maxQueued()).description("nestsim.runs.max-queued").register(registry);
        Gauge.builder(EXECUTING, executions, LocalExecutions::executing).description("Executions running on this instance").register(registry);
    }

    /** Records one execution of {@code workload}: its wall-clock time, and its events per second when it simulated any. */
    void executed(String workload, Outcome outcome, Duration took, long events) {
        if (registry == null) {
            return;
        }
        Timer.builder(DURATION).description("Wall-clock time of an execution of a run on this instance").tag("workload", workload)
                .tag("outcome", outcome.tag()).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1)).register(registry).record(took);
        double seconds = took.toNanos() / 1e9;
        if (outcome == Outcome.COMPLETED && events > 0 && seconds > 0) {
            DistributionSummary.builder(EVENT_RATE).description("Discrete events simulated per second of wall clock by an execution")
                    .tag("workload", workload).publishPercentileHistogram().minimumExpectedValue(1e3).maximumExpectedValue(1e9).register(registry)
                    .record(events / seconds);
        }
    }

    private Map<RunStatus, Long> countByStatus() {
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM runs GROUP BY status",
                row -> {
                    counts.put(RunStatus.valueOf(row.getString(1)), row.getLong(2));
                });
        return counts;
    }
}
