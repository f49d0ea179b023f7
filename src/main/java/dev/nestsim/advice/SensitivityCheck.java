package dev.nestsim.advice;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Sizes;
import dev.nestsim.model.topology.Violation;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.provisioning.TopologyProperties;
import dev.nestsim.runs.RunService;
import dev.nestsim.runs.RunsProperties;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every check of a sensitivity request, all run before anything is reported: a malformed or out-of-range field is a 400 naming
 * every such field; when every field is well-formed but the workload, the profile or the host does not exist, or the topology
 * rules refuse the configuration on that host at that depth, a 422.
 */
@Component
class SensitivityCheck {

    static final int DEFAULT_TRAJECTORIES = 6;
    static final int MAX_TRAJECTORIES = 20;
    static final int DEFAULT_REPLICATIONS = 3;
    static final int MAX_REPLICATIONS = 5;
    /** The Morris grid's levels: 4, the usual choice (Campolongo et al. 2007), with a step of 2/3 of each range. */
    static final int LEVELS = 4;

    private final AdviceCheck advice;
    private final TopologyProperties topologyLimits;
    private final RunsProperties runLimits;

    SensitivityCheck(AdviceCheck advice, TopologyProperties topologyLimits, RunsProperties runLimits) {
        this.advice = advice;
        this.topologyLimits = topologyLimits;
        this.runLimits = runLimits;
    }

    SensitivityInput input(SensitivitySpec spec, long seed) {
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> unknown = new ArrayList<>();
        Optional<WorkloadRunner> runner = advice.workload(spec.workload(), spec.parameters(), invalid, unknown);
        Optional<AdviceInput.HostBase> host = advice.host(spec.host(), invalid, unknown);
        int maxDepth = topologyLimits.maxDepth();
        if (spec.depth() == null) {
            invalid.add(FieldProblem.of("depth", "not-null", "depth is required: the level the workload's VM runs at, 1 to " + maxDepth));
        } else if (spec.depth() < 1 || spec.depth() > maxDepth) {
            invalid.add(FieldProblem.of("depth", "depth-range", "depth must be between 1 and " + maxDepth + " (nestsim.topology.max-depth), was "
                    + spec.depth()));
        }
        int maxReplications = Math.min(MAX_REPLICATIONS, runner.map(r -> Math.min(r.descriptor().maxReplications(), runLimits.maxReplications()))
                .orElse(runLimits.maxReplications()));
        int replications = spec.replications() == null ? Math.min(DEFAULT_REPLICATIONS, maxReplications) : spec.replications();
        if (maxReplications < 2) {
            invalid.add(FieldProblem.of("replications", "replications-range", "a sensitivity analysis needs 2 replications (a knob's interval "
                    + "needs two pairs), and this workload or nestsim.runs.max-replications allows " + maxReplications));
        } else if (spec.replications() != null && (replications < 2 || replications > maxReplications)) {
            invalid.add(FieldProblem.of("replications", "replications-range", "replications must be between 2 (a knob's interval needs two "
                    + "pairs) and " + maxReplications + ", was " + replications));
        }
        int trajectories = spec.trajectories() == null ? DEFAULT_TRAJECTORIES : spec.trajectories();
        if (trajectories < 2 || trajectories > MAX_TRAJECTORIES) {
            invalid.add(FieldProblem.of("trajectories", "trajectories-range", "trajectories must be between 2 (a parameter's interval needs "
                    + "two elementary effects) and " + MAX_TRAJECTORIES + ", was " + trajectories));
        }
        if (spec.seed() != null && (spec.seed() < 0 || spec.seed() > RunService.MAX_SEED)) {
            invalid.add(FieldProblem.of("seed", "seed-range", "seed must be between 0 and " + RunService.MAX_SEED + ", was " + spec.seed()));
        }
        int vcpus = spec.vm() == null || spec.vm().vcpus() == null ? 4 : spec.vm().vcpus();
        int memory = spec.vm() == null || spec.vm().memoryGib() == null ? 12 : spec.vm().memoryGib();
        if (vcpus < 1 || vcpus > Sizes.MAX_VCPUS) {
            invalid.add(FieldProblem.of("vm.vcpus", "vcpus-range", "vm.vcpus must be between 1 and " + Sizes.MAX_VCPUS + ", was " + vcpus));
        }
        if (memory < 1 || memory > Sizes.MAX_MEMORY_GIB) {
            invalid.add(FieldProblem.of("vm.memoryGib", "memory-range", "vm.memoryGib must be between 1 and " + Sizes.MAX_MEMORY_GIB + ", was " + memory));
        }
        int depth = spec.depth() == null ? 1 : spec.depth();
        Integer leaf = spec.configuration() == null ? null : spec.configuration().vmVcpus();
        if (leaf != null) {
            if (leaf < 1 || leaf > AdviceCheck.MAX_SPACE_VCPUS) {
                invalid.add(FieldProblem.of("configuration.vmVcpus", "vcpus-range", "configuration.vmVcpus must be between 1 and "
                        + AdviceCheck.MAX_SPACE_VCPUS + ", was " + leaf));
            } else if (spec.vm() != null && spec.vm().vcpus() != null && !spec.vm().vcpus().equals(leaf)) {
                invalid.add(FieldProblem.of("vm.vcpus", "vcpus-match", "vm.vcpus " + spec.vm().vcpus() + " and configuration.vmVcpus " + leaf
                        + " disagree: give one of them"));
            } else {
                vcpus = leaf;
            }
        }
        Configuration configuration = host.map(h -> configuration(spec.configuration(), h, depth, invalid)).orElse(null);
        AdviceCheck.throwIfAny(invalid, unknown);
        SensitivityInput input = new SensitivityInput(spec.workload(), spec.parameters() == null ? Map.of() : spec.parameters(), host.orElseThrow(),
                depth, maxDepth, configuration.withVmVcpus(vcpus), vcpus, memory, replications, trajectories, LEVELS, seed);
        Candidate base = ConfigurationSpace.candidate(0, configuration, input.spaceRequest(), EnumSet.allOf(DvhMechanism.class));
        List<FieldProblem> refused = new ArrayList<>();
        for (Violation v : base.violations()) {
            refused.add(FieldProblem.of("configuration", v.rule(), "the topology rules refuse this configuration on the host at depth " + depth
                    + " (" + v.field() + "): " + v.message()));
        }
        AdviceCheck.throwIfAny(List.of(), refused);
        return input;
    }

