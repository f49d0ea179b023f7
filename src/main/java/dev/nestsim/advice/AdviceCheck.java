package dev.nestsim.advice;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.HostProfile;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.Sizes;
import dev.nestsim.model.workload.ParameterViolation;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.provisioning.TopologyProperties;
import dev.nestsim.provisioning.TopologyService;
import dev.nestsim.runs.RunService;
import dev.nestsim.runs.RunsProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every check of an advice request, all run before anything is reported: a malformed or out-of-range field makes it a 400
 * naming every such field; when every field is well-formed but the workload, the profile or the host does not exist, a 422.
 */
@Component
class AdviceCheck {

    private final Workloads workloads;
    private final TopologyService topology;
    private final TopologyProperties topologyLimits;
    private final RunsProperties runLimits;

    AdviceCheck(Workloads workloads, TopologyService topology, TopologyProperties topologyLimits, RunsProperties runLimits) {
        this.workloads = workloads;
        this.topology = topology;
        this.topologyLimits = topologyLimits;
        this.runLimits = runLimits;
    }

    AdviceInput input(AdviceSpec spec, long seed) {
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> unknown = new ArrayList<>();
        Optional<WorkloadRunner> runner = workload(spec, invalid, unknown);
        Optional<AdviceInput.HostBase> host = host(spec.host(), invalid, unknown);
        int maxDepth = topologyLimits.maxDepth();
        if (spec.depth() == null) {
            invalid.add(FieldProblem.of("depth", "not-null", "depth is required: the level the workload's VM runs at, 1 to " + maxDepth));
        } else if (spec.depth() < 1 || spec.depth() > maxDepth) {
            invalid.add(FieldProblem.of("depth", "depth-range", "depth must be between 1 and " + maxDepth + " (nestsim.topology.max-depth), was "
                    + spec.depth()));
        }
        AdviceSpec.ConstraintsSpec c = spec.constraints() == null ? new AdviceSpec.ConstraintsSpec(null, null, null, null, null) : spec.constraints();
        if (c.minNormalizedToNative() != null && !(c.minNormalizedToNative() > 0 && c.minNormalizedToNative() <= 1)) {
            invalid.add(FieldProblem.of("constraints.minNormalizedToNative", "fraction-range",
                    "constraints.minNormalizedToNative must be above 0 and at most 1, was " + c.minNormalizedToNative()));
        }
        if (c.maxCpuOverhead() != null && !(c.maxCpuOverhead() >= 0 && c.maxCpuOverhead() <= 1000)) {
            invalid.add(FieldProblem.of("constraints.maxCpuOverhead", "overhead-range",
                    "constraints.maxCpuOverhead must be between 0 and 1000 (extra cycles per operation over native: 0.5 is 50% more), was "
                            + c.maxCpuOverhead()));
        }
        int maxReplications = runner.map(r -> Math.min(r.descriptor().maxReplications(), runLimits.maxReplications())).orElse(runLimits.maxReplications());
        int replications = spec.replications() == null ? Math.min(AdviceService.DEFAULT_REPLICATIONS, maxReplications) : spec.replications();
        if (spec.replications() != null && (replications < 1 || replications > maxReplications)) {
            invalid.add(FieldProblem.of("replications", "replications-range", "replications must be between 1 and " + maxReplications + ", was "
                    + replications));
        }
        if (spec.seed() != null && (spec.seed() < 0 || spec.seed() > RunService.MAX_SEED)) {
            invalid.add(FieldProblem.of("seed", "seed-range", "seed must be between 0 and " + RunService.MAX_SEED + ", was " + spec.seed()));
        }
        int maxSimulated = spec.maxSimulated() == null ? Search.DEFAULT_SIMULATED : spec.maxSimulated();
        if (maxSimulated < 1 || maxSimulated > Search.MAX_SIMULATED) {
            invalid.add(FieldProblem.of("maxSimulated", "simulated-range", "maxSimulated must be between 1 and " + Search.MAX_SIMULATED + ", was "
                    + maxSimulated));
        }
        int vcpus = spec.vm() == null || spec.vm().vcpus() == null ? 4 : spec.vm().vcpus();
        int memory = spec.vm() == null || spec.vm().memoryGib() == null ? 12 : spec.vm().memoryGib();
        if (vcpus < 1 || vcpus > Sizes.MAX_VCPUS) {
            invalid.add(FieldProblem.of("vm.vcpus", "vcpus-range", "vm.vcpus must be between 1 and " + Sizes.MAX_VCPUS + ", was " + vcpus));
        }
        if (memory < 1 || memory > Sizes.MAX_MEMORY_GIB) {
            invalid.add(FieldProblem.of("vm.memoryGib", "memory-range", "vm.memoryGib must be between 1 and " + Sizes.MAX_MEMORY_GIB + ", was " + memory));
        }
        AdviceInput.Limits limits = new AdviceInput.Limits(c.liveMigratable(), c.minNormalizedToNative(), c.maxCpuOverhead(), c.hostFeatures(),
                c.availableDvh());
        boolean depthValid = spec.depth() != null && spec.depth() >= 1 && spec.depth() <= maxDepth;
        boolean spaceValid = space(spec.space(), depthValid ? spec.depth() : null, spec.vm() == null ? null : spec.vm().vcpus(), invalid);
        if (spaceValid && depthValid && host.isPresent() && memory >= 1 && memory <= Sizes.MAX_MEMORY_GIB && vcpus >= 1 && vcpus <= Sizes.MAX_VCPUS) {
            long size = ConfigurationSpace.size(Search.request(host.get(), spec.depth(), maxDepth, vcpus, memory, limits, spec.space()));
            // vcpus only sizes the default space: a space's own vmVcpus replace it, so the count does not depend on it
            if (size > ConfigurationSpace.MAX_CANDIDATES) {
                invalid.add(FieldProblem.of("space", "space-size", String.format(java.util.Locale.ROOT, "the space has %,d candidates, %,d more "
                        + "than the cap of %,d: try fewer space.guestKernels or space.vmVcpus, drop space.dvhPerLevel, or narrow it with "
                        + "constraints (with a space, candidates the constraints exclude are not enumerated)", size,
                        size - ConfigurationSpace.MAX_CANDIDATES, ConfigurationSpace.MAX_CANDIDATES)));
            }
        }
        throwIfAny(invalid, unknown);
        // the leaf's default size is one the space tries: the screen's event rates are measured at it
        int leaf = spec.space() != null && spec.space().vmVcpus() != null && (spec.vm() == null || spec.vm().vcpus() == null)
                ? spec.space().vmVcpus().get(0) : vcpus;
        return new AdviceInput(spec.workload(), spec.parameters() == null ? Map.of() : spec.parameters(), host.orElseThrow(), spec.depth(), maxDepth,
                spec.objective() == null ? Objective.maxNormalizedToNative : spec.objective(), limits, replications, seed, maxSimulated, leaf, memory,
                spec.space());
    }

