package dev.nestsim.advice;

import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.ParentCapacity;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.TopologyRules;
import dev.nestsim.model.topology.Violation;
import dev.nestsim.model.topology.ViommuMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration space of one request: every combination of the knobs of {@link Configuration} on the request's host
 * and depth, each checked by {@link TopologyRules} (a refused one keeps its violations) and by the request's constraints.
 * Knobs that cannot matter are not varied (the virtual IOMMU without an assigned device; VMCS shadowing at depth 1 or on a
 * CPU without it), so no two candidates are the same configuration. Pure and deterministic: the same request, the same
 * candidates in the same order.
 */
public final class ConfigurationSpace {

    /** The halt-polling windows tried: none, and KVM's default. */
    public static final List<Long> HALT_POLL_NS = List.of(0L, HypervisorSettings.KVM_DEFAULT_HALT_POLL_NS);

    /**
     * The fixed part of the request.
     *
     * @param host          the host's hardware, kernel and online CPUs (its L0 settings are the knobs')
     * @param depth         the leaf's level, 1 to {@code maxDepth}
     * @param maxDepth      the deployment's deepest level
     * @param vmVcpus       the leaf's vCPUs; a guest hypervisor at level k has {@code vmVcpus + 2 (depth - k)}
     * @param vmMemoryGib   the leaf's memory; a guest hypervisor at level k has {@code vmMemoryGib (1 + depth - k)}
     * @param constraints   what the user allows
     */
    public record Request(Host host, int depth, int maxDepth, int vmVcpus, int vmMemoryGib, Constraints constraints) {
    }

    /**
     * What the user allows.
     *
     * @param liveMigratable true to keep only configurations that can be live-migrated, or {@code null}
     * @param hostFeatures   the host features configurations may use, or {@code null} for whatever the hardware has
     * @param availableDvh   the DVH mechanisms the platform offers, or {@code null} for all four
     */
    public record Constraints(Boolean liveMigratable, Set<HostFeature> hostFeatures, Set<DvhMechanism> availableDvh) {
    }

    private ConfigurationSpace() {
    }

