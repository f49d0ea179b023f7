/**
 * Physical hosts: CPU and chipset virtualization features, NIC, and the named host profiles (real
 * Intel server generations with their true feature sets, each with its source).
 */
package dev.nestsim.model.hardware;
