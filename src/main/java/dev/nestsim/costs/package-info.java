/**
 * Exit costs and microbenchmarks of provisioned VMs and hosts: the exit-cascade engine of
 * {@code dev.nestsim.model.exits} applied to a resource's path, synchronously (the cascade is analytic).
 */
package dev.nestsim.costs;
