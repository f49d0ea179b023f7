package dev.nestsim.advice.web;

import dev.nestsim.advice.AdviceSpec;
import dev.nestsim.advice.SensitivitySpec;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(name = "SensitivityConfiguration", description = "The knobs, the same at every level of the path; each absent for its default. "
            + "An advice's recommendation gives them as its configuration")
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
            Long haltPollNs) {
    }

    SensitivitySpec toSpec() {
        return new SensitivitySpec(workload, parameters, host == null ? null : new AdviceSpec.HostChoice(host.hostId(), host.profile(),
                host.kernel(), host.onlineCpus()), depth, configuration == null ? null : new SensitivitySpec.ConfigurationSpec(configuration.io(),
                configuration.dvh(), configuration.viommu(), configuration.postedInterrupts(), configuration.vmcsShadowing(),
                configuration.haltPollNs()), vm == null ? null : new AdviceSpec.VmSize(vm.vcpus(), vm.memoryGib()), replications, trajectories,
                seed);
    }
}
