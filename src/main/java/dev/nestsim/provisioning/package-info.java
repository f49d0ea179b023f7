/**
 * Provisioning: physical hosts (with their host hypervisor L0), guest hypervisors and leaf VMs, stored
 * with JPA and checked with the model's topology rules ({@code dev.nestsim.model.topology.TopologyRules}).
 *
 * <p>The services here are the feature's public face: {@link dev.nestsim.provisioning.HostService},
 * {@link dev.nestsim.provisioning.HypervisorService} and {@link dev.nestsim.provisioning.VmService} change
 * the topology, and {@link dev.nestsim.provisioning.TopologyService} builds a model {@code Path} for a VM,
 * a guest hypervisor or a bare host, for the features that simulate on it. Repositories stay package-private;
 * the HTTP API is in {@code web}.
 */
package dev.nestsim.provisioning;
