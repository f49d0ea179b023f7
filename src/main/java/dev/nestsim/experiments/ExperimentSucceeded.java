package dev.nestsim.experiments;

import java.util.UUID;

/**
 * Published in the transaction that moves an experiment to SUCCEEDED (listeners that want it committed listen after
 * commit): what can only be made once every cell has its result, its report, can be made now.
 *
 * @param experimentId the experiment
 */
public record ExperimentSucceeded(UUID experimentId) {
}
