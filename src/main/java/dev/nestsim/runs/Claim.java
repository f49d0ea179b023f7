package dev.nestsim.runs;

import java.time.Instant;
import java.util.UUID;

/**
 * One execution's ownership of a run: attempt {@code attempt}, by {@code executor}. Every update an execution
 * makes is guarded by the pair, so an execution that lost its lease can change nothing.
 *
 * @param runId           the run
 * @param attempt         the attempt this execution is, from 1
 * @param executor        the instance executing it
 * @param workload        the workload's name
 * @param target          what it runs on
 * @param level           the level it runs at
 * @param parameters      every parameter, as stored (JSON)
 * @param seed            its seed
 * @param replications    replications to run
 * @param snapshot        the path configuration, as stored (JSON)
 * @param cancelRequested whether a cancellation was asked for before this attempt started
 * @param createdAt       when the run was submitted
 * @param tenant          whose run it is (its metric rows are the same tenant's)
 */
record Claim(UUID runId, int attempt, String executor, String workload, Target target, int level, String parameters, long seed,
             int replications, String snapshot, boolean cancelRequested, Instant createdAt,
             String tenant) {
}
