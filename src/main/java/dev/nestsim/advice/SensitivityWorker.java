package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.model.exits.Param;
import dev.nestsim.model.workload.CancelledException;
import dev.nestsim.model.workload.RunMonitor;
import dev.nestsim.model.workload.Workloads;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Computes a sensitivity analysis point by point ({@link SensitivityAnalysis}), storing each point as it is done, so a
 * computation that stops (a crash, a restart, a second job) carries on from the last stored point: after a {@code kill -9}
 * nothing is computed twice that was stored and nothing stored is lost, and the result is the one an uninterrupted computation
 * gives. Cancellation is seen between replications.
 */
@Component
class SensitivityWorker {

    private static final Logger log = LoggerFactory.getLogger(SensitivityWorker.class);
    private static final TypeReference<List<Param>> PARAMS = new TypeReference<>() { };

    private final SensitivityRepository analyses;
    private final SensitivityPoints points;
    private final Workloads workloads;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final java.util.Set<UUID> computing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SensitivityWorker(SensitivityRepository analyses, SensitivityPoints points, Workloads workloads, JdbcTemplate jdbc, TransactionTemplate tx,
                      Clock clock) {
        this.analyses = analyses;
        this.points = points;
        this.workloads = workloads;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Computes what is left of the analysis, unless it is finished or being computed on this instance already. */
    void compute(UUID id) {
        if (!computing.add(id)) {
            return;
        }
        try {
            computeHere(id);
        } finally {
            computing.remove(id);
        }
    }

    private void computeHere(UUID id) {
        if (!start(id)) {
            return;
        }
        SensitivityEntity s = analyses.findById(id).orElseThrow();
        try {
            SensitivityInput input = AdviceService.JSON.readValue(s.getInput(), SensitivityInput.class);
            finish(id, run(id, s, input));
        } catch (CancelledException e) {
            log.debug("sensitivity {} cancelled", id);
        } catch (OutOfMemoryError e) {
            fail(id, "the analysis needed more memory than the service's heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB: ask for a shorter workload or fewer trajectories, or give the service more heap (-Xmx)");
        } catch (RuntimeException e) {
            log.warn("sensitivity {} failed", id, e);
            fail(id, "the analysis failed: " + e.getMessage());
        }
    }

    /** QUEUED -> RUNNING, counting the attempt; false when there is nothing to do. */
    private boolean start(UUID id) {
        Boolean go = tx.execute(t -> {
            SensitivityEntity s = analyses.findById(id).orElse(null);
            if (s == null || s.getStatus().isTerminal()) {
                return false;
            }
            int changed = jdbc.update("UPDATE sensitivity_analyses SET status = ?, attempts = attempts + 1, updated_at = ?,"
                    + " started_at = COALESCE(started_at, CAST(? AS TIMESTAMP WITH TIME ZONE)), version = version + 1 WHERE id = ? AND status IN (?, ?)",
                    ExperimentStatus.RUNNING.name(), now(), now(), id, ExperimentStatus.QUEUED.name(), ExperimentStatus.RUNNING.name());
            return changed == 1;
        });
        return Boolean.TRUE.equals(go);
    }

    private SensitivityResult run(UUID id, SensitivityEntity s, SensitivityInput input) {
        SensitivityAnalysis analysis = new SensitivityAnalysis(input);
        TreeMap<Integer, SensitivityAnalysis.Point> done = points.of(id);
        RunMonitor monitor = new Monitor(id);
        SensitivityAnalysis.Base base;
        if (done.containsKey(0) && s.getFactors() != null) {
            base = new SensitivityAnalysis.Base(done.get(0), AdviceService.JSON.readValue(s.getFactors(), PARAMS));
        } else {
            SensitivityAnalysis.Base computed = analysis.evaluateBase(monitor);
            int total = analysis.points(computed.factors().size());
            tx.executeWithoutResult(t -> {
                points.store(id, 0, computed.point());
                jdbc.update("UPDATE sensitivity_analyses SET factors = ?, points_total = ?, points_done = 1, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND factors IS NULL", AdviceService.JSON.writeValueAsString(computed.factors()), total, now(), id);
            });
            SensitivityEntity stored = analyses.findById(id).orElseThrow();
            base = new SensitivityAnalysis.Base(points.of(id).get(0), AdviceService.JSON.readValue(stored.getFactors(), PARAMS));
        }
        List<SensitivityAnalysis.Point> alternatives = new ArrayList<>();
        int index = 1;
        for (int i = 0; i < analysis.alternatives().size(); i++, index++) {
            int at = i;
            alternatives.add(point(id, index, done, () -> analysis.evaluateAlternative(at, monitor)));
        }
        Morris.Design design = base.factors().isEmpty() ? null : analysis.design(base.factors());
        double[] y = new double[design == null ? 0 : design.points().size()];
        for (int j = 0; j < y.length; j++, index++) {
            int at = j;
            SensitivityAnalysis.Base b = base;
            y[j] = point(id, index, done, () -> analysis.evaluateMorris(design, b.factors(), at, monitor)).normalized();
        }
        boolean higherIsBetter = workloads.runner(input.workload()).map(w -> w.descriptor().higherIsBetter()).orElse(true);
        return analysis.result(base, alternatives, design, y, higherIsBetter);
    }

    private SensitivityAnalysis.Point point(UUID id, int index, Map<Integer, SensitivityAnalysis.Point> done,
                                            java.util.function.Supplier<SensitivityAnalysis.Point> compute) {
        SensitivityAnalysis.Point known = done.get(index);
        if (known != null) {
            return known;
        }
        if (!active(id)) {
            throw new CancelledException(0);
        }
        SensitivityAnalysis.Point p = compute.get();
        points.store(id, index, p);
        jdbc.update("UPDATE sensitivity_analyses SET points_done = (SELECT COUNT(*) FROM sensitivity_points WHERE analysis_id = ?), updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND status = ?", id, now(), id, ExperimentStatus.RUNNING.name());
        return p;
    }

    private boolean active(UUID id) {
        String status = jdbc.query("SELECT status FROM sensitivity_analyses WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null, id);
        return ExperimentStatus.RUNNING.name().equals(status);
    }

    private void finish(UUID id, SensitivityResult result) {
        String json = AdviceService.JSON.writeValueAsString(result);
        jdbc.update("UPDATE sensitivity_analyses SET status = ?, result = ?, updated_at = ?, finished_at = ?, version = version + 1"
                + " WHERE id = ? AND status = ?", ExperimentStatus.SUCCEEDED.name(), json, now(), now(), id, ExperimentStatus.RUNNING.name());
    }

    private void fail(UUID id, String detail) {
        String clipped = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        jdbc.update("UPDATE sensitivity_analyses SET status = ?, problem_detail = ?, updated_at = ?, finished_at = ?, version = version + 1"
                + " WHERE id = ? AND status IN (?, ?)", ExperimentStatus.FAILED.name(), clipped, now(), now(), id, ExperimentStatus.QUEUED.name(),
                ExperimentStatus.RUNNING.name());
    }

    /** Now, as a JDBC parameter both H2 and PostgreSQL type (an {@link Instant} is not one PostgreSQL's driver takes). */
    private java.time.OffsetDateTime now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC);
    }

    /** Sees cancellation between replications, at most every half second. */
    private final class Monitor implements RunMonitor {

        private final UUID id;
        private volatile long nextCheck;
        private volatile boolean cancelled;

        Monitor(UUID id) {
            this.id = id;
        }

        @Override
        public void replicationDone(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            long now = System.nanoTime();
            if (!cancelled && now - nextCheck >= 0) {
                nextCheck = now + 500_000_000L;
                cancelled = !active(id);
            }
            return cancelled;
        }
    }
}
