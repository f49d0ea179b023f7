package dev.nestsim.runs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a run is in its life: QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED.
 *
 * <p>The allowed moves are this enum's {@link #canMoveTo} and nothing else; every guarded update of the
 * {@code runs} table takes its source statuses from {@link #sourcesOf}, so the table and the database agree.
 * RUNNING may move to RUNNING (another execution re-claims a run whose lease expired, a new attempt) and back
 * to QUEUED (an execution releases it at shutdown). The three terminal statuses never change again.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether a run in this status may move to {@code next}. */
    public boolean canMoveTo(RunStatus next) {
        switch (this) {
            case QUEUED:
                return next == RUNNING || next == CANCELLED;
            case RUNNING:
                return next == RUNNING || next == QUEUED || next == SUCCEEDED || next == FAILED || next == CANCELLED;
            case SUCCEEDED:
            case FAILED:
            case CANCELLED:
                return false;
            default:
                throw new IllegalStateException("unknown status " + this);
        }
    }

    /** SUCCEEDED, FAILED and CANCELLED: nothing happens to the run any more. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** QUEUED and RUNNING: work that still uses its target. */
    public static Set<RunStatus> active() {
        return EnumSet.of(QUEUED, RUNNING);
    }

    /** Every status from which a run may move to {@code target}. */
    public static Set<RunStatus> sourcesOf(RunStatus target) {
        EnumSet<RunStatus> sources = EnumSet.noneOf(RunStatus.class);
        for (RunStatus s : values()) {
            if (s.canMoveTo(target)) {
                sources.add(s);
            }
        }
        return sources;
    }
}
