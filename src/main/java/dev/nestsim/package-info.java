/**
 * nestsim, a REST service that simulates nested clouds. {@code model} is the plain-Java virtualization
 * model, {@code provisioning} the hosts, guest hypervisors and VMs users build, and {@code api} what every
 * HTTP endpoint shares (problem details, paging, versions, idempotency keys). See README.md.
 */
package dev.nestsim;
