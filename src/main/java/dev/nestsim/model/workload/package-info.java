/**
 * Workloads run on a leaf: the catalogue ({@link dev.nestsim.model.workload.Workloads}), their parameters, and the
 * runners that turn a path and a seed into measurements reported like a real measurement, a mean with a 95%
 * confidence half-width over independent replications, normalised to native replication by replication.
 * Microbenchmarks are analytic (the exit cascade); application workloads are a discrete-event simulation on SSJ
 * (docs/workloads.md) built from four sub-packages, each depending only on the ones before it:
 * <ol>
 *   <li>{@link dev.nestsim.model.workload.machine}: the simulated machine, its clock and events, the CPUs of every
 *       level with their run queues, idle and wake-up chains, interrupts and IPIs, and the accounts every cycle and
 *       exit is booked to;</li>
 *   <li>{@link dev.nestsim.model.workload.net}: the network path of the leaf's I/O model, from the client's wire
 *       through L0's NIC queues, each hypervisor's backend and relay, to the leaf's NAPI;</li>
 *   <li>{@link dev.nestsim.model.workload.results}: what one replication measured, over its window;</li>
 *   <li>{@link dev.nestsim.model.workload.apps}: the applications (netperf, Apache, Memcached, MySQL, Hackbench) as
 *       threads, conversations and streams on that machine and path.</li>
 * </ol>
 * This package ties them together: it replicates, pairs each replication with its native twin, and summarises.
 */
package dev.nestsim.model.workload;
