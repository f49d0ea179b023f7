package dev.nestsim.provisioning;

import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.ParentCapacity;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TopologyRules;
import dev.nestsim.model.topology.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One host's whole topology as model values, loaded under the host's lock, with a pending change put in
 * place before it is stored. It builds each node's {@link Path} and {@link ParentCapacity} and runs the
 * model's {@link TopologyRules} on a node or on everything below it; it holds no rule of its own.
 */
final class HostTree {

    /** A guest hypervisor in the tree; {@code parentId} is {@code null} on the host. */
    record HvNode(UUID id, UUID parentId, GuestHypervisor model) {
    }

    /** A leaf VM in the tree; {@code parentId} is {@code null} on the host. */
    record VmNode(UUID id, UUID parentId, LeafVm model) {
    }

    /** A node below a change that the change would make invalid, with the reason. */
    record Dependent(String kind, UUID id, String described, Violation violation) {
    }

    private Host host;
    private final Map<UUID, HvNode> hypervisors = new LinkedHashMap<>();
    private final Map<UUID, VmNode> vms = new LinkedHashMap<>();
    /** VMs not loaded one by one (for a create), as their usage per parent; {@code null} key: the host. */
    private final Map<UUID, VmUsage> unloadedVms = new java.util.HashMap<>();

    private HostTree(Host host) {
        this.host = host;
    }

    static HostTree of(HostEntity host, List<HypervisorEntity> hypervisors, List<VmEntity> vms) {
        HostTree tree = new HostTree(host.toModel());
        hypervisors.forEach(h -> tree.putHypervisor(h.getId(), h.getParentHypervisorId(), h.toModel()));
        vms.forEach(v -> tree.putVm(v.getId(), v.getParentHypervisorId(), v.toModel()));
        return tree;
    }

    /**
     * A tree for adding a child: every guest hypervisor, but the VMs only as their usage per parent. Checking a
     * new node needs no more; checking what lies below a changed node needs {@link #of}.
     */
    static HostTree forNewChild(HostEntity host, List<HypervisorEntity> hypervisors, List<VmUsage> vmUsage) {
        HostTree tree = new HostTree(host.toModel());
        hypervisors.forEach(h -> tree.putHypervisor(h.getId(), h.getParentHypervisorId(), h.toModel()));
        vmUsage.forEach(u -> tree.unloadedVms.put(u.parentHypervisorId(), u));
        return tree;
    }

    Host host() {
        return host;
    }

    void setHost(Host changed) {
        this.host = changed;
    }

    void putHypervisor(UUID id, UUID parentId, GuestHypervisor model) {
        hypervisors.put(id, new HvNode(id, parentId, model));
    }

    void putVm(UUID id, UUID parentId, LeafVm model) {
        vms.put(id, new VmNode(id, parentId, model));
    }

    /** The guest hypervisors from L1 down to {@code hypervisorId} included; empty for {@code null} (the host). */
    List<GuestHypervisor> chainTo(UUID hypervisorId) {
        LinkedList<GuestHypervisor> chain = new LinkedList<>();
        UUID next = hypervisorId;
        while (next != null) {
            HvNode node = Objects.requireNonNull(hypervisors.get(next), "hypervisor " + next + " is not on this host");
            chain.addFirst(node.model());
            next = node.parentId();
            if (chain.size() > Path.HARD_MAX_DEPTH) {
                throw new IllegalStateException("the parent chain of " + hypervisorId + " is deeper than " + Path.HARD_MAX_DEPTH);
            }
        }
        return chain;
    }

    /** Whether a new child of {@code parentId} could have interrupts posted to it: the hardware and every hypervisor below post. */
    boolean postedInterruptsAvailableBelow(UUID parentId) {
        List<GuestHypervisor> chain = chainTo(parentId);
        return Path.toHypervisor(host, chain).postedInterruptsAvailableForChild();
    }

    Path pathToHypervisor(UUID id) {
        return Path.toHypervisor(host, chainTo(id));
    }

    Path pathToVm(UUID id) {
        VmNode vm = vms.get(id);
        return Path.toLeaf(host, chainTo(vm.parentId()), vm.model());
    }

