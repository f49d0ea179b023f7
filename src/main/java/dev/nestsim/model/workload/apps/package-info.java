/**
 * The application workloads as the paper ran them, on the machine and network path of the sibling packages: netperf,
 * Apache, Memcached and MySQL as client-server conversations ({@link
 * dev.nestsim.model.workload.apps.ConversationSim}, shaped by {@link dev.nestsim.model.workload.apps.Profiles}),
 * TCP_STREAM and TCP_MAERTS as streams, Hackbench as processes exchanging messages, with the server's threads, its
 * TLB shootdowns and MySQL's redo log. Each {@link dev.nestsim.model.workload.apps.WorkloadModel} simulates one
 * replication.
 */
package dev.nestsim.model.workload.apps;
