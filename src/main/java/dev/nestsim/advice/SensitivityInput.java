package dev.nestsim.advice;

import java.util.Map;

/**
 * A checked sensitivity request, every reference resolved, as stored: the analysis is a function of it.
 *
 * @param workload      the workload
 * @param parameters    its parameters as given
 * @param host          the host's hardware, L0's kernel and online CPUs
 * @param depth         the leaf's level
 * @param maxDepth      the deployment's deepest level when the request was made
 * @param configuration the knobs analysed
 * @param vmVcpus       the leaf's vCPUs
 * @param vmMemoryGib   the leaf's memory
 * @param replications  replications of the configuration and of each knob's alternative
 * @param trajectories  Morris trajectories
 * @param levels        the Morris grid's levels
 * @param seed          the seed
 */
public record SensitivityInput(String workload, Map<String, Double> parameters, AdviceInput.HostBase host, int depth, int maxDepth,
                               Configuration configuration, int vmVcpus, int vmMemoryGib, int replications, int trajectories, int levels,
                               long seed) {

    /** The configuration space request of this analysis (no constraints: a knob's alternative need only be allowed by the rules). */
    ConfigurationSpace.Request spaceRequest() {
        AdviceInput asAdvice = new AdviceInput(workload, parameters, host, depth, maxDepth, Objective.maxNormalizedToNative,
                new AdviceInput.Limits(null, null, null, null, null), replications, seed, 1, vmVcpus, vmMemoryGib);
        return Search.request(asAdvice);
    }
}
