/**
 * The path from a physical host through guest hypervisors to a leaf VM (docs/model.md sections 1 and 3):
 * immutable values for each level's settings, the effective features at every level, and the
 * topology rules (depth, capacity, DVH links, passthrough) as named checks that return their reasons.
 */
package dev.nestsim.model.topology;
