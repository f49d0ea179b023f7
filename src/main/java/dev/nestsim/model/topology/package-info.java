/**
 * The path from a physical host through guest hypervisors to a leaf VM (MODEL.md sections 1, 2 and 6):
 * immutable values for each level's settings, the effective features at every level, and the
 * topology rules (depth, capacity, DVH links, passthrough) as named checks that return their reasons.
 */
package dev.nestsim.model.topology;
