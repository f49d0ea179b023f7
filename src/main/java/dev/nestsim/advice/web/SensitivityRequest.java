package dev.nestsim.advice.web;

import dev.nestsim.advice.AdviceSpec;
import dev.nestsim.advice.SensitivitySpec;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A sensitivity analysis to run. Every field is checked, and every problem reported at once. */
@Schema(name = "SensitivityRequest", description = "One configuration (the knobs, as an advice's recommendation gives them) of a workload on "
        + "a host at a depth: which knobs, changed one at a time, and which of the model's estimated parameters, moved across their "
        + "plausible ranges (Morris elementary effects), move its normalizedToNative most",
        example = """
                {"workload":"memcached","host":{"profile":"asplos20-testbed","kernel":"linux-4.18","onlineCpus":8},"depth":2,\
                "configuration":{"io":"VIRTIO","dvh":[],"postedInterrupts":true,"vmcsShadowing":true},\
                "replications":3,"trajectories":6,"seed":42}""")
public record SensitivityRequest(
        @Schema(description = "An application workload of GET /api/v1/workloads", example = "memcached",
                requiredMode = Schema.RequiredMode.REQUIRED) String workload,
        @Schema(description = "Values for some of its parameters", example = "{\"clientThreads\":2}") Map<String, Double> parameters,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AdviceRequest.HostItem host,
        @Schema(description = "The level the workload's VM runs at, 1 to nestsim.topology.max-depth", example = "2",
                requiredMode = Schema.RequiredMode.REQUIRED) Integer depth,
        ConfigurationItem configuration,
        AdviceRequest.VmItem vm,
        @Schema(description = "Replications of the configuration and of each knob's alternative, 2 to 5 (and the workload's "
                + "maxReplications); default 3. Each Morris point is one replication of the same seed", example = "3") Integer replications,
        @Schema(description = "Morris trajectories, 2 to 20; default 6. Each costs one simulation per parameter the path reads, plus one",
                example = "6") Integer trajectories,
        @Schema(description = "Seed of every simulation and of the Morris design, 0 to 9007199254740991; chosen and recorded when absent",
                example = "42") Long seed) {

    /** The knobs. */
    @Schema(name = "SensitivityConfiguration", description = "The knobs, the same at every level of the path unless hypervisorDvh says "
            + "otherwise; each absent for its default. An advice's recommendation gives them as its configuration")
    public record ConfigurationItem(
            @Schema(description = "The leaf's I/O model; default VIRTIO") IoModel io,
            @ArraySchema(arraySchema = @Schema(description = "The DVH mechanisms; default none. VIRTUAL_PASSTHROUGH is io VIRTUAL_PASSTHROUGH "
                    + "(implied by it)"), maxItems = 4, uniqueItems = true) Set<DvhMechanism> dvh,
            @Schema(description = "The guest hypervisors' virtual IOMMU; default OFF, STATIC when a device is assigned through them")
            ViommuMode viommu,
            @Schema(description = "Whether every level posts interrupts; default whether the CPU has them", example = "true")
            Boolean postedInterrupts,
            @Schema(description = "Whether every hypervisor exposes VMCS shadowing; default at depth 2 and more whether the CPU has it",
                    example = "true") Boolean vmcsShadowing,
            @Schema(description = "Every hypervisor's halt-polling window in ns, 0 to 10000000; default 200000", example = "200000")
            Long haltPollNs,
            @ArraySchema(arraySchema = @Schema(description = "The DVH set each guest hypervisor provides, L1 first: one per guest hypervisor "
                    + "(depth - 1); default each provides dvh. L0 supports every mechanism some level uses. A level that provides what the one "
                    + "below it does not is a 422 (rule dvh-provided-by-path)", example = "[[\"VIRTUAL_TIMER\",\"VIRTUAL_IPI\"]]"), maxItems = 4)
            List<Set<DvhMechanism>> hypervisorDvh,
            @Schema(description = "The kernel every guest hypervisor runs (linux-4.18, linux-5.3, linux-5.10); depth 2 or more; default the "
                    + "host's", example = "linux-5.10") String guestKernel,
            @Schema(description = "The VM's vCPUs, 1 to 64; default vm.vcpus (which, when given, must be the same)", example = "4")
            Integer vmVcpus) {
    }

    SensitivitySpec toSpec() {
        return new SensitivitySpec(workload, parameters, host == null ? null : new AdviceSpec.HostChoice(host.hostId(), host.profile(),
                host.kernel(), host.onlineCpus()), depth, configuration == null ? null : new SensitivitySpec.ConfigurationSpec(configuration.io(),
                configuration.dvh(), configuration.viommu(), configuration.postedInterrupts(), configuration.vmcsShadowing(),
                configuration.haltPollNs(), configuration.hypervisorDvh(), configuration.guestKernel(), configuration.vmVcpus()), vm == null ? null : new AdviceSpec.VmSize(vm.vcpus(), vm.memoryGib()), replications, trajectories,
                seed);
    }
}
