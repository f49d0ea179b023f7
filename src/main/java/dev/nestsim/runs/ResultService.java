package dev.nestsim.runs;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What SUCCEEDED runs measured: one run's result, and metric rows queried across runs. */
@Service
@Transactional(readOnly = true)
public class ResultService {

    private static final Sort RUN_ORDER = Sort.by("runCreatedAt", "runId", "position");

    private final RunService runs;
    private final RunResultRepository results;
    private final RunMetricRepository metrics;

    ResultService(RunService runs, RunResultRepository results, RunMetricRepository metrics) {
        this.runs = runs;
        this.results = results;
        this.metrics = metrics;
    }

    /** The result of a run: 404 when there is no such run, 409 when it is not SUCCEEDED. */
    public RunResult result(UUID runId) {
        RunEntity run = runs.get(runId);
        if (run.getStatus() != RunStatus.SUCCEEDED) {
            throw new RunProblems.NotSucceededException(run);
        }
        RunResultEntity result = results.findById(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " is SUCCEEDED but has no result row"));
        return new RunResult(run, result, metrics.findByRunIdOrderByPosition(runId));
    }

    /**
     * Filters for metric rows; a {@code null} field does not filter.
     *
     * @param workload the run's workload
     * @param runLevel the level the run's workload ran at
     * @param level    the metric's own level
     * @param name     the metric's name
     * @param runId    one run
     * @param target   the run's target
     */
    public record MetricFilter(String workload, Integer runLevel, Integer level, String name, UUID runId, Target target, String reason) {
    }

    /** Metric rows of SUCCEEDED runs (only those have any), oldest run first, in each run's order. */
    public Page<RunMetricEntity> metrics(MetricFilter filter, int page, int size) {
        Specification<RunMetricEntity> where = equal("tenant", runs.currentTenant()).and(equal("workload", filter.workload())).and(equal("runLevel", filter.runLevel()))
                .and(equal("level", filter.level())).and(equal("name", filter.name())).and(equal("runId", filter.runId()))
                .and(equal("reason", filter.reason()));
        if (filter.target() != null) {
            where = where.and(equal("targetKind", filter.target().kind())).and(equal("targetId", filter.target().id()));
        }
        return metrics.findAll(where, PageRequest.of(page, size, RUN_ORDER));
    }

    private static Specification<RunMetricEntity> equal(String attribute, Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }
}
