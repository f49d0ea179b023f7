package dev.nestsim.runs;

import static dev.nestsim.runs.RunStatus.CANCELLED;
import static dev.nestsim.runs.RunStatus.FAILED;
import static dev.nestsim.runs.RunStatus.QUEUED;
import static dev.nestsim.runs.RunStatus.RUNNING;
import static dev.nestsim.runs.RunStatus.SUCCEEDED;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every change to a run after its insert, as one guarded {@code UPDATE} of its row: the row changes only if it
 * is still in a status the move is allowed from ({@link RunStatus#canMoveTo}, checked when this class loads) and,
 * for an execution's own moves, only if that execution still owns it (same executor, same attempt). Whoever
 * loses a race updates no row and knows it. Each status change bumps the row's version.
 */
@Repository
class RunLedger {

    /** The run is RUNNING, and by this execution: same executor, same attempt. */
    private static final String OWNED = " WHERE id = ? AND executor = ? AND attempts = ? AND status = ";

    private static final String CLAIM = "UPDATE runs SET status = " + to(RUNNING) + ", attempts = attempts + 1, executor = ?, lease_until = ?,"
            + " replications_done = 0, started_at = COALESCE(started_at, ?), updated_at = ?, version = version + 1"
            + " WHERE id = ? AND (status = " + from(QUEUED, RUNNING) + " OR (status = " + from(RUNNING, RUNNING) + " AND lease_until < ?))";
    private static final String CLAIMED = "SELECT attempts, workload, target_kind, target_id, level, parameters, seed, replications, snapshot,"
            + " cancel_requested, created_at, tenant FROM runs WHERE id = ?";
    private static final String SUCCEED = "UPDATE runs SET status = " + to(SUCCEEDED) + ", replications_done = replications,"
            + " lease_until = NULL, finished_at = ?, updated_at = ?, version = version + 1" + OWNED + from(RUNNING, SUCCEEDED);
    private static final String FAIL = "UPDATE runs SET status = " + to(FAILED) + ", problem_type = ?, problem_detail = ?,"
            + " lease_until = NULL, finished_at = ?, updated_at = ?, version = version + 1" + OWNED + from(RUNNING, FAILED);
    private static final String CANCEL_OWNED = "UPDATE runs SET status = " + to(CANCELLED) + ", replications_done = ?, lease_until = NULL,"
            + " finished_at = ?, updated_at = ?, version = version + 1" + OWNED + from(RUNNING, CANCELLED);
    private static final String RELEASE = "UPDATE runs SET status = " + to(QUEUED) + ", executor = NULL, lease_until = NULL, replications_done = 0,"
            + " updated_at = ?, version = version + 1" + OWNED + from(RUNNING, QUEUED);
    private static final String PROGRESS = "UPDATE runs SET replications_done = ?, lease_until = ?, updated_at = ?, version = version + 1" + OWNED + from(RUNNING, RUNNING);
    private static final String RENEW = "UPDATE runs SET lease_until = ?" + OWNED + from(RUNNING, RUNNING);
    private static final String CANCEL_QUEUED = "UPDATE runs SET status = " + to(CANCELLED) + ", finished_at = ?, updated_at = ?, version = version + 1"
            + " WHERE id = ? AND status = " + from(QUEUED, CANCELLED);
    private static final String CANCEL_ORPHANED = "UPDATE runs SET status = " + to(CANCELLED) + ", lease_until = NULL, finished_at = ?,"
            + " updated_at = ?, version = version + 1 WHERE id = ? AND status = " + from(RUNNING, CANCELLED) + " AND lease_until < ?";
    private static final String REQUEST_CANCEL = "UPDATE runs SET cancel_requested = TRUE, updated_at = ?, version = version + 1"
            + " WHERE id = ? AND status = " + from(RUNNING, CANCELLED) + " AND cancel_requested = FALSE";

    private final JdbcTemplate jdbc;

    RunLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A cheap look before waiting for a slot: false when the run is finished or another execution's lease on it is valid. */
    boolean claimable(UUID id, Instant now) {
        List<Boolean> rows = jdbc.query("SELECT status, lease_until FROM runs WHERE id = ?", (rs, i) -> {
            RunStatus status = RunStatus.valueOf(rs.getString(1));
            OffsetDateTime lease = rs.getObject(2, OffsetDateTime.class);
            return status == QUEUED || (status == RUNNING && (lease == null || lease.toInstant().isBefore(now)));
        }, id);
        return !rows.isEmpty() && rows.get(0);
    }

    /**
     * Takes the run for a new attempt: QUEUED -> RUNNING, or RUNNING -> RUNNING when the lease of the execution that
     * had it expired (its attempt is recorded as abandoned). Records the attempt; the {@code run_attempts} primary key
     * lets each attempt start once. Must run inside a transaction.
     *
     * @return the claim, or empty when the run is finished, unknown or owned by a live execution
     */
    Optional<Claim> claim(UUID id, String executor, Via via, Instant now, Instant leaseUntil) {
        if (jdbc.update(CLAIM, executor, ts(leaseUntil), ts(now), ts(now), id, ts(now)) == 0) {
            return Optional.empty();
        }
        Claim claim = jdbc.queryForObject(CLAIMED, (rs, i) -> claimOf(rs, id, executor), id);
        jdbc.update("UPDATE run_attempts SET ended_at = ?, outcome = 'ABANDONED' WHERE run_id = ? AND outcome IS NULL", ts(now), id);
        jdbc.update("INSERT INTO run_attempts (run_id, attempt, executor, via, started_at) VALUES (?, ?, ?, ?, ?)",
                id, claim.attempt(), executor, via.name(), ts(now));
        return Optional.of(claim);
    }

    /** RUNNING -> SUCCEEDED by its owner; false when it no longer owns the run. Part of the transaction that stores the result. */
    boolean succeed(Claim c, Instant now) {
        return owned(SUCCEED, c, ts(now), ts(now)) && ended(c, SUCCEEDED.name(), now);
    }

    /** RUNNING -> FAILED by its owner, with the problem; false when it no longer owns the run. */
    boolean fail(Claim c, String problemType, String detail, Instant now) {
        return owned(FAIL, c, problemType, truncate(detail), ts(now), ts(now)) && ended(c, FAILED.name(), now);
    }

    /** RUNNING -> CANCELLED by its owner, after {@code done} replications; false when it no longer owns the run. */
    boolean cancelled(Claim c, int done, Instant now) {
        return owned(CANCEL_OWNED, c, done, ts(now), ts(now)) && ended(c, CANCELLED.name(), now);
    }

    /** RUNNING -> QUEUED by its owner (at shutdown): another execution will take it from the start, with the same seed. */
    boolean release(Claim c, Instant now) {
        return owned(RELEASE, c, ts(now)) && ended(c, "RELEASED", now);
    }

    /** Progress of its owner, which also renews the lease; false when it no longer owns the run. */
    boolean progress(Claim c, int done, Instant leaseUntil, Instant now) {
        return owned(PROGRESS, c, done, ts(leaseUntil), ts(now));
    }

    /** Renews the owner's lease; false when it no longer owns the run. */
    boolean renew(Claim c, Instant leaseUntil) {
        return owned(RENEW, c, ts(leaseUntil));
    }

    /** QUEUED -> CANCELLED, before any execution takes it; false when it is not QUEUED any more. */
    boolean cancelQueued(UUID id, Instant now) {
        return jdbc.update(CANCEL_QUEUED, ts(now), ts(now), id) == 1;
    }

    /** RUNNING -> CANCELLED for a run whose executor's lease expired (it died); false otherwise. */
    boolean cancelOrphaned(UUID id, Instant now) {
        boolean done = jdbc.update(CANCEL_ORPHANED, ts(now), ts(now), id, ts(now)) == 1;
        if (done) {
            jdbc.update("UPDATE run_attempts SET ended_at = ?, outcome = 'ABANDONED' WHERE run_id = ? AND outcome IS NULL", ts(now), id);
        }
        return done;
    }

    /** Asks the execution of a RUNNING run to stop at its next replication; false when it is not RUNNING or was already asked. */
    boolean requestCancel(UUID id, Instant now) {
        return jdbc.update(REQUEST_CANCEL, ts(now), id) == 1;
    }

    /** Which of these runs have a cancellation requested. */
    List<UUID> cancelRequestedAmong(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query("SELECT id FROM runs WHERE cancel_requested = TRUE AND id IN (" + marks + ")",
                (rs, i) -> rs.getObject(1, UUID.class), ids.toArray());
    }

    /** A run that needs an execution: QUEUED for a while, or RUNNING with an expired lease. */
    record Dispatchable(UUID id, int attempts) {
    }

    /**
     * Takes the admission lock (the one row of {@code run_admission}) until the transaction ends: submissions count the
     * queue and insert their run one at a time, in every instance, so the queue bound is exact. Must run inside a transaction.
     */
    void lockAdmission() {
        jdbc.queryForObject("SELECT id FROM run_admission WHERE id = 1 FOR UPDATE", Integer.class);
    }

    /** Runs QUEUED since before {@code queuedBefore} or RUNNING with a lease expired at {@code now}, oldest first. */
    List<Dispatchable> dispatchable(Instant now, Instant queuedBefore, int limit) {
        return jdbc.query("SELECT id, attempts FROM runs WHERE (status = ? AND updated_at < ?) OR (status = ? AND lease_until < ?)"
                        + " ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Dispatchable(rs.getObject(1, UUID.class), rs.getInt(2)),
                QUEUED.name(), ts(queuedBefore), RUNNING.name(), ts(now));
    }

    long countQueued() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM runs WHERE status = ?", Long.class, QUEUED.name());
        return n == null ? 0 : n;
    }

    /** Records the resources on a new run's path, {@code ids.get(level)} at each level. */
    void insertResources(UUID runId, List<UUID> ids) {
        for (int level = 0; level < ids.size(); level++) {
            jdbc.update("INSERT INTO run_resources (run_id, level, resource_id) VALUES (?, ?, ?)", runId, level, ids.get(level));
        }
    }

    /** A QUEUED or RUNNING run on a path through this resource. */
    record ActiveUse(UUID runId, RunStatus status) {
    }

    /** Up to {@code limit} QUEUED or RUNNING runs whose path goes through the resource, oldest first. */
    List<ActiveUse> activeUsesOf(UUID resourceId, int limit) {
        return jdbc.query("SELECT r.id, r.status FROM run_resources rr JOIN runs r ON r.id = rr.run_id"
                        + " WHERE rr.resource_id = ? AND r.status IN (?, ?) ORDER BY r.created_at, r.id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new ActiveUse(rs.getObject(1, UUID.class), RunStatus.valueOf(rs.getString(2))),
                resourceId, QUEUED.name(), RUNNING.name());
    }

    long countActiveUsesOf(UUID resourceId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM run_resources rr JOIN runs r ON r.id = rr.run_id"
                + " WHERE rr.resource_id = ? AND r.status IN (?, ?)", Long.class, resourceId, QUEUED.name(), RUNNING.name());
        return n == null ? 0 : n;
    }

    private boolean owned(String sql, Claim c, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = c.runId();
        args[values.length + 1] = c.executor();
        args[values.length + 2] = c.attempt();
        return jdbc.update(sql, args) == 1;
    }

    private boolean ended(Claim c, String outcome, Instant now) {
        jdbc.update("UPDATE run_attempts SET ended_at = ?, outcome = ? WHERE run_id = ? AND attempt = ?", ts(now), outcome, c.runId(), c.attempt());
        return true;
    }

    private static Claim claimOf(ResultSet rs, UUID id, String executor) throws SQLException {
        return new Claim(id, rs.getInt(1), executor, rs.getString(2),
                new Target(TargetKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class)), rs.getInt(5), rs.getString(6), rs.getLong(7),
                rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12));
    }

    /** The SQL literal of {@code source}, for a move to {@code target} that the state machine allows. */
    private static String from(RunStatus source, RunStatus target) {
        if (!source.canMoveTo(target)) {
            throw new IllegalStateException("the state machine does not allow " + source + " -> " + target);
        }
        return "'" + source.name() + "'";
    }

    private static String to(RunStatus target) {
        return "'" + target.name() + "'";
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
