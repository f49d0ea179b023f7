package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An advice to create, as asked for; {@link AdviceService#create} checks every field and reports every problem at once.
 *
 * @param workload     a workload of the catalogue (an application)
 * @param parameters   values for some of its parameters, or {@code null}
 * @param host         the host: exactly one of hostId and profile
 * @param depth        the leaf's level
 * @param objective    what to optimize, or {@code null} for maxNormalizedToNative
 * @param constraints  what the user allows, or {@code null} for nothing in particular
 * @param replications replications of every simulated run, or {@code null} for {@value AdviceService#DEFAULT_REPLICATIONS}
 * @param seed         the seed of every run, or {@code null} to have one chosen (and recorded)
 * @param maxSimulated the most candidates to simulate, or {@code null} for {@value Search#DEFAULT_SIMULATED}
 * @param vm           the leaf's size, or {@code null} for 4 vCPUs and 12 GiB
 * @param space        the knobs' values to widen the space with, or {@code null} for the default space
 */
public record AdviceSpec(String workload, Map<String, Double> parameters, HostChoice host, Integer depth, Objective objective,
                         ConstraintsSpec constraints, Integer replications, Long seed, Integer maxSimulated, VmSize vm, SpaceSpec space) {

    /** The space without a {@code space}: as every request was before the kernel, vCPU and per-level DVH knobs. */
    public AdviceSpec(String workload, Map<String, Double> parameters, HostChoice host, Integer depth, Objective objective,
                      ConstraintsSpec constraints, Integer replications, Long seed, Integer maxSimulated, VmSize vm) {
        this(workload, parameters, host, depth, objective, constraints, replications, seed, maxSimulated, vm, null);
    }

    /**
     * The values the widened knobs take, each {@code null} for the default; as given, and (checked) as stored with the advice.
     *
     * @param guestKernels the guest hypervisors' kernels to try ({@code linux-4.18}), or {@code null} for the host's only
     * @param vmVcpus      the leaf's vCPU counts to try, or {@code null} for {@code vm.vcpus} only
     * @param dvhPerLevel  {@code true} to let each level's DVH set differ (the chains the rules allow), or {@code null}/false for one
     *                     set at every level
     */
    public record SpaceSpec(List<String> guestKernels, List<Integer> vmVcpus, Boolean dvhPerLevel) {
    }

    /** A host that exists (its hardware is copied), or a template: a profile with L0's kernel and online CPUs. */
    public record HostChoice(UUID hostId, String profile, String kernel, Integer onlineCpus) {
    }

    /** The constraints, each {@code null} for none. */
    public record ConstraintsSpec(Boolean liveMigratable, Double minNormalizedToNative, Double maxCpuOverhead, Set<HostFeature> hostFeatures,
                                  Set<DvhMechanism> availableDvh) {
    }

    /** The leaf VM's size. */
    public record VmSize(Integer vcpus, Integer memoryGib) {
    }
}
