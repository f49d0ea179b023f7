package dev.nestsim.experiments;

import dev.nestsim.runs.StatusGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The experiments' meters on {@code /actuator/prometheus}: {@code nestsim_experiments{status}}, all instances together,
 * and {@code nestsim_experiments_cells_waiting}, the cells of QUEUED and RUNNING experiments whose runs are not yet
 * submitted (what the feeder still has to put into the run queue as room frees up).
 */
@Component
class ExperimentMeters implements MeterBinder {

    static final String EXPERIMENTS = "nestsim.experiments";
    static final String CELLS_WAITING = "nestsim.experiments.cells.waiting";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExperimentMeters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        StatusGauges.register(registry, EXPERIMENTS, "Experiments in each status, all instances together", ExperimentStatus.class,
                this::countByStatus, clock);
        Gauge.builder(CELLS_WAITING, this, ExperimentMeters::cellsWaiting)
                .description("Cells of QUEUED and RUNNING experiments whose runs are not yet submitted, all instances together")
                .strongReference(true).register(registry);
    }

    private Map<ExperimentStatus, Long> countByStatus() {
        Map<ExperimentStatus, Long> counts = new EnumMap<>(ExperimentStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM experiments GROUP BY status",
                row -> {
                    counts.put(ExperimentStatus.valueOf(row.getString(1)), row.getLong(2));
                });
        return counts;
    }

    private double cellsWaiting() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM experiment_cells c JOIN experiments e ON e.id = c.experiment_id "
                + "WHERE c.run_id IS NULL AND e.status IN ('QUEUED', 'RUNNING')", Long.class);
        return n == null ? 0 : n;
    }
}
