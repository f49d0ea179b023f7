/**
 * Workloads run on a leaf: the catalogue ({@link Workloads}), their parameters, and the runners that turn a
 * path and a seed into measurements reported like a real measurement, a mean with a 95% confidence
 * half-width over independent replications. Microbenchmarks are analytic (the exit cascade); application
 * workloads are a discrete-event simulation (MODEL.md section 8).
 */
package dev.nestsim.model.workload;
