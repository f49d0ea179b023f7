package dev.nestsim.provisioning;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.security.Tenancy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Loads a host's tree under the host's lock: the first step of every change to a host, its guest
 * hypervisors or its VMs, so that concurrent changes on one host are checked one after the other.
 */
@Component
class HostTrees {

    /** A locked host, its entities and its tree of model values. */
    record Locked(HostEntity host, HostTree tree, Map<UUID, HypervisorEntity> hypervisors, Map<UUID, VmEntity> vms) {
    }

    /** Where a new child goes: the locked tree, its parent hypervisor ({@code null}: the host) and its level. */
    record Placement(Locked locked, UUID parentHypervisorId, int level) {
    }

    private final HostRepository hosts;
    private final HypervisorRepository hypervisors;
    private final VmRepository vms;
    private final Tenancy tenancy;

    HostTrees(HostRepository hosts, HypervisorRepository hypervisors, VmRepository vms, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.hosts = hosts;
        this.hypervisors = hypervisors;
        this.vms = vms;
    }

    Optional<Locked> lock(UUID hostId) {
        String tenant = tenancy.current();
        return hosts.lockById(hostId).filter(host -> host.getTenant().equals(tenant)).map(host -> {
            Map<UUID, HypervisorEntity> hvs = new LinkedHashMap<>();
            hypervisors.findTreeOf(hostId).forEach(h -> hvs.put(h.getId(), h));
            Map<UUID, VmEntity> leaves = new LinkedHashMap<>();
            vms.findTreeOf(hostId).forEach(v -> leaves.put(v.getId(), v));
            return new Locked(host, HostTree.of(host, List.copyOf(hvs.values()), List.copyOf(leaves.values())), hvs, leaves);
        });
    }

    Optional<Locked> lockHostOfHypervisor(UUID hypervisorId) {
        return hypervisors.findHostIdOf(hypervisorId).flatMap(this::lock);
    }

    Optional<Locked> lockHostOfVm(UUID vmId) {
        return vms.findHostIdOf(vmId).flatMap(this::lock);
    }

    /** Locks the host and loads its guest hypervisors and the usage of its VMs, enough to add a child. */
    private Optional<Locked> lockForNewChild(UUID hostId) {
        String tenant = tenancy.current();
        return hosts.lockById(hostId).filter(host -> host.getTenant().equals(tenant)).map(host -> {
            Map<UUID, HypervisorEntity> hvs = new LinkedHashMap<>();
            hypervisors.findTreeOf(hostId).forEach(h -> hvs.put(h.getId(), h));
            HostTree tree = HostTree.forNewChild(host, List.copyOf(hvs.values()), vms.usageOn(hostId));
            return new Locked(host, tree, hvs, Map.of());
        });
    }

    /** Resolves a new child's parent; a parent that does not exist is a 422 naming the field. */
    Placement place(ParentRef parent) {
        if (parent.isHost()) {
            Locked locked = lockForNewChild(parent.hostId()).orElseThrow(() -> unknownParent("parent.hostId", "host", parent.hostId()));
            return new Placement(locked, null, 1);
        }
        Locked locked = hypervisors.findHostIdOf(parent.hypervisorId()).flatMap(this::lockForNewChild)
                .orElseThrow(() -> unknownParent("parent.hypervisorId", "guest hypervisor", parent.hypervisorId()));
        HypervisorEntity parentEntity = locked.hypervisors().get(parent.hypervisorId());
        if (parentEntity == null) {
            throw unknownParent("parent.hypervisorId", "guest hypervisor", parent.hypervisorId());
        }
        return new Placement(locked, parentEntity.getId(), parentEntity.getLevel() + 1);
    }

    private static RuleViolationException unknownParent(String field, String kind, UUID id) {
        String message = "no " + kind + " with id " + id;
        return new RuleViolationException(message, List.of(FieldProblem.of(field, "parent-exists", message)));
    }
}