    /** The most values {@code space.guestKernels} and {@code space.vmVcpus} may each list. */
    static final int MAX_SPACE_VALUES = 4;
    /** The largest leaf a space may try. */
    static final int MAX_SPACE_VCPUS = 64;

    /**
     * The fields of {@code space} (each absent for the default): known, distinct kernels; distinct vCPU counts 1 to
     * {@value #MAX_SPACE_VCPUS}; at most {@value #MAX_SPACE_VALUES} of each; knobs of guest hypervisors only where there are some.
     * {@code depth} is {@code null} when it is itself invalid. True when every field is valid.
     */
    static boolean space(AdviceSpec.SpaceSpec space, Integer depth, Integer vmVcpus, List<FieldProblem> invalid) {
        if (space == null) {
            return true;
        }
        int before = invalid.size();
        if (space.guestKernels() != null) {
            List<String> kernels = space.guestKernels();
            if (kernels.isEmpty() || kernels.size() > MAX_SPACE_VALUES) {
                invalid.add(FieldProblem.of("space.guestKernels", "size-range", "space.guestKernels must list 1 to " + MAX_SPACE_VALUES
                        + " kernels (of " + KernelGeneration.allowedNames() + "), listed " + kernels.size()));
            }
            for (int i = 0; i < kernels.size(); i++) {
                String k = kernels.get(i);
                if (k == null || KernelGeneration.byApiName(k).isEmpty()) {
                    invalid.add(FieldProblem.of("space.guestKernels[" + i + "]", "known-kernel", "space.guestKernels[" + i + "] must be one of "
                            + KernelGeneration.allowedNames() + ", was " + (k == null ? "null" : Echo.quoted(k))));
                } else if (kernels.indexOf(k) < i) {
                    invalid.add(FieldProblem.of("space.guestKernels[" + i + "]", "distinct", "space.guestKernels[" + i + "] repeats " + k
                            + ": each kernel once"));
                }
            }
            if (depth != null && depth == 1) {
                invalid.add(FieldProblem.of("space.guestKernels", "needs-guest-hypervisors", "space.guestKernels is the guest hypervisors' "
                        + "kernel, and at depth 1 there are none (L0 runs host.kernel): only meaningful at depth >= 2"));
            }
        }
        if (space.vmVcpus() != null) {
            List<Integer> sizes = space.vmVcpus();
            if (sizes.isEmpty() || sizes.size() > MAX_SPACE_VALUES) {
                invalid.add(FieldProblem.of("space.vmVcpus", "size-range", "space.vmVcpus must list 1 to " + MAX_SPACE_VALUES + " vCPU counts, "
                        + "listed " + sizes.size()));
            }
            for (int i = 0; i < sizes.size(); i++) {
                Integer n = sizes.get(i);
                if (n == null || n < 1 || n > MAX_SPACE_VCPUS) {
                    invalid.add(FieldProblem.of("space.vmVcpus[" + i + "]", "vcpus-range", "space.vmVcpus[" + i + "] must be between 1 and "
                            + MAX_SPACE_VCPUS + ", was " + n));
                } else if (sizes.indexOf(n) < i) {
                    invalid.add(FieldProblem.of("space.vmVcpus[" + i + "]", "distinct", "space.vmVcpus[" + i + "] repeats " + n
                            + ": each count once"));
                }
            }
            if (vmVcpus != null && !sizes.contains(vmVcpus)) {
                invalid.add(FieldProblem.of("vm.vcpus", "vcpus-in-space", "vm.vcpus " + vmVcpus + " is not one of space.vmVcpus " + sizes
                        + ": give one of them, or leave vm.vcpus out (space.vmVcpus sizes the leaf)"));
            }
        }
        if (Boolean.TRUE.equals(space.dvhPerLevel()) && depth != null && depth == 1) {
            invalid.add(FieldProblem.of("space.dvhPerLevel", "needs-guest-hypervisors", "space.dvhPerLevel lets guest hypervisors provide "
                    + "other DVH sets than the VM uses, and at depth 1 there are none: only meaningful at depth >= 2"));
        }
        return invalid.size() == before;
    }

