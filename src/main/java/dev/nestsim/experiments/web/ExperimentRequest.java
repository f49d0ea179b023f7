package dev.nestsim.experiments.web;

import dev.nestsim.experiments.ExperimentSpec;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.ViommuMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An experiment to create: a preset, or targets and workloads. Every field is checked, and every problem reported at once. */
@Schema(name = "ExperimentRequest", description = "Either a preset (GET /api/v1/experiment-presets), or targets and workloads: every "
        + "workload runs on every target, each (target, workload) cell one run with the experiment's seed",
        example = """
                {"name":"timer sweep","targets":[{"name":"L1","vmId":"9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d"},\
                {"name":"native","hostId":"0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11"}],\
                "workloads":[{"workload":"program-timer"},{"workload":"memcached","parameters":{"clientThreads":2}}],"replications":5,"seed":42}""")
public record ExperimentRequest(
        @Schema(description = "What to call it, 1 to 200 characters; required without a preset (a preset's name by default)", example = "timer sweep")
        String name,
        @Schema(description = "A preset of GET /api/v1/experiment-presets; excludes targets and workloads", example = "asplos20") String preset,
        @Schema(description = "Configurations that exist: VMs, or hosts (natively)") List<TargetItem> targets,
        @Schema(description = "Configurations the experiment provisions for itself, each on a host of its own, and deletes with itself; "
                + "with or instead of targets") List<TopologyItem> topologies,
        @Schema(description = "The workloads, each run on every target") List<WorkloadItem> workloads,
        @Schema(description = "Replications of every cell, 1 to the smallest maxReplications of its workloads; default 10 (a preset's own)",
                example = "10", minimum = "1") Integer replications,
        @Schema(description = "Seed of every cell's run, 0 to 9007199254740991 (2^53 - 1); chosen and recorded when absent. Every cell "
                + "shares it, so the configurations are compared under common random numbers, and a cell re-run alone as a run with this "
                + "seed gives the same numbers", example = "42", minimum = "0", maximum = "9007199254740991") Long seed) {

    /** One configuration: exactly one of vmId and hostId. */
    @Schema(name = "ExperimentTarget", description = "A configuration: exactly one of vmId (in that VM) and hostId (natively on that host)")
    public record TargetItem(
            @Schema(description = "Its name in the results; default the VM's or host's name. Unique within the experiment", example = "L2 DVH")
            String name,
            @Schema(description = "A VM to run in", example = "9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d") UUID vmId,
            @Schema(description = "A host to run on natively", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId) {
    }

    /** A configuration to provision. */
    @Schema(name = "ExperimentTopology", description = "A host of its own from a profile (L0), guest hypervisors (L1 first) and the leaf VM; "
            + "without vm the workloads run natively on the host. Every topology rule applies; a problem names its part "
            + "(topologies[1].hypervisors[0].vcpus)", example = """
            {"name":"L2 DVH","host":{"profile":"asplos20-testbed","onlineCpus":8,"kernel":"linux-4.18",\
            "dvh":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"]},\
            "hypervisors":[{"vcpus":6,"memoryGib":24,"viommu":"STATIC","dvh":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"]}],\
            "vm":{"vcpus":4,"memoryGib":12,"io":"VIRTUAL_PASSTHROUGH","dvh":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"]}}""")
    public record TopologyItem(
            @Schema(description = "Its name in the results, unique within the experiment", example = "L2 DVH",
                    requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) HostItem host,
            @Schema(description = "The guest hypervisors, L1 first") List<HypervisorItem> hypervisors,
            @Schema(description = "The leaf VM; absent to run natively on the host") VmItem vm) {
    }

    /** The host of a topology. */
    @Schema(name = "ExperimentTopologyHost", description = "A host from a catalogue profile, with L0's settings")
    public record HostItem(
            @Schema(description = "A profile of GET /api/v1/host-profiles", example = "asplos20-testbed") String profile,
            @Schema(description = "Physical cores, default the profile's", example = "20") Integer cores,
            @Schema(description = "Base clock, default the profile's", example = "2.2") Double clockGhz,
            @Schema(description = "Memory, default the profile's", example = "192") Integer memoryGib,
            @Schema(description = "The DVH mechanisms L0 supports; default none") Set<DvhMechanism> dvh,
            @Schema(description = "L0's kernel generation; default the profile's", example = "linux-4.18") String kernel,
            @Schema(description = "The CPUs L0 brings online; default all cores", example = "8") Integer onlineCpus,
            @Schema(description = "The calibration the host computes with: a calibration's id or name (POST /api/v1/calibrations), as in "
                    + "POST /api/v1/hosts; default none, the model's reference parameters. One that does not exist is a 422 (rule "
                    + "known-calibration) naming topologies[i].host.calibration, one fitted on another kernel than the host's is a 422 "
                    + "(rule calibration-kernel); nothing is created then", example = "my-icx") String calibration) {
    }

    /** A guest hypervisor of a topology. */
    @Schema(name = "ExperimentTopologyHypervisor", description = "A guest hypervisor")
    public record HypervisorItem(
            @Schema(example = "6", requiredMode = Schema.RequiredMode.REQUIRED) Integer vcpus,
            @Schema(example = "24", requiredMode = Schema.RequiredMode.REQUIRED) Integer memoryGib,
            @Schema(description = "What it provides to its guests; default none") Set<DvhMechanism> dvh,
            @Schema(description = "Its virtual IOMMU; default OFF") ViommuMode viommu,
            @Schema(description = "Its kernel generation; default its parent's", example = "linux-5.3") String kernel) {
    }

    /** The leaf VM of a topology. */
    @Schema(name = "ExperimentTopologyVm", description = "The leaf VM")
    public record VmItem(
            @Schema(example = "4", requiredMode = Schema.RequiredMode.REQUIRED) Integer vcpus,
            @Schema(example = "12", requiredMode = Schema.RequiredMode.REQUIRED) Integer memoryGib,
            @Schema(description = "Its I/O model; default VIRTIO") IoModel io,
            @Schema(description = "The mechanisms it asks for; default none") Set<DvhMechanism> dvh) {
    }

    /** One workload with its parameters. */
    @Schema(name = "ExperimentWorkload", description = "A workload of GET /api/v1/workloads and values for some of its parameters")
    public record WorkloadItem(
            @Schema(description = "The workload", example = "memcached", requiredMode = Schema.RequiredMode.REQUIRED) String workload,
            @Schema(description = "Values for some of its parameters; the others take their defaults", example = "{\"clientThreads\":2}")
            Map<String, Double> parameters) {
    }

    ExperimentSpec toSpec() {
        return new ExperimentSpec(name, preset,
                targets == null ? null : targets.stream().map(t -> t == null ? null : new ExperimentSpec.TargetSpec(t.name(), t.vmId(), t.hostId())).toList(),
                topologies == null ? null : topologies.stream().map(ExperimentRequest::topology).toList(),
                workloads == null ? null : workloads.stream().map(w -> w == null ? null : new ExperimentSpec.WorkloadSpec(w.workload(), w.parameters())).toList(),
                replications, seed);
    }

    private static ExperimentSpec.TopologySpec topology(TopologyItem t) {
        if (t == null) {
            return null;
        }
        HostItem h = t.host();
        return new ExperimentSpec.TopologySpec(t.name(), h == null ? null : new ExperimentSpec.HostPart(h.profile(), h.cores(), h.clockGhz(),
                h.memoryGib(), h.dvh(), h.kernel(), h.onlineCpus(), null, h.calibration()),
                t.hypervisors() == null ? null : t.hypervisors().stream().map(v -> v == null ? null
                        : new ExperimentSpec.HypervisorPart(v.vcpus(), v.memoryGib(), v.dvh(), v.viommu(), v.kernel())).toList(),
                t.vm() == null ? null : new ExperimentSpec.VmPart(t.vm().vcpus(), t.vm().memoryGib(), t.vm().io(), t.vm().dvh()));
    }
}
