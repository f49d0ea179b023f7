package dev.nestsim.experiments;

import static dev.nestsim.experiments.ExperimentStatus.CANCELLED;
import static dev.nestsim.experiments.ExperimentStatus.FAILED;
import static dev.nestsim.experiments.ExperimentStatus.RUNNING;
import static dev.nestsim.experiments.ExperimentStatus.SUCCEEDED;

import dev.nestsim.runs.RunStatus;
import dev.nestsim.runs.Target;
import dev.nestsim.runs.TargetKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An experiment's configurations, cells and provisioned resources, and every change of its status after the insert,
 * each a guarded {@code UPDATE} whose sources follow {@link ExperimentStatus#sourcesOf}. Whoever changes an experiment
 * holds the lock of its row ({@link #lock}) for the transaction, so feeders on several instances take turns.
 */
@Repository
class ExperimentLedger {

    private final JdbcTemplate jdbc;

    ExperimentLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A resource the experiment provisioned. */
    record Resource(int position, String kind, UUID id) {
    }

    /** Locks the experiment's row until the transaction ends; its status, or empty when there is no such experiment. */
    Optional<ExperimentStatus> lock(UUID id) {
        List<ExperimentStatus> rows = jdbc.query("SELECT status FROM experiments WHERE id = ? FOR UPDATE",
                (rs, i) -> ExperimentStatus.valueOf(rs.getString(1)), id);
        return rows.stream().findFirst();
    }

    void insertConfiguration(UUID experimentId, ExperimentConfiguration c) {
        jdbc.update("INSERT INTO experiment_configurations (experiment_id, position, name, target_kind, target_id, provisioned)"
                + " VALUES (?, ?, ?, ?, ?, ?)", experimentId, c.position(), c.name(), c.target().kind().name(), c.target().id(), c.provisioned());
    }

    void insertCell(UUID experimentId, int position, int configuration, int workloadPosition, String workload, String parameters) {
        jdbc.update("INSERT INTO experiment_cells (experiment_id, position, configuration, workload_position, workload, parameters)"
                + " VALUES (?, ?, ?, ?, ?, ?)", experimentId, position, configuration, workloadPosition, workload, parameters);
    }

    void insertResource(UUID experimentId, int position, String kind, UUID resourceId) {
        jdbc.update("INSERT INTO experiment_resources (experiment_id, position, kind, resource_id) VALUES (?, ?, ?, ?)",
                experimentId, position, kind, resourceId);
    }

    List<ExperimentConfiguration> configurations(UUID experimentId) {
        return jdbc.query("SELECT position, name, target_kind, target_id, provisioned FROM experiment_configurations"
                        + " WHERE experiment_id = ? ORDER BY position",
                (rs, i) -> new ExperimentConfiguration(rs.getInt(1), rs.getString(2), new Target(TargetKind.valueOf(rs.getString(3)),
                        rs.getObject(4, UUID.class)), rs.getBoolean(5)), experimentId);
    }

    /** Every cell in order, with its run's status and progress. */
    List<ExperimentCell> cells(UUID experimentId) {
        return jdbc.query("SELECT c.position, c.configuration, c.workload_position, c.workload, c.parameters, c.run_id, r.status,"
                        + " r.problem_detail, r.replications_done, r.replications FROM experiment_cells c LEFT JOIN runs r ON r.id = c.run_id"
                        + " WHERE c.experiment_id = ? ORDER BY c.position",
                (rs, i) -> new ExperimentCell(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                        rs.getString(7) == null ? null : RunStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9),
                        rs.getObject(10) == null ? -1 : rs.getInt(10)), experimentId);
    }

    /** Cells whose run SUCCEEDED, and replications done over every cell, of the experiment. */
    record Progress(int cellsDone, long replicationsDone) {
    }

    Progress progress(UUID experimentId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN r.status = 'SUCCEEDED' THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(r.replications_done), 0) FROM experiment_cells c JOIN runs r ON r.id = c.run_id WHERE c.experiment_id = ?",
                (rs, i) -> new Progress(rs.getInt(1), rs.getLong(2)), experimentId);
    }

    int replications(UUID experimentId) {
        return jdbc.queryForObject("SELECT replications FROM experiments WHERE id = ?", Integer.class, experimentId);
    }

    long seed(UUID experimentId) {
        return jdbc.queryForObject("SELECT seed FROM experiments WHERE id = ?", Long.class, experimentId);
    }

    /** Whose experiment it is: its runs are that tenant's too. */
    String tenant(UUID experimentId) {
        return jdbc.queryForObject("SELECT tenant FROM experiments WHERE id = ?", String.class, experimentId);
    }

    /** Records a cell's run; false when the cell had one already (the caller's transaction must then roll back). */
    boolean submitted(UUID experimentId, int position, UUID runId) {
        return jdbc.update("UPDATE experiment_cells SET run_id = ? WHERE experiment_id = ? AND position = ? AND run_id IS NULL",
                runId, experimentId, position) == 1;
    }

    List<Resource> resources(UUID experimentId) {
        return jdbc.query("SELECT position, kind, resource_id FROM experiment_resources WHERE experiment_id = ? ORDER BY position",
                (rs, i) -> new Resource(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class)), experimentId);
    }

    /** Experiments QUEUED or RUNNING, oldest first. */
    List<UUID> active(int limit) {
        return jdbc.query("SELECT id FROM experiments WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at, id FETCH FIRST " + limit
                + " ROWS ONLY", (rs, i) -> rs.getObject(1, UUID.class));
    }

    /** Runs still QUEUED or RUNNING, without a cancellation asked for, of experiments that are FAILED or CANCELLED. */
    List<UUID> orphanedRuns(int limit) {
        return jdbc.query("SELECT r.id FROM experiments e JOIN experiment_cells c ON c.experiment_id = e.id JOIN runs r ON r.id = c.run_id"
                        + " WHERE e.status IN ('FAILED', 'CANCELLED') AND r.status IN ('QUEUED', 'RUNNING') AND r.cancel_requested = FALSE"
                        + " ORDER BY r.created_at, r.id FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> rs.getObject(1, UUID.class));
    }

    boolean start(UUID id, Instant now) {
        return move(RUNNING, "started_at = COALESCE(started_at, ?)", id, ts(now), now);
    }

    boolean succeed(UUID id, Instant now) {
        return move(SUCCEEDED, "started_at = COALESCE(started_at, ?), finished_at = ?", id, ts(now), ts(now), now);
    }

    boolean fail(UUID id, int cell, String detail, Instant now) {
        return move(FAILED, "failed_cell = ?, problem_detail = ?, finished_at = ?", id, cell, truncate(detail), ts(now), now);
    }

    boolean cancel(UUID id, Instant now) {
        return move(CANCELLED, "finished_at = ?", id, ts(now), now);
    }

    /** Deletes the experiment's rows (cells, configurations, resources, itself); its runs stay, as history. */
    void delete(UUID id) {
        jdbc.update("DELETE FROM experiment_cells WHERE experiment_id = ?", id);
        jdbc.update("DELETE FROM experiment_configurations WHERE experiment_id = ?", id);
        jdbc.update("DELETE FROM experiment_resources WHERE experiment_id = ?", id);
        jdbc.update("DELETE FROM experiments WHERE id = ?", id);
    }

    /** An experiment that holds a resource: as a configuration while it is active, or as its owner. */
    record Holder(UUID experimentId, String name, ExperimentStatus status, boolean owner) {
    }

    List<Holder> holdersOf(UUID resourceId, int limit) {
        return jdbc.query("SELECT e.id, e.name, e.status, FALSE FROM experiment_configurations c JOIN experiments e ON e.id = c.experiment_id"
                        + " WHERE c.target_id = ? AND e.status IN ('QUEUED', 'RUNNING')"
                        + " UNION SELECT e.id, e.name, e.status, TRUE FROM experiment_resources x JOIN experiments e ON e.id = x.experiment_id"
                        + " WHERE x.resource_id = ? FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Holder(rs.getObject(1, UUID.class), rs.getString(2), ExperimentStatus.valueOf(rs.getString(3)), rs.getBoolean(4)),
                resourceId, resourceId);
    }

    private boolean move(ExperimentStatus target, String set, UUID id, Object... values) {
        Instant now = (Instant) values[values.length - 1];
        Object[] args = new Object[values.length + 1];
        System.arraycopy(values, 0, args, 0, values.length - 1);
        args[values.length - 1] = ts(now);
        args[values.length] = id;
        String sources = ExperimentStatus.sourcesOf(target).stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return jdbc.update("UPDATE experiments SET status = '" + target.name() + "', " + set + ", updated_at = ?, version = version + 1"
                + " WHERE id = ? AND status IN (" + sources + ")", args) == 1;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
