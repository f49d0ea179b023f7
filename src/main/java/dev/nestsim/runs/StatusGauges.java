package dev.nestsim.runs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One gauge per status of a lifecycle, {@code name{status="..."}}, read from one count of the database per
 * {@link #FRESH_FOR} however many gauges a scrape reads (a scrape reads them one after the other). The hook for every
 * feature with a status resource: runs bind theirs in {@link RunMeters}; another feature (experiments) binds its own
 * with a {@code MeterBinder} bean of its own that calls {@link #register}.
 *
 * @param <S> the status enum
 */
public final class StatusGauges<S extends Enum<S>> {

    /** How long one count serves the gauges. */
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final Supplier<Map<S, Long>> counts;
    private final Clock clock;
    private volatile Map<S, Long> last = Map.of();
    private volatile Instant countedAt = Instant.MIN;

    private StatusGauges(Supplier<Map<S, Long>> counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * Registers {@code name} with a {@code status} tag for every constant of {@code statuses}, each the number of
     * resources in that status as {@code counts} reports them (a status it leaves out counts 0).
     */
    public static <S extends Enum<S>> StatusGauges<S> register(MeterRegistry registry, String name, String description, Class<S> statuses,
                                                               Supplier<Map<S, Long>> counts, Clock clock) {
        StatusGauges<S> gauges = new StatusGauges<>(counts, clock);
        for (S status : statuses.getEnumConstants()) {
            Gauge.builder(name, gauges, g -> g.count(status)).description(description).tag("status", status.name())
                    .strongReference(true).register(registry);
        }
        return gauges;
    }

    /** The number in {@code status}, counted again when the last count is older than {@link #FRESH_FOR}. */
    double count(S status) {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(FRESH_FOR) >= 0) {
            synchronized (this) {
                if (Duration.between(countedAt, now).compareTo(FRESH_FOR) >= 0) {
                    last = counts.get();
                    countedAt = now;
                }
            }
        }
        return last.getOrDefault(status, 0L);
    }
}
