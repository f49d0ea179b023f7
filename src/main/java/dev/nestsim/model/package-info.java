/**
 * The virtualization model of nestsim, in plain Java: no Spring, JPA or HTTP.
 *
 * <p>{@code hardware} describes physical hosts and their CPU features, {@code topology} the path from
 * a host through guest hypervisors to a leaf VM, {@code exits} the exit cascade that turns a guest
 * event into cycles at every level, and {@code workload} the workloads run on a leaf.
 * {@code docs/model.md} and {@code docs/workloads.md} explain it for users.
 */
package dev.nestsim.model;
