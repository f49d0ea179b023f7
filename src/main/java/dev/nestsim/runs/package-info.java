/**
 * Simulation runs: a workload on a VM (or natively on a host), submitted, queued, executed asynchronously,
 * cancelled, and its result and metrics stored for later comparison. The {@code runs} table is the truth about a
 * run; each status change is a guarded update that follows {@link dev.nestsim.runs.RunStatus}. A run is executed
 * from the snapshot of its path taken at submission, with its recorded seed, by whichever of this instance's
 * executor and a JobRunr job claims it first; a crashed execution's run is claimed again when its lease expires.
 * The HTTP API is in {@code web}.
 */
package dev.nestsim.runs;
