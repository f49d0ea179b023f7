/**
 * What one replication measured over its window: the measurement that starts and stops it ({@link
 * dev.nestsim.model.workload.results.Measurement}), CPU use per level with exits and cycles by reason ({@link
 * dev.nestsim.model.workload.results.Usage}), a latency summary instead of every sample, and the replication's
 * {@link dev.nestsim.model.workload.results.Outcome}.
 */
package dev.nestsim.model.workload.results;
