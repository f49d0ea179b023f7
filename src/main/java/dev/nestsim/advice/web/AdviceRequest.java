package dev.nestsim.advice.web;

import dev.nestsim.advice.AdviceSpec;
import dev.nestsim.advice.HostFeature;
import dev.nestsim.advice.Objective;
import dev.nestsim.model.topology.DvhMechanism;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An advice to create. Every field is checked, and every problem reported at once. */
@Schema(name = "AdviceRequest", description = "A workload, a host and a depth: the advisor enumerates every configuration the topology rules "
        + "allow there (I/O model, DVH mechanisms, virtual IOMMU mode, posted interrupts, VMCS shadowing exposure, halt polling; with a space, "
        + "the guest hypervisors' kernel, the VM's vCPUs and DVH sets per level too; at most 1,024), screens each analytically, simulates the "
        + "most promising (at most 16, twice at most) and ranks them",
        example = """
                {"workload":"memcached","host":{"profile":"asplos20-testbed","kernel":"linux-4.18","onlineCpus":8},"depth":2,\
                "objective":"maxNormalizedToNative","constraints":{"liveMigratable":true,"minNormalizedToNative":0.5},\
                "replications":3,"seed":42,"space":{"guestKernels":["linux-4.18","linux-5.10"]}}""")
public record AdviceRequest(
        @Schema(description = "An application workload of GET /api/v1/workloads", example = "memcached",
                requiredMode = Schema.RequiredMode.REQUIRED) String workload,
        @Schema(description = "Values for some of its parameters", example = "{\"clientThreads\":2}") Map<String, Double> parameters,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) HostItem host,
        @Schema(description = "The level the workload's VM runs at, 1 to nestsim.topology.max-depth", example = "2",
                requiredMode = Schema.RequiredMode.REQUIRED) Integer depth,
        @Schema(description = "What to optimize; default maxNormalizedToNative") Objective objective,
        ConstraintsItem constraints,
        @Schema(description = "Replications of every simulated run, 1 to the workload's maxReplications; default 3", example = "3")
        Integer replications,
        @Schema(description = "Seed of every run, 0 to 9007199254740991; chosen and recorded when absent", example = "42") Long seed,
        @Schema(description = "The most candidates simulated, 1 to 16; default 6", example = "6") Integer maxSimulated,
        VmItem vm,
        SpaceItem space) {

    /** The knobs the default space keeps fixed, widened. */
    @Schema(name = "AdviceSpace", description = "Widens the space with knobs the default keeps fixed; each absent for the default. With a "
            + "space, candidates the constraints exclude are not enumerated (they would only fill the cap of 1,024); a space over the cap is a "
            + "400 on space saying by how much", example = """
            {"guestKernels":["linux-4.18","linux-5.10"],"vmVcpus":[2,4]}""")
    public record SpaceItem(
            @ArraySchema(arraySchema = @Schema(description = "The kernels the guest hypervisors may run (every one the same; L0 runs host.kernel), "
                    + "1 to 4 distinct of linux-4.18, linux-5.3, linux-5.10; depth 2 or more. Default: the host's", example = "[\"linux-4.18\",\"linux-5.10\"]"),
                    minItems = 1, maxItems = 4, uniqueItems = true)
            java.util.List<String> guestKernels,
            @ArraySchema(arraySchema = @Schema(description = "The VM's vCPU counts to try, 1 to 4 distinct of 1 to 64 (each guest hypervisor at level k "
                    + "gets vcpus + 2 (depth - k)); one that does not fit the host's online CPUs is refused by the rule fits-parent-vcpus. "
                    + "Default: vm.vcpus (which, when given, must be one of them). Each figure is normalized to native with as many CPUs as the "
                    + "VM has vCPUs", example = "[2,4]"), schema = @Schema(minimum = "1", maximum = "64"), minItems = 1, maxItems = 4,
                    uniqueItems = true) java.util.List<Integer> vmVcpus,
            @Schema(description = "true: each guest hypervisor may provide another DVH set than the VM uses, every chain the rule "
                    + "dvh-provided-by-path allows (each level provides what the levels above it use); depth 2 or more. Default false: one "
                    + "set at every level", example = "false") Boolean dvhPerLevel) {
    }

    /** The host: an existing one's hardware, or a profile. */
    @Schema(name = "AdviceHost", description = "Exactly one of hostId (that host's hardware, kernel and online CPUs, copied: the host itself "
            + "is not changed) and profile (with L0's kernel and online CPUs)")
    public record HostItem(
            @Schema(description = "A host of GET /api/v1/hosts", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId,
            @Schema(description = "A profile of GET /api/v1/host-profiles", example = "asplos20-testbed") String profile,
            @Schema(description = "L0's kernel generation with a profile; default the profile's", example = "linux-4.18") String kernel,
            @Schema(description = "The CPUs L0 brings online with a profile; default all cores", example = "8") Integer onlineCpus) {
    }

    /** What the user allows. */
    @Schema(name = "AdviceConstraints", description = "What the configurations must satisfy; each absent for no constraint")
    public record ConstraintsItem(
            @Schema(description = "Only configurations that can be live-migrated (no physical VF assigned)", example = "true") Boolean liveMigratable,
            @Schema(description = "The least normalizedToNative mean, above 0 and at most 1", example = "0.7") Double minNormalizedToNative,
            @Schema(description = "The most extra server cycles per operation over native, 0 to 1000 (0.5: 50% more)", example = "1.5")
            Double maxCpuOverhead,
            @Schema(description = "The host features configurations may use; default what the hardware has") Set<HostFeature> hostFeatures,
            @Schema(description = "The DVH mechanisms the platform offers; default all four") Set<DvhMechanism> availableDvh) {
    }

    /** The leaf VM's size. */
    @Schema(name = "AdviceVm", description = "The leaf VM's size; each guest hypervisor at level k gets vcpus + 2 (depth - k) vCPUs and "
            + "memoryGib (1 + depth - k) GiB")
    public record VmItem(@Schema(description = "Default 4", example = "4") Integer vcpus,
                         @Schema(description = "Default 12", example = "12") Integer memoryGib) {
    }

    AdviceSpec toSpec() {
        return new AdviceSpec(workload, parameters, host == null ? null : new AdviceSpec.HostChoice(host.hostId(), host.profile(), host.kernel(),
                host.onlineCpus()), depth, objective, constraints == null ? null : new AdviceSpec.ConstraintsSpec(constraints.liveMigratable(),
                constraints.minNormalizedToNative(), constraints.maxCpuOverhead(), constraints.hostFeatures(), constraints.availableDvh()),
                replications, seed, maxSimulated, vm == null ? null : new AdviceSpec.VmSize(vm.vcpus(), vm.memoryGib()),
                space == null ? null : new AdviceSpec.SpaceSpec(space.guestKernels(), space.vmVcpus(), space.dvhPerLevel()));
    }
}
