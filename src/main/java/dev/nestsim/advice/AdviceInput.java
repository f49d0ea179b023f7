package dev.nestsim.advice;

import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.topology.DvhMechanism;
import java.util.Map;
import java.util.Set;

/**
 * A checked advice request, everything resolved (a hostId to its hardware), as stored: the search is a function of it.
 *
 * @param workload     the workload
 * @param parameters   its parameters as given
 * @param host         the host's hardware and L0's kernel and online CPUs
 * @param depth        the leaf's level
 * @param maxDepth     the deployment's deepest level when the request was made
 * @param objective    what to optimize
 * @param constraints  what the user allows
 * @param replications replications of every simulated candidate's run
 * @param seed         the seed of every run (common random numbers across the candidates)
 * @param maxSimulated the most candidates simulated
 * @param vmVcpus      the leaf's vCPUs
 * @param vmMemoryGib  the leaf's memory
 * @param space        the widened knobs' values as the request gave them (checked), or {@code null} for the default space (an
 *                     advice stored before the knobs has none)
 */
public record AdviceInput(String workload, Map<String, Double> parameters, HostBase host, int depth, int maxDepth, Objective objective,
                          Limits constraints, int replications, long seed, int maxSimulated, int vmVcpus, int vmMemoryGib,
                          AdviceSpec.SpaceSpec space) {

    /** An input with the default space. */
    public AdviceInput(String workload, Map<String, Double> parameters, HostBase host, int depth, int maxDepth, Objective objective,
                       Limits constraints, int replications, long seed, int maxSimulated, int vmVcpus, int vmMemoryGib) {
        this(workload, parameters, host, depth, maxDepth, objective, constraints, replications, seed, maxSimulated, vmVcpus, vmMemoryGib, null);
    }

    /**
     * The host every candidate runs on.
     *
     * @param profile     its catalogue profile, or {@code null} for a copy of a host's hardware
     * @param cores       physical cores
     * @param clockGhz    base clock
     * @param memoryGib   memory
     * @param nicGbps     NIC line rate
     * @param nicSriovVfs SR-IOV VFs
     * @param features    CPU features
     * @param kernel      L0's kernel ({@code linux-4.18})
     * @param onlineCpus  the CPUs L0 brings online
     */
    public record HostBase(String profile, int cores, double clockGhz, int memoryGib, double nicGbps, int nicSriovVfs, CpuFeatures features,
                           String kernel, int onlineCpus) {
    }

    /**
     * The constraints.
     *
     * @param liveMigratable        only live-migratable configurations, or {@code null}
     * @param minNormalizedToNative the least normalizedToNative mean, or {@code null}
     * @param maxCpuOverhead        the most extra server cycles per operation over native (0.5: 50% more), or {@code null}
     * @param hostFeatures          the host features configurations may use, or {@code null} for what the hardware has
     * @param availableDvh          the DVH mechanisms the platform offers, or {@code null} for all four
     */
    public record Limits(Boolean liveMigratable, Double minNormalizedToNative, Double maxCpuOverhead, Set<HostFeature> hostFeatures,
                         Set<DvhMechanism> availableDvh) {
    }
}
