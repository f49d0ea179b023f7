/**
 * Experiments: a whole study in one call. An experiment crosses configurations (existing VMs or hosts, or the ones a
 * preset provisions for itself) with workloads; each (configuration, workload) cell is one run of the {@code runs}
 * machinery with the experiment's seed, so a cell re-run alone gives the same numbers. The {@code experiments} table
 * and its cells are the truth: {@link dev.nestsim.experiments.ExperimentFeeder} feeds the cells into the run queue as
 * room frees up, one guarded transaction per cell, and survives restarts. The HTTP API is in {@code web}.
 */
package dev.nestsim.experiments;
