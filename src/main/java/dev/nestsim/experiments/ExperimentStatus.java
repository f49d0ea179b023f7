package dev.nestsim.experiments;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an experiment is: QUEUED (no run of it has started) -> RUNNING -> SUCCEEDED (every cell's run SUCCEEDED) |
 * FAILED (a cell's run failed, or a cell could not be submitted) | CANCELLED. The three terminal statuses never change
 * again; every guarded update of the {@code experiments} table takes its sources from {@link #sourcesOf}.
 */
public enum ExperimentStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether an experiment in this status may move to {@code next}. */
    public boolean canMoveTo(ExperimentStatus next) {
        switch (this) {
            case QUEUED:
                return next == RUNNING || next == SUCCEEDED || next == FAILED || next == CANCELLED;
            case RUNNING:
                return next == SUCCEEDED || next == FAILED || next == CANCELLED;
            case SUCCEEDED:
            case FAILED:
            case CANCELLED:
                return false;
            default:
                throw new IllegalStateException("unknown status " + this);
        }
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** QUEUED and RUNNING. */
    public static Set<ExperimentStatus> active() {
        return EnumSet.of(QUEUED, RUNNING);
    }

    /** Every status from which an experiment may move to {@code target}. */
    public static Set<ExperimentStatus> sourcesOf(ExperimentStatus target) {
        EnumSet<ExperimentStatus> sources = EnumSet.noneOf(ExperimentStatus.class);
        for (ExperimentStatus s : values()) {
            if (s.canMoveTo(target)) {
                sources.add(s);
            }
        }
        return sources;
    }
}