    /** Every candidate of the space, in a stable order. */
    public static List<Candidate> enumerate(Request request) {
        Set<DvhMechanism> available = request.constraints().availableDvh() == null ? EnumSet.allOf(DvhMechanism.class)
                : request.constraints().availableDvh();
        CpuFeatures features = request.host().hardware().features();
        List<Set<DvhMechanism>> subsets = subsets(List.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI, DvhMechanism.VIRTUAL_IDLE));
        List<Candidate> out = new ArrayList<>();
        for (IoModel io : IoModel.values()) {
            for (Set<DvhMechanism> subset : subsets) {
                Set<DvhMechanism> dvh = EnumSet.noneOf(DvhMechanism.class);
                dvh.addAll(subset);
                if (io == IoModel.VIRTUAL_PASSTHROUGH) {
                    dvh.add(DvhMechanism.VIRTUAL_PASSTHROUGH);
                }
                for (ViommuMode viommu : viommuModes(io, request.depth())) {
                    for (boolean posted : List.of(true, false)) {
                        for (boolean vmcs : vmcsChoices(request.depth(), features)) {
                            for (long poll : HALT_POLL_NS) {
                                Configuration c = new Configuration(io, dvh, viommu, posted, vmcs, poll);
                                out.add(candidate(out.size(), c, request, available));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<ViommuMode> viommuModes(IoModel io, int depth) {
        return depth > 1 && (io == IoModel.PASSTHROUGH || io == IoModel.VIRTUAL_PASSTHROUGH) ? List.of(ViommuMode.values()) : List.of(ViommuMode.OFF);
    }

    private static List<Boolean> vmcsChoices(int depth, CpuFeatures features) {
        return depth > 1 && features.vmcsShadowing() ? List.of(true, false) : List.of(false);
    }

    private static List<Set<DvhMechanism>> subsets(List<DvhMechanism> of) {
        List<Set<DvhMechanism>> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << of.size(); mask++) {
            Set<DvhMechanism> s = EnumSet.noneOf(DvhMechanism.class);
            for (int i = 0; i < of.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(of.get(i));
                }
            }
            out.add(s);
        }
        return out;
    }

    /** The path of {@code c} on the request's host: the knobs at every level. */
    public static Path path(Configuration c, Request request) {
        Host base = request.host();
        TimerOffload offload = base.hardware().features().preemptionTimer() ? TimerOffload.PREEMPTION_TIMER : TimerOffload.HRTIMER;
        KernelGeneration kernel = base.kernel();
        HypervisorSettings l0 = new HypervisorSettings(c.dvh(), c.haltPollNs(), offload, c.vmcsShadowing(), c.postedInterrupts(), kernel);
        Host host = new Host(base.name(), base.hardware(), l0, base.onlineCpus());
        List<GuestHypervisor> chain = new ArrayList<>();
        int depth = request.depth();
        for (int k = 1; k < depth; k++) {
            HypervisorSettings s = new HypervisorSettings(c.dvh(), c.haltPollNs(), TimerOffload.PREEMPTION_TIMER, c.vmcsShadowing(),
                    c.postedInterrupts());
            chain.add(new GuestHypervisor("L" + k, hypervisorVcpus(request, k), hypervisorMemoryGib(request, k), s, c.viommu()));
        }
        Set<DvhMechanism> leafDvh = EnumSet.noneOf(DvhMechanism.class);
        leafDvh.addAll(c.dvh());
        return Path.toLeaf(host, chain, new LeafVm("vm", request.vmVcpus(), request.vmMemoryGib(), c.io(), leafDvh, c.postedInterrupts()));
    }

    static int hypervisorVcpus(Request request, int level) {
        return request.vmVcpus() + 2 * (request.depth() - level);
    }

    static int hypervisorMemoryGib(Request request, int level) {
        return request.vmMemoryGib() * (1 + request.depth() - level);
    }

    static Candidate candidate(int index, Configuration c, Request request, Set<DvhMechanism> available) {
        Path path = path(c, request);
        List<Violation> violations = new ArrayList<>(TopologyRules.checkHost(path.host()));
        for (int k = 1; k < request.depth(); k++) {
            Path upTo = Path.toHypervisor(path.host(), path.hypervisors().subList(0, k));
            ParentCapacity room = k == 1 ? new ParentCapacity(path.host().onlineCpus(), path.host().hardware().memoryGib(), 0)
                    : new ParentCapacity(path.hypervisor(k - 1).vcpus(), path.hypervisor(k - 1).memoryGib(), 0);
            violations.addAll(TopologyRules.checkHypervisor(upTo, request.maxDepth(), room));
        }
        ParentCapacity room = request.depth() == 1
                ? new ParentCapacity(path.host().onlineCpus(), path.host().hardware().memoryGib(), path.host().hardware().nic().sriovVfs())
                : new ParentCapacity(path.hypervisor(request.depth() - 1).vcpus(), path.hypervisor(request.depth() - 1).memoryGib(),
                        path.host().hardware().nic().sriovVfs());
        violations.addAll(TopologyRules.checkLeaf(path, request.maxDepth(), room));
        Set<HostFeature> needs = needs(c, request.depth());
        return new Candidate(index, c, path, violations, excluded(c, path, needs, request.constraints(), available), needs,
                Requirements.of(c, path));
    }

    static Set<HostFeature> needs(Configuration c, int depth) {
        Set<HostFeature> needs = EnumSet.noneOf(HostFeature.class);
        if (c.postedInterrupts()) {
            needs.add(HostFeature.POSTED_INTERRUPTS);
        }
        if (c.vmcsShadowing() && depth > 1) {
            needs.add(HostFeature.VMCS_SHADOWING);
        }
        if (c.io() == IoModel.PASSTHROUGH) {
            needs.add(HostFeature.IOMMU);
            needs.add(HostFeature.SR_IOV);
        }
        return needs;
    }

    private static String excluded(Configuration c, Path path, Set<HostFeature> needs, Constraints constraints, Set<DvhMechanism> available) {
        if (Boolean.TRUE.equals(constraints.liveMigratable()) && !path.liveMigratable()) {
            return "constraints.liveMigratable: " + c.io() + " assigns a physical VF, which cannot be live-migrated";
        }
        for (DvhMechanism m : c.dvh()) {
            if (!available.contains(m)) {
                return "constraints.availableDvh: needs " + m + ", which the platform does not offer";
            }
        }
        if (constraints.hostFeatures() != null) {
            for (HostFeature f : needs) {
                if (!constraints.hostFeatures().contains(f)) {
                    return "constraints.hostFeatures: needs " + f + ", which the host may not use";
                }
            }
        }
        return null;
    }
}