    private Optional<WorkloadRunner> workload(AdviceSpec spec, List<FieldProblem> invalid, List<FieldProblem> unknown) {
        return workload(spec.workload(), spec.parameters(), invalid, unknown);
    }

    /** The application workload named {@code name} with {@code parameters} checked (fields {@code workload}, {@code parameters.*}). */
    Optional<WorkloadRunner> workload(String name, Map<String, Double> parameters, List<FieldProblem> invalid, List<FieldProblem> unknown) {
        AdviceSpec spec = new AdviceSpec(name, parameters, null, null, null, null, null, null, null, null);
        if (spec.workload() == null || spec.workload().isBlank()) {
            invalid.add(FieldProblem.of("workload", "not-blank", "workload must name an application workload of GET /api/v1/workloads"));
            return Optional.empty();
        }
        Optional<WorkloadRunner> runner = workloads.runner(spec.workload());
        if (runner.isEmpty()) {
            unknown.add(FieldProblem.of("workload", "known-workload", "workload must be one of " + workloads.names() + ", was "
                    + Echo.quoted(spec.workload())));
            return runner;
        }
        if (runner.get().descriptor().kind() != WorkloadKind.APPLICATION) {
            invalid.add(FieldProblem.of("workload", "application-workload", "workload must be an application workload (one with a throughput "
                    + "and event rates to screen); " + spec.workload() + " is a microbenchmark: ask GET /api/v1/vms/{id}/microbenchmarks"));
            return Optional.empty();
        }
        if (spec.parameters() != null) {
            for (ParameterViolation v : Workloads.check(runner.get().descriptor(), spec.parameters())) {
                invalid.add(FieldProblem.of("parameters." + v.field(), v.rule(), v.message()));
            }
        }
        return runner;
    }

