package dev.nestsim.experiments;

import dev.nestsim.provisioning.HostService;
import dev.nestsim.provisioning.HostSpec;
import dev.nestsim.provisioning.HypervisorService;
import dev.nestsim.provisioning.HypervisorSpec;
import dev.nestsim.provisioning.ParentRef;
import dev.nestsim.provisioning.VmService;
import dev.nestsim.provisioning.VmSpec;
import dev.nestsim.runs.Target;
import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.experiments.ExperimentSpec.HostPart;
import dev.nestsim.experiments.ExperimentSpec.HypervisorPart;
import dev.nestsim.experiments.ExperimentSpec.TopologySpec;
import dev.nestsim.experiments.ExperimentSpec.VmPart;
import dev.nestsim.model.hardware.KernelGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Provisions a preset's configurations through the provisioning services (so every topology rule applies), recording
 * each resource as the experiment's own, and deletes them again, last created first. Resource names say whose they are:
 * {@code <configuration>-<first 8 characters of the experiment id>}, with {@code -l1}, {@code -l2}, {@code -vm}.
 */
@Component
class PresetProvisioner {

    static final String HOST = "HOST";
    static final String HYPERVISOR = "HYPERVISOR";
    static final String VM = "VM";

    private final HostService hosts;
    private final HypervisorService hypervisors;
    private final VmService vms;

    PresetProvisioner(HostService hosts, HypervisorService hypervisors, VmService vms) {
        this.hosts = hosts;
        this.hypervisors = hypervisors;
        this.vms = vms;
    }

    /** What one experiment provisioned so far, in order; {@link #store} records it in {@code experiment_resources}. */
    static final class Provisioned {
        private final UUID experimentId;
        private final List<String> kinds = new ArrayList<>();
        private final List<UUID> ids = new ArrayList<>();

        Provisioned(UUID experimentId) {
            this.experimentId = experimentId;
        }

        UUID record(String kind, UUID id) {
            kinds.add(kind);
            ids.add(id);
            return id;
        }

        /** Records every resource as the experiment's own (its row must exist). */
        void store(ExperimentLedger ledger) {
            for (int i = 0; i < ids.size(); i++) {
                ledger.insertResource(experimentId, i, kinds.get(i), ids.get(i));
            }
        }

        String prefix(String configuration) {
            return configuration.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + experimentId.toString().substring(0, 8);
        }
    }

    /** The host, guest hypervisors and VM of one configuration; its target (the VM, or the host when native). */
    Target provision(Presets.ConfigurationTemplate t, Provisioned owner) {
        String prefix = owner.prefix(t.name());
        UUID host = owner.record(HOST, hosts.create(new HostSpec(prefix, t.profile(), null, null, null, null, null, null, t.hostDvh(), null, null,
                null, null, t.kernel(), t.onlineCpus())).getId());
        if (t.vm() == null) {
            return Target.host(host);
        }
        ParentRef parent = ParentRef.host(host);
        int level = 1;
        for (Presets.HypervisorTemplate h : t.hypervisors()) {
            UUID id = owner.record(HYPERVISOR, hypervisors.create(new HypervisorSpec(prefix + "-l" + level++, parent, h.vcpus(), h.memoryGib(),
                    h.dvh(), null, null, h.viommu(), null, null, null)).getId());
            parent = ParentRef.hypervisor(id);
        }
        Presets.VmTemplate vm = t.vm();
        return Target.vm(owner.record(VM, vms.create(new VmSpec(prefix + "-vm", parent, vm.vcpus(), vm.memoryGib(), vm.io(), vm.dvh(), null)).getId()));
    }

