package dev.nestsim.provisioning;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.model.hardware.CpuFeatures;
import dev.nestsim.model.hardware.HostHardware;
import dev.nestsim.model.hardware.HostProfile;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.hardware.Nic;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.TopologyRules;
import dev.nestsim.model.topology.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a {@link HostSpec} into a model {@link Host}: the profile's hardware with the given fields laid
 * over it field by field (or, without a profile, the given hardware, every field required), then L0's
 * settings with their defaults (the kernel: the profile's default, or {@link HypervisorSettings#DEFAULT_KERNEL} for
 * custom hardware), the online CPUs (all cores unless given, 1 to the cores), then the model's
 * {@link TopologyRules#checkHost} rules.
 */
final class HostResolver {

    /** The rule an {@code onlineCpus} outside 1 to the host's cores breaks. */
    static final String ONLINE_CPUS_RANGE = "online-cpus-range";

    private HostResolver() {
    }

    /**
     * @throws InvalidRequestException                  when hardware fields are missing without a profile, or onlineCpus is
     *                                                  outside 1 to the cores (400)
     * @throws dev.nestsim.api.Problems.RuleViolationException for an unknown profile, inconsistent features or L0 settings the hardware cannot back (422)
     */
    static Host resolve(HostSpec spec) {
        List<Violation> violations = new ArrayList<>();
        Optional<HostProfile> profile = Optional.empty();
        if (spec.profile() != null) {
            profile = HostProfiles.byName(spec.profile());
            if (profile.isEmpty()) {
                violations.add(new Violation("profile", "known-profile", "unknown profile " + Echo.quoted(spec.profile()) + "; known profiles: "
                        + HostProfiles.all().stream().map(HostProfile::name).collect(Collectors.joining(", "))));
                Violations.throwIfAny(violations);
            }
        } else {
            requireHardware(spec);
        }
        HostHardware base = profile.map(HostProfile::hardware).orElse(null);
        CpuFeatures features = null;
        try {
            features = features(spec.features() == null ? HostSpec.FeatureOverrides.NONE : spec.features(), base);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("features", "consistent-features", e.getMessage()));
        }
        HostHardware hardware = null;
        if (features != null) {
            try {
                hardware = new HostHardware(
                        pick(spec.cores(), base, HostHardware::cores), pick(spec.clockGhz(), base, HostHardware::clockGhz),
                        pick(spec.memoryGib(), base, HostHardware::memoryGib),
                        new Nic(pick(spec.nicGbps(), base, h -> h.nic().gbps()), pick(spec.nicSriovVfs(), base, h -> h.nic().sriovVfs())),
                        features);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("", "valid-hardware", e.getMessage()));
            }
        }
        Violations.throwIfAny(violations);
        int onlineCpus = onlineCpus(spec.onlineCpus(), hardware.cores());
        KernelGeneration kernel = spec.kernel() != null ? spec.kernel()
                : profile.map(HostProfile::defaultKernel).orElse(HypervisorSettings.DEFAULT_KERNEL);
        Host host = new Host(spec.name(), hardware, l0(spec, hardware).withKernel(kernel), onlineCpus);
        Violations.throwIfAny(TopologyRules.checkHost(host));
        return host;
    }

    /** The online CPUs asked for, or all {@code cores}; outside 1 to {@code cores} a 400 naming onlineCpus. */
    private static int onlineCpus(Integer asked, int cores) {
        if (asked == null) {
            return cores;
        }
        if (asked < 1 || asked > cores) {
            String message = "onlineCpus must be between 1 and the host's " + cores + " cores, was " + asked
                    + " (null brings every core online)";
            throw new InvalidRequestException(message, List.of(FieldProblem.of("onlineCpus", ONLINE_CPUS_RANGE, message)));
        }
        return asked;
    }

    private static HypervisorSettings l0(HostSpec spec, HostHardware hardware) {
        CpuFeatures f = hardware.features();
        TimerOffload offload = spec.timerOffload() != null ? spec.timerOffload()
                : f.preemptionTimer() ? TimerOffload.PREEMPTION_TIMER : TimerOffload.HRTIMER;
        return new HypervisorSettings(
                spec.dvh() == null ? Set.of() : spec.dvh(),
                spec.haltPollNs() == null ? HypervisorSettings.KVM_DEFAULT_HALT_POLL_NS : spec.haltPollNs(),
                offload,
                spec.exposeVmcsShadowing() == null || spec.exposeVmcsShadowing(),
                spec.postedInterrupts() == null ? f.postedInterrupts() : spec.postedInterrupts());
    }

    private static CpuFeatures features(HostSpec.FeatureOverrides o, HostHardware base) {
        CpuFeatures b = base == null ? null : base.features();
        return new CpuFeatures(
                pick(o.vmcsShadowing(), b, CpuFeatures::vmcsShadowing), pick(o.apicv(), b, CpuFeatures::apicv),
                pick(o.postedInterrupts(), b, CpuFeatures::postedInterrupts),
                pick(o.vtdPostedInterrupts(), b, CpuFeatures::vtdPostedInterrupts), pick(o.ept(), b, CpuFeatures::ept),
                pick(o.tscDeadlineTimer(), b, CpuFeatures::tscDeadlineTimer),
                pick(o.preemptionTimer(), b, CpuFeatures::preemptionTimer), pick(o.iommu(), b, CpuFeatures::iommu));
    }

    private static <B, T> T pick(T given, B base, Function<B, T> fromBase) {
        return given != null ? given : fromBase.apply(base);
    }

    private static void requireHardware(HostSpec spec) {
        List<FieldProblem> missing = new ArrayList<>();
        require(spec.cores(), "cores", missing);
        require(spec.clockGhz(), "clockGhz", missing);
        require(spec.memoryGib(), "memoryGib", missing);
        require(spec.nicGbps(), "nic.gbps", missing);
        require(spec.nicSriovVfs(), "nic.sriovVfs", missing);
        HostSpec.FeatureOverrides f = spec.features() == null ? HostSpec.FeatureOverrides.NONE : spec.features();
        require(f.vmcsShadowing(), "features.vmcsShadowing", missing);
        require(f.apicv(), "features.apicv", missing);
        require(f.postedInterrupts(), "features.postedInterrupts", missing);
        require(f.vtdPostedInterrupts(), "features.vtdPostedInterrupts", missing);
        require(f.ept(), "features.ept", missing);
        require(f.tscDeadlineTimer(), "features.tscDeadlineTimer", missing);
        require(f.preemptionTimer(), "features.preemptionTimer", missing);
        require(f.iommu(), "features.iommu", missing);
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("a host without a profile needs all its hardware: "
                    + missing.stream().map(FieldProblem::field).collect(Collectors.joining(", ")) + " missing (or name a profile: "
                    + HostProfiles.all().stream().map(HostProfile::name).collect(Collectors.joining(", ")) + ")", missing);
        }
    }

    private static void require(Object value, String field, List<FieldProblem> missing) {
        if (value == null) {
            missing.add(FieldProblem.of(field, "required-without-profile", field + " is required when no profile is given"));
        }
    }
}