    /** The host (field {@code host}): an existing host's hardware, kernel and online CPUs, or a profile's. */
    Optional<AdviceInput.HostBase> host(AdviceSpec.HostChoice h, List<FieldProblem> invalid, List<FieldProblem> unknown) {
        if (h == null || (h.hostId() == null) == (h.profile() == null)) {
            invalid.add(FieldProblem.of("host", "host-or-profile", "host must give exactly one of hostId (a host's hardware, copied) and profile "
                    + "(GET /api/v1/host-profiles)"));
            return Optional.empty();
        }
        if (h.hostId() != null) {
            if (h.kernel() != null || h.onlineCpus() != null) {
                invalid.add(FieldProblem.of("host", "host-id-alone", "host.kernel and host.onlineCpus go with a profile; a hostId brings its own"));
            }
            try {
                Host existing = topology.nativePathOfHost(h.hostId()).host();
                HostHardware hw = existing.hardware();
                return Optional.of(new AdviceInput.HostBase(null, hw.cores(), hw.clockGhz(), hw.memoryGib(), hw.nic().gbps(), hw.nic().sriovVfs(),
                        hw.features(), existing.kernel().apiName(), existing.onlineCpus()));
            } catch (NotFoundException e) {
                unknown.add(FieldProblem.of("host.hostId", "host-exists", "host.hostId " + h.hostId() + " is not a host of GET /api/v1/hosts"));
                return Optional.empty();
            }
        }
        Optional<HostProfile> profile = HostProfiles.byName(h.profile());
        Optional<KernelGeneration> kernel = h.kernel() == null ? Optional.empty() : KernelGeneration.byApiName(h.kernel());
        if (h.kernel() != null && kernel.isEmpty()) {
            invalid.add(FieldProblem.of("host.kernel", "known-kernel", "host.kernel must be one of " + KernelGeneration.allowedNames() + ", was "
                    + Echo.quoted(h.kernel())));
        }
        if (profile.isEmpty()) {
            unknown.add(FieldProblem.of("host.profile", "known-profile", "host.profile must be one of "
                    + HostProfiles.all().stream().map(HostProfile::name).toList() + " (GET /api/v1/host-profiles), was " + Echo.quoted(h.profile())));
            return Optional.empty();
        }
        HostHardware hw = profile.get().hardware();
        int online = h.onlineCpus() == null ? hw.cores() : h.onlineCpus();
        if (online < 1 || online > hw.cores()) {
            invalid.add(FieldProblem.of("host.onlineCpus", "online-cpus-range", "host.onlineCpus must be between 1 and the profile's " + hw.cores()
                    + " cores, was " + online));
        }
        return Optional.of(new AdviceInput.HostBase(profile.get().name(), hw.cores(), hw.clockGhz(), hw.memoryGib(), hw.nic().gbps(),
                hw.nic().sriovVfs(), hw.features(), kernel.orElse(profile.get().defaultKernel()).apiName(), online));
    }

    static void throwIfAny(List<FieldProblem> invalid, List<FieldProblem> unknown) {
        if (invalid.isEmpty() && unknown.isEmpty()) {
            return;
        }
        List<FieldProblem> all = new ArrayList<>(invalid);
        all.addAll(unknown);
        all.sort(Comparator.comparing(FieldProblem::field));
        String detail = Problems.summary(all);
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(detail, all);
        }
        throw new RuleViolationException(detail, all);
    }
}