    /**
     * What the parent of {@code childId} has free once its other children are served, and the host's free VFs. On the
     * host, vCPUs are pinned to the CPUs L0 brings online ({@link Host#onlineCpus()}), not to all its cores.
     */
    ParentCapacity capacityFor(UUID childId, UUID parentId) {
        int vcpus = parentId == null ? host.onlineCpus() : hypervisors.get(parentId).model().vcpus();
        int memory = parentId == null ? host.hardware().memoryGib() : hypervisors.get(parentId).model().memoryGib();
        for (HvNode h : hypervisors.values()) {
            if (!h.id().equals(childId) && Objects.equals(h.parentId(), parentId)) {
                vcpus -= h.model().vcpus();
                memory -= h.model().memoryGib();
            }
        }
        int vfs = host.hardware().nic().sriovVfs();
        VmUsage unloaded = unloadedVms.get(parentId);
        if (unloaded != null) {
            vcpus -= (int) unloaded.vcpus();
            memory -= (int) unloaded.memoryGib();
        }
        for (VmUsage usage : unloadedVms.values()) {
            vfs -= (int) usage.passthroughVms();
        }
        for (VmNode v : vms.values()) {
            if (v.id().equals(childId)) {
                continue;
            }
            if (Objects.equals(v.parentId(), parentId)) {
                vcpus -= v.model().vcpus();
                memory -= v.model().memoryGib();
            }
            if (v.model().io() == IoModel.PASSTHROUGH) {
                vfs--;
            }
        }
        return new ParentCapacity(vcpus, memory, vfs);
    }

    List<Violation> checkHypervisor(UUID id, int maxDepth) {
        UUID parentId = hypervisors.get(id).parentId();
        return onHost(parentId, TopologyRules.checkHypervisor(pathToHypervisor(id), maxDepth, capacityFor(id, parentId)));
    }

    List<Violation> checkVm(UUID id, int maxDepth) {
        UUID parentId = vms.get(id).parentId();
        return onHost(parentId, TopologyRules.checkLeaf(pathToVm(id), maxDepth, capacityFor(id, parentId)));
    }

    /** A child of the host that does not fit hears that the host's share is its online CPUs, not all its cores. */
    private List<Violation> onHost(UUID parentId, List<Violation> violations) {
        if (parentId != null) {
            return violations;
        }
        return violations.stream().map(v -> !TopologyRules.FITS_PARENT_VCPUS.equals(v.rule()) ? v
                : new Violation(v.field(), v.rule(), v.message() + "; the host's children share its onlineCpus, "
                        + host.onlineCpus() + " of its " + host.hardware().cores() + " cores")).toList();
    }

    /**
     * Runs the rules again on every guest hypervisor and VM below {@code ancestorId} ({@code null}: the whole
     * host). The depth rule is left out: an ancestor's change never moves a node to another level.
     */
    List<Dependent> checkBelow(UUID ancestorId, int maxDepth) {
        if (!unloadedVms.isEmpty()) {
            throw new IllegalStateException("checking below a node needs every VM loaded (HostTree.of)");
        }
        List<Dependent> dependents = new ArrayList<>();
        for (HvNode h : hypervisors.values()) {
            if (!h.id().equals(ancestorId) && isBelow(h.parentId(), ancestorId)) {
                Path path = pathToHypervisor(h.id());
                checkHypervisor(h.id(), maxDepth).stream().filter(HostTree::notDepth)
                        .forEach(v -> dependents.add(new Dependent("hypervisor", h.id(), path.describe(path.level()), v)));
            }
        }
        for (VmNode v : vms.values()) {
            if (isBelow(v.parentId(), ancestorId)) {
                Path path = pathToVm(v.id());
                checkVm(v.id(), maxDepth).stream().filter(HostTree::notDepth)
                        .forEach(x -> dependents.add(new Dependent("VM", v.id(), path.describe(path.level()), x)));
            }
        }
        return dependents;
    }

    static boolean notDepth(Violation violation) {
        return !TopologyRules.DEPTH_LIMIT.equals(violation.rule());
    }

    /** Whether a node whose parent is {@code parentId} lies below {@code ancestorId} ({@code null}: the host, so always). */
    private boolean isBelow(UUID parentId, UUID ancestorId) {
        if (ancestorId == null) {
            return true;
        }
        UUID next = parentId;
        for (int steps = 0; next != null && steps <= Path.HARD_MAX_DEPTH; steps++) {
            if (next.equals(ancestorId)) {
                return true;
            }
            next = hypervisors.get(next).parentId();
        }
        return false;
    }
}