    /**
     * Provisions {@code topologies[i]} part by part, through the provisioning services so every topology rule applies; each
     * part's problems are reported with its field ({@code topologies[1].hypervisors[0].vcpus}), and the parts below a part
     * that failed are not tried. The target, or empty when a part failed (then the caller's transaction must roll back).
     */
    Optional<Target> provision(int i, TopologySpec t, Provisioned owner, List<FieldProblem> problems) {
        String field = "topologies[" + i + "]";
        if (t.host() == null) {
            problems.add(FieldProblem.of(field + ".host", "not-null", field + ".host must give at least the host's profile"));
            return Optional.empty();
        }
        String prefix = owner.prefix(t.name() == null ? "topology-" + i : t.name());
        HostPart h = t.host();
        Optional<KernelGeneration> hostKernel = kernel(h.kernel(), field + ".host.kernel", problems);
        ExperimentSpec.HostExtras x = h.hardware() == null ? new ExperimentSpec.HostExtras(null, null, null, null, null, null) : h.hardware();
        Optional<UUID> host = part(field + ".host", problems, () -> hosts.create(new HostSpec(prefix, h.profile(), h.cores(), h.clockGhz(),
                h.memoryGib(), x.nicGbps(), x.nicSriovVfs(), x.features(), h.dvh(), x.haltPollNs(), null, x.exposeVmcsShadowing(),
                x.postedInterrupts(), hostKernel.orElse(null), h.onlineCpus()), h.calibration()).getId());
        if (host.isEmpty() || (h.kernel() != null && hostKernel.isEmpty())) {
            return Optional.empty();
        }
        owner.record(HOST, host.get());
        if (t.vm() == null) {
            return Optional.of(Target.host(host.get()));
        }
        ParentRef parent = ParentRef.host(host.get());
        List<HypervisorPart> chain = t.hypervisors() == null ? List.of() : t.hypervisors();
        for (int k = 0; k < chain.size(); k++) {
            String hvField = field + ".hypervisors[" + k + "]";
            HypervisorPart hv = chain.get(k);
            if (!sized(hv == null ? null : hv.vcpus(), hv == null ? null : hv.memoryGib(), hvField, problems)) {
                return Optional.empty();
            }
            Optional<KernelGeneration> kernel = kernel(hv.kernel(), hvField + ".kernel", problems);
            if (hv.kernel() != null && kernel.isEmpty()) {
                return Optional.empty();
            }
            ParentRef above = parent;
            String name = prefix + "-l" + (k + 1);
            Optional<UUID> id = part(hvField, problems, () -> hypervisors.create(new HypervisorSpec(name, above, hv.vcpus(), hv.memoryGib(),
                    hv.dvh(), hv.exposeVmcsShadowing(), hv.haltPollNs(), hv.viommu(), hv.postedInterrupts(), null, kernel.orElse(null))).getId());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            parent = ParentRef.hypervisor(owner.record(HYPERVISOR, id.get()));
        }
        VmPart vm = t.vm();
        if (!sized(vm.vcpus(), vm.memoryGib(), field + ".vm", problems)) {
            return Optional.empty();
        }
        ParentRef leafParent = parent;
        return part(field + ".vm", problems, () -> vms.create(new VmSpec(prefix + "-vm", leafParent, vm.vcpus(), vm.memoryGib(), vm.io(),
                vm.dvh(), vm.postedInterrupts())).getId()).map(id -> Target.vm(owner.record(VM, id)));
    }

    /** Creates one part; its problems, under {@code field}, when the provisioning service refuses it. */
    private static Optional<UUID> part(String field, List<FieldProblem> problems, Supplier<UUID> create) {
        try {
            return Optional.of(create.get());
        } catch (ApiProblemException refused) {
            if (refused.errors().isEmpty()) {
                problems.add(FieldProblem.of(field, refused.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), refused.getMessage()));
            }
            for (FieldProblem p : refused.errors()) {
                String inner = p.field() == null || p.field().isEmpty() ? field : field + "." + p.field();
                problems.add(FieldProblem.of(inner, p.rule(), p.message()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            problems.add(FieldProblem.of(field, "valid-value", field + ": " + invalid.getMessage()));
            return Optional.empty();
        }
    }

    private static boolean sized(Integer vcpus, Integer memoryGib, String field, List<FieldProblem> problems) {
        boolean ok = true;
        if (vcpus == null) {
            problems.add(FieldProblem.of(field + ".vcpus", "not-null", field + ".vcpus is required"));
            ok = false;
        }
        if (memoryGib == null) {
            problems.add(FieldProblem.of(field + ".memoryGib", "not-null", field + ".memoryGib is required"));
            ok = false;
        }
        return ok;
    }

    private static Optional<KernelGeneration> kernel(String name, String field, List<FieldProblem> problems) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<KernelGeneration> kernel = KernelGeneration.byApiName(name);
        if (kernel.isEmpty()) {
            problems.add(FieldProblem.of(field, "known-kernel", field + " must be one of " + KernelGeneration.allowedNames() + ", was "
                    + dev.nestsim.api.Echo.quoted(name)));
        }
        return kernel;
    }

    /** Deletes the resources, last created first (a VM before its hypervisors, they before their host). */
    void deprovision(List<ExperimentLedger.Resource> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            ExperimentLedger.Resource r = resources.get(i);
            switch (r.kind()) {
                case VM -> vms.delete(r.id(), null);
                case HYPERVISOR -> hypervisors.delete(r.id(), null);
                case HOST -> hosts.delete(r.id(), null);
                default -> throw new IllegalStateException("unknown resource kind " + r.kind());
            }
        }
    }
}