    /** The knobs with their defaults filled in; a malformed combination adds its problem. */
    private static Configuration configuration(SensitivitySpec.ConfigurationSpec c, AdviceInput.HostBase host, int depth, List<FieldProblem> invalid) {
        CpuFeatures features = host.features();
        SensitivitySpec.ConfigurationSpec given = c == null ? new SensitivitySpec.ConfigurationSpec(null, null, null, null, null, null) : c;
        IoModel io = given.io() == null ? IoModel.VIRTIO : given.io();
        Set<DvhMechanism> dvh = EnumSet.noneOf(DvhMechanism.class);
        if (given.dvh() != null) {
            if (given.dvh().contains(null)) {
                invalid.add(FieldProblem.of("configuration.dvh", "known-dvh", "configuration.dvh must hold DVH mechanisms, not null"));
            } else {
                dvh.addAll(given.dvh());
            }
        }
        if (dvh.contains(DvhMechanism.VIRTUAL_PASSTHROUGH) && io != IoModel.VIRTUAL_PASSTHROUGH) {
            invalid.add(FieldProblem.of("configuration.dvh", "virtual-passthrough-io", "configuration.dvh holds VIRTUAL_PASSTHROUGH, which is the "
                    + "I/O model io VIRTUAL_PASSTHROUGH (io was " + io + ")"));
        }
        if (io == IoModel.VIRTUAL_PASSTHROUGH) {
            dvh.add(DvhMechanism.VIRTUAL_PASSTHROUGH);
        }
        boolean assigned = io == IoModel.PASSTHROUGH || io == IoModel.VIRTUAL_PASSTHROUGH;
        ViommuMode viommu = given.viommu() != null ? given.viommu() : assigned && depth > 1 ? ViommuMode.STATIC : ViommuMode.OFF;
        if (viommu != ViommuMode.OFF && (!assigned || depth == 1)) {
            invalid.add(FieldProblem.of("configuration.viommu", "viommu-needs-assignment", "configuration.viommu " + viommu + " is for a device "
                    + "assigned through guest hypervisors (io PASSTHROUGH or VIRTUAL_PASSTHROUGH at depth 2 or more); use OFF"));
        }
        boolean posted = given.postedInterrupts() != null ? given.postedInterrupts() : features.postedInterrupts();
        boolean vmcs = given.vmcsShadowing() != null ? given.vmcsShadowing() : depth > 1 && features.vmcsShadowing();
        long poll = given.haltPollNs() != null ? given.haltPollNs() : HypervisorSettings.KVM_DEFAULT_HALT_POLL_NS;
        if (poll < 0 || poll > HypervisorSettings.MAX_HALT_POLL_NS) {
            invalid.add(FieldProblem.of("configuration.haltPollNs", "halt-poll-range", "configuration.haltPollNs must be between 0 and "
                    + HypervisorSettings.MAX_HALT_POLL_NS + ", was " + poll));
            poll = 0;
        }
        List<Set<DvhMechanism>> levels = new ArrayList<>();
        if (given.hypervisorDvh() != null) {
            if (given.hypervisorDvh().size() != depth - 1) {
                invalid.add(FieldProblem.of("configuration.hypervisorDvh", "one-per-hypervisor", "configuration.hypervisorDvh must hold one DVH set "
                        + "per guest hypervisor, L1 first: " + (depth - 1) + " at depth " + depth + ", held " + given.hypervisorDvh().size()));
            }
            for (int i = 0; i < given.hypervisorDvh().size(); i++) {
                Set<DvhMechanism> level = given.hypervisorDvh().get(i);
                if (level == null || level.contains(null)) {
                    invalid.add(FieldProblem.of("configuration.hypervisorDvh[" + i + "]", "known-dvh", "configuration.hypervisorDvh[" + i
                            + "] must be a set of DVH mechanisms, not null"));
                    level = Set.of();
                }
                if (level.contains(DvhMechanism.VIRTUAL_PASSTHROUGH) && io != IoModel.VIRTUAL_PASSTHROUGH) {
                    invalid.add(FieldProblem.of("configuration.hypervisorDvh[" + i + "]", "virtual-passthrough-io", "configuration.hypervisorDvh["
                            + i + "] holds VIRTUAL_PASSTHROUGH, which is the I/O model io VIRTUAL_PASSTHROUGH (io was " + io + ")"));
                }
                Set<DvhMechanism> provided = EnumSet.noneOf(DvhMechanism.class);
                provided.addAll(level);
                if (io == IoModel.VIRTUAL_PASSTHROUGH) {
                    provided.add(DvhMechanism.VIRTUAL_PASSTHROUGH);
                }
                levels.add(provided);
            }
            if (invalid.stream().anyMatch(p -> p.field().startsWith("configuration.hypervisorDvh"))) {
                levels = List.of();
            }
        }
        String kernel = given.guestKernel();
        if (kernel != null) {
            if (depth == 1) {
                invalid.add(FieldProblem.of("configuration.guestKernel", "needs-guest-hypervisors", "configuration.guestKernel is the guest "
                        + "hypervisors' kernel, and at depth 1 there are none (L0 runs host.kernel)"));
                kernel = null;
            } else if (dev.nestsim.model.hardware.KernelGeneration.byApiName(kernel).isEmpty()) {
                invalid.add(FieldProblem.of("configuration.guestKernel", "known-kernel", "configuration.guestKernel must be one of "
                        + dev.nestsim.model.hardware.KernelGeneration.allowedNames() + ", was " + dev.nestsim.api.Echo.quoted(kernel)));
                kernel = null;
            }
        } else if (depth > 1) {
            kernel = host.kernel();
        }
        return new Configuration(io, dvh, viommu, posted, vmcs, poll, levels, kernel, null);
    }
}
