package dev.nestsim.experiments;

import dev.nestsim.runs.Target;

/**
 * A configuration of an experiment: what its cells run on.
 *
 * @param position    its place in the experiment, from 0
 * @param name        its name in the results ({@code L2 baseline})
 * @param target      the VM or host
 * @param provisioned whether the experiment provisioned it (and deletes it with itself)
 */
public record ExperimentConfiguration(int position, String name, Target target, boolean provisioned) {
}
