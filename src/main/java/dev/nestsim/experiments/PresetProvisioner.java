package dev.nestsim.experiments;

import dev.nestsim.provisioning.HostService;
import dev.nestsim.provisioning.HostSpec;
import dev.nestsim.provisioning.HypervisorService;
import dev.nestsim.provisioning.HypervisorSpec;
import dev.nestsim.provisioning.ParentRef;
import dev.nestsim.provisioning.VmService;
import dev.nestsim.provisioning.VmSpec;
import dev.nestsim.runs.Target;
import java.util.List;
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

    /** What one experiment provisioned so far: records each new resource in {@code experiment_resources}, in order. */
    static final class Provisioned {
        private final UUID experimentId;
        private final ExperimentLedger ledger;
        private int next;

        Provisioned(UUID experimentId, ExperimentLedger ledger) {
            this.experimentId = experimentId;
            this.ledger = ledger;
        }

        UUID record(String kind, UUID id) {
            ledger.insertResource(experimentId, next++, kind, id);
            return id;
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
