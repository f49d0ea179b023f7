package dev.nestsim.provisioning;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.ConflictWithChildrenException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.api.Versions;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.security.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guest hypervisors: create on a host or in another guest hypervisor, read, list, replace, delete. */
@Service
@Transactional
public class HypervisorService {

    private final HypervisorRepository hypervisors;
    private final VmRepository vms;
    private final HostTrees trees;
    private final TopologyProperties topology;
    private final DeletionGuards guards;
    private final Clock clock;
    private final Tenancy tenancy;

    HypervisorService(HypervisorRepository hypervisors, VmRepository vms, HostTrees trees, TopologyProperties topology,
                      DeletionGuards guards, Clock clock, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.hypervisors = hypervisors;
        this.vms = vms;
        this.trees = trees;
        this.topology = topology;
        this.guards = guards;
        this.clock = clock;
    }

    /** Creates it where {@code spec.parent()} says, if every topology rule holds (422 listing each broken one). */
    public HypervisorEntity create(HypervisorSpec spec) {
        HostTrees.Placement placement = trees.place(spec.parent());
        HostTree tree = placement.locked().tree();
        UUID id = UUID.randomUUID();
        GuestHypervisor model = model(spec, tree, placement.parentHypervisorId());
        tree.putHypervisor(id, placement.parentHypervisorId(), model);
        Violations.throwIfAny(tree.checkHypervisor(id, topology.maxDepth()));
        Instant now = now();
        HypervisorEntity entity = new HypervisorEntity(id, placement.locked().host().getId(), placement.parentHypervisorId(),
                placement.level(), now);
        entity.ownedBy(placement.locked().host().getTenant());
        entity.apply(model, now);
        return hypervisors.saveAndFlush(entity);
    }

    @Transactional(readOnly = true)
    public HypervisorEntity get(UUID id) {
        String tenant = tenancy.current();
        return hypervisors.findById(id).filter(h -> h.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("guest hypervisor", id));
    }

    @Transactional(readOnly = true)
    public Page<HypervisorEntity> list(String name, UUID hostId, UUID parentHypervisorId, Integer level, int page, int size) {
        return hypervisors.findAll(Listing.<HypervisorEntity>where("tenant", tenancy.current()).and(Listing.where("name", name)).and(Listing.where("hostId", hostId))
                        .and(Listing.where("parentHypervisorId", parentHypervisorId)).and(Listing.where("level", level)),
                PageRequest.of(page, size, Listing.CREATION_ORDER));
    }

    /**
     * Replaces its settings and sizes (its parent is fixed: 422 naming {@code parent}); checks it (422), then
     * every guest hypervisor and VM below it against the change (409 naming the dependent ones).
     */
    public HypervisorEntity replace(UUID id, String ifMatch, HypervisorSpec spec) {
        HostTrees.Locked locked = trees.lockHostOfHypervisor(id).orElseThrow(() -> new NotFoundException("guest hypervisor", id));
        HypervisorEntity entity = locked.hypervisors().get(id);
        Versions.requireMatch(ifMatch, entity.getVersion());
        requireSameParent(spec.parent(), entity.getHostId(), entity.getParentHypervisorId(), "guest hypervisor");
        HostTree tree = locked.tree();
        GuestHypervisor model = model(spec, tree, entity.getParentHypervisorId());
        tree.putHypervisor(id, entity.getParentHypervisorId(), model);
        Violations.throwIfAny(tree.checkHypervisor(id, topology.maxDepth()).stream().filter(HostTree::notDepth).toList());
        Violations.throwIfDependents("hypervisor '" + entity.getName() + "' (L" + entity.getLevel() + ")", false,
                tree.checkBelow(id, topology.maxDepth()));
        entity.apply(model, now());
        return hypervisors.saveAndFlush(entity);
    }

    /** Deletes a guest hypervisor that runs nothing and no queued or running work uses; otherwise 409 saying what is left. */
    public void delete(UUID id, String ifMatch) {
        HostTrees.Locked locked = trees.lockHostOfHypervisor(id).orElseThrow(() -> new NotFoundException("guest hypervisor", id));
        HypervisorEntity entity = locked.hypervisors().get(id);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, entity.getVersion());
        }
        long childHypervisors = hypervisors.countByParentHypervisorId(id);
        long childVms = vms.countByParentHypervisorId(id);
        if (childHypervisors + childVms > 0) {
            throw new ConflictWithChildrenException("hypervisor '" + entity.getName() + "' (L" + entity.getLevel() + ") still runs "
                    + Listing.children(childHypervisors, childVms) + "; delete them first", List.of());
        }
        guards.requireUnused("hypervisor '" + entity.getName() + "' (L" + entity.getLevel() + ")", id);
        hypervisors.delete(entity);
        hypervisors.flush();
    }

    /**
     * The model value, with defaults: no DVH, shadowing exposed, KVM's halt polling, no vIOMMU, posting as the path allows,
     * the parent's kernel (kept as {@code null}, so that it follows the parent's).
     */
    private static GuestHypervisor model(HypervisorSpec spec, HostTree tree, UUID parentId) {
        boolean posted = spec.postedInterrupts() != null ? spec.postedInterrupts() : tree.postedInterruptsAvailableBelow(parentId);
        HypervisorSettings settings = new HypervisorSettings(
                spec.dvh() == null ? Set.of() : spec.dvh(),
                spec.haltPollNs() == null ? HypervisorSettings.KVM_DEFAULT_HALT_POLL_NS : spec.haltPollNs(),
                spec.timerOffload() == null ? TimerOffload.PREEMPTION_TIMER : spec.timerOffload(),
                spec.exposeVmcsShadowing() == null || spec.exposeVmcsShadowing(),
                posted,
                spec.kernel());
        return new GuestHypervisor(spec.name(), spec.vcpus(), spec.memoryGib(), settings,
                spec.viommu() == null ? ViommuMode.OFF : spec.viommu());
    }

    /** A replacement names the same parent as the stored one: a guest hypervisor or VM never moves. */
    static void requireSameParent(ParentRef asked, UUID hostId, UUID parentHypervisorId, String kind) {
        boolean same = parentHypervisorId == null
                ? asked.hostId() != null && asked.hostId().equals(hostId) && asked.hypervisorId() == null
                : asked.hypervisorId() != null && asked.hypervisorId().equals(parentHypervisorId) && asked.hostId() == null;
        if (!same) {
            String current = parentHypervisorId == null ? "{\"hostId\":\"" + hostId + "\"}" : "{\"hypervisorId\":\"" + parentHypervisorId + "\"}";
            String message = "the parent of a " + kind + " cannot change; it is " + current
                    + ": create a new one under the other parent instead";
            throw new RuleViolationException(message, List.of(FieldProblem.of("parent", "parent-immutable", message)));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
