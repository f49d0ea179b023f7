/**
 * Workloads run on a leaf: the catalogue ({@link dev.nestsim.model.workload.Workloads}), their parameters, and the
 * runners that turn a path and a seed into measurements reported like a real measurement, a mean with a 95%
 * confidence half-width over independent replications. Microbenchmarks are analytic (the exit cascade);
 * application workloads are a discrete-event simulation on SSJ (docs/workloads.md): CPUs at
 * every level with their idle and wake-up chains, the network path of the leaf's I/O model, a native client
 * machine across the link, every event priced by the exit cascade on the leaf's path.
 */
package dev.nestsim.model.workload;
