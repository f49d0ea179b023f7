/**
 * The provisioning HTTP API under {@code /api/v1}: the host-profile catalogue, hosts, guest hypervisors,
 * VMs and their paths. Controllers are thin: request records in, a service call, response records out;
 * errors are the services' exceptions, written as problem details by {@code dev.nestsim.api}.
 */
package dev.nestsim.provisioning.web;
