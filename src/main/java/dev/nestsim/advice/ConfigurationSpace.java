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
 * CPU without it; the guest hypervisors' kernel at depth 1), so no two candidates are the same configuration. Pure and
 * deterministic: the same request, the same candidates in the same order.
 *
 * <p>The default space (one kernel, the host's; one vCPU count, the request's; the same DVH set at every level) enumerates the
 * candidates the constraints exclude too, counted as excluded. A widened space ({@link Space#widened}) leaves them out, so that
 * the cap ({@link #MAX_CANDIDATES}) counts only what the constraints allow the rules to judge; its DVH sets per level are the
 * chains the rule {@code dvh-provided-by-path} allows (every level provides what the levels above it use): any other assignment
 * is refused by that rule whatever the other knobs are, so enumerating it would only fill the cap with refusals.
 */
public final class ConfigurationSpace {

    /** The halt-polling windows tried: none, and KVM's default. */
    public static final List<Long> HALT_POLL_NS = List.of(0L, HypervisorSettings.KVM_DEFAULT_HALT_POLL_NS);
    /** The most candidates a space may have. */
    public static final int MAX_CANDIDATES = 1_024;
    /** The DVH mechanisms the space varies (VIRTUAL_PASSTHROUGH goes with the I/O model of that name). */
    static final List<DvhMechanism> VARIED_DVH = List.of(DvhMechanism.VIRTUAL_TIMER, DvhMechanism.VIRTUAL_IPI, DvhMechanism.VIRTUAL_IDLE);

    /**
     * The fixed part of the request.
     *
     * @param host          the host's hardware, kernel and online CPUs (its L0 settings are the knobs')
     * @param depth         the leaf's level, 1 to {@code maxDepth}
     * @param maxDepth      the deployment's deepest level
     * @param vmVcpus       the request's leaf vCPUs ({@code vm.vcpus}): what a configuration without its own {@code vmVcpus} has
     * @param vmMemoryGib   the leaf's memory; a guest hypervisor at level k has {@code vmMemoryGib (1 + depth - k)}
     * @param constraints   what the user allows
     * @param space         the values the widened knobs take
     */
    public record Request(Host host, int depth, int maxDepth, int vmVcpus, int vmMemoryGib, Constraints constraints, Space space) {

        /** The default space: the host's kernel, {@code vmVcpus}, uniform DVH sets. */
        public Request(Host host, int depth, int maxDepth, int vmVcpus, int vmMemoryGib, Constraints constraints) {
            this(host, depth, maxDepth, vmVcpus, vmMemoryGib, constraints, null);
        }

        public Request {
            space = space == null ? Space.defaults(host.kernel(), vmVcpus) : space;
        }
    }

    /**
     * The values of the knobs a request may widen.
     *
     * @param guestKernels the guest hypervisors' kernels tried (ignored at depth 1, where there are none)
     * @param vmVcpus      the leaf's vCPU counts tried
     * @param dvhPerLevel  whether the DVH sets may differ from level to level
     * @param widened      whether the request asked for a space of its own (then excluded candidates are not enumerated)
     */
    public record Space(List<KernelGeneration> guestKernels, List<Integer> vmVcpus, boolean dvhPerLevel, boolean widened) {

        public Space {
            guestKernels = List.copyOf(guestKernels);
            vmVcpus = List.copyOf(vmVcpus);
        }

        static Space defaults(KernelGeneration hostKernel, int vmVcpus) {
            return new Space(List.of(hostKernel), List.of(vmVcpus), false, false);
        }
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
        Set<DvhMechanism> available = available(request);
        List<Candidate> out = new ArrayList<>();
        configurations(request, c -> out.add(candidate(out.size(), c, request, available)));
        return out;
    }

    /**
     * How many candidates {@link #enumerate} gives, without building their paths or keeping them: what the cap is checked
     * against (a request over it may name some hundred thousand).
     */
    public static long size(Request request) {
        long[] n = new long[1];
        configurations(request, c -> n[0]++);
        return n[0];
    }

    private static Set<DvhMechanism> available(Request request) {
        return request.constraints().availableDvh() == null ? EnumSet.allOf(DvhMechanism.class) : request.constraints().availableDvh();
    }

    /**
     * The configurations, in a stable order: guest kernel, then vCPUs, then the knobs as before (I/O model, DVH sets, virtual
     * IOMMU, posted interrupts, VMCS shadowing, halt polling), so that the default space's order is what it always was.
     */
    private static void configurations(Request request, java.util.function.Consumer<Configuration> out) {
        Set<DvhMechanism> available = available(request);
        CpuFeatures features = request.host().hardware().features();
        int depth = request.depth();
        List<String> kernels = depth == 1 ? java.util.Collections.singletonList(null)
                : request.space().guestKernels().stream().map(KernelGeneration::apiName).toList();
        List<List<Set<DvhMechanism>>> choices = dvhChoices(request);
        for (String kernel : kernels) {
            for (int vcpus : request.space().vmVcpus()) {
                for (IoModel io : IoModel.values()) {
                    for (List<Set<DvhMechanism>> levels : choices) {
                        Set<DvhMechanism> leaf = levels.get(levels.size() - 1);
                        for (ViommuMode viommu : viommuModes(io, depth)) {
                            for (boolean posted : List.of(true, false)) {
                                for (boolean vmcs : vmcsChoices(depth, features)) {
                                    for (long poll : HALT_POLL_NS) {
                                        Configuration c = new Configuration(io, leaf, viommu, posted, vmcs, poll, levels.subList(0, levels.size() - 1),
                                                kernel, vcpus).withMechanism(DvhMechanism.VIRTUAL_PASSTHROUGH, io == IoModel.VIRTUAL_PASSTHROUGH);
                                        if (!request.space().widened() || excluded(c, needs(c, depth), request.constraints(), available) == null) {
                                            out.accept(c);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The DVH sets of L1 to L(depth - 1) and of the leaf, last. Uniform: each subset of {@link #VARIED_DVH} at every level. Per
     * level: every chain L1 ⊇ L2 ⊇ ... ⊇ leaf, that is for each mechanism the highest level that has it (none, L1, ..., the
     * leaf): {@code (depth + 1)^3} chains, the uniform ones among them.
     */
    static List<List<Set<DvhMechanism>>> dvhChoices(Request request) {
        int depth = request.depth();
        List<List<Set<DvhMechanism>>> out = new ArrayList<>();
        if (!request.space().dvhPerLevel() || depth == 1) {
            for (Set<DvhMechanism> s : subsets(VARIED_DVH)) {
                List<Set<DvhMechanism>> levels = new ArrayList<>();
                for (int k = 1; k <= depth; k++) {
                    levels.add(s);
                }
                out.add(levels);
            }
            return out;
        }
        int n = VARIED_DVH.size();
        int[] reach = new int[n];
        int total = (int) Math.pow(depth + 1, n);
        for (int code = 0; code < total; code++) {
            for (int i = 0, x = code; i < n; i++, x /= depth + 1) {
                reach[i] = x % (depth + 1);
            }
            List<Set<DvhMechanism>> levels = new ArrayList<>();
            for (int k = 1; k <= depth; k++) {
                Set<DvhMechanism> s = EnumSet.noneOf(DvhMechanism.class);
                for (int i = 0; i < n; i++) {
                    if (reach[i] >= k) {
                        s.add(VARIED_DVH.get(i));
                    }
                }
                levels.add(s);
            }
            out.add(levels);
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

    /**
     * {@code c} with what it leaves to the request filled in: a configuration stored before the kernel and vCPU knobs (or a
     * sensitivity request's that names neither) runs the host's kernel in its guest hypervisors and the request's vCPUs.
     */
    public static Configuration resolve(Configuration c, Request request) {
        Configuration out = c;
        if (out.vmVcpus() == null) {
            out = out.withVmVcpus(request.vmVcpus());
        }
        if (out.guestKernel() == null && request.depth() > 1) {
            out = out.withGuestKernel(request.host().kernel().apiName());
        }
        return out;
    }

    /** The path of {@code c} on the request's host: L0 and every guest hypervisor with their DVH sets, kernels and sizes. */
    public static Path path(Configuration c, Request request) {
        Configuration r = resolve(c, request);
        Host base = request.host();
        TimerOffload offload = base.hardware().features().preemptionTimer() ? TimerOffload.PREEMPTION_TIMER : TimerOffload.HRTIMER;
        KernelGeneration kernel = base.kernel();
        HypervisorSettings l0 = new HypervisorSettings(r.l0Dvh(), r.haltPollNs(), offload, r.vmcsShadowing(), r.postedInterrupts(), kernel);
        Host host = new Host(base.name(), base.hardware(), l0, base.onlineCpus());
        List<GuestHypervisor> chain = new ArrayList<>();
        int depth = request.depth();
        if (r.dvhPerLevel() && r.hypervisorDvh().size() != depth - 1) {
            throw new IllegalArgumentException("hypervisorDvh has " + r.hypervisorDvh().size() + " sets for " + (depth - 1) + " guest hypervisors");
        }
        KernelGeneration guests = r.guestKernel() == null ? null : KernelGeneration.byApiName(r.guestKernel()).orElseThrow(
                () -> new IllegalArgumentException("unknown kernel " + r.guestKernel()));
        for (int k = 1; k < depth; k++) {
            HypervisorSettings s = new HypervisorSettings(r.dvhOfHypervisor(k), r.haltPollNs(), TimerOffload.PREEMPTION_TIMER, r.vmcsShadowing(),
                    r.postedInterrupts(), guests);
            chain.add(new GuestHypervisor("L" + k, hypervisorVcpus(r, request, k), hypervisorMemoryGib(request, k), s, r.viommu()));
        }
        Set<DvhMechanism> leafDvh = EnumSet.noneOf(DvhMechanism.class);
        leafDvh.addAll(r.dvh());
        return Path.toLeaf(host, chain, new LeafVm("vm", r.vmVcpus(), request.vmMemoryGib(), r.io(), leafDvh, r.postedInterrupts()));
    }

    /** The vCPUs of the guest hypervisor at {@code level}: the leaf's plus 2 for each level between (its own housekeeping). */
    static int hypervisorVcpus(Configuration c, Request request, int level) {
        return resolve(c, request).vmVcpus() + 2 * (request.depth() - level);
    }

    static int hypervisorMemoryGib(Request request, int level) {
        return request.vmMemoryGib() * (1 + request.depth() - level);
    }

    static Candidate candidate(int index, Configuration given, Request request, Set<DvhMechanism> available) {
        Configuration c = resolve(given, request);
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
        return new Candidate(index, c, path, violations, excluded(c, needs, request.constraints(), available), needs,
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

    private static String excluded(Configuration c, Set<HostFeature> needs, Constraints constraints, Set<DvhMechanism> available) {
        if (Boolean.TRUE.equals(constraints.liveMigratable()) && c.io() == IoModel.PASSTHROUGH) {
            return "constraints.liveMigratable: " + c.io() + " assigns a physical VF, which cannot be live-migrated";
        }
        for (DvhMechanism m : c.l0Dvh()) {
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
