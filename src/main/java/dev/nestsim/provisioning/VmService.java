package dev.nestsim.provisioning;

import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.Versions;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.security.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leaf VMs: create on a host or in a guest hypervisor, read, list, replace, delete. */
@Service
@Transactional
public class VmService {

    private final VmRepository vms;
    private final HostTrees trees;
    private final TopologyProperties topology;
    private final DeletionGuards guards;
    private final Clock clock;
    private final Tenancy tenancy;

    VmService(VmRepository vms, HostTrees trees, TopologyProperties topology, DeletionGuards guards, Clock clock, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.vms = vms;
        this.trees = trees;
        this.topology = topology;
        this.guards = guards;
        this.clock = clock;
    }

    /** Creates it where {@code spec.parent()} says, if every topology rule holds (422 listing each broken one). */
    public VmEntity create(VmSpec spec) {
        HostTrees.Placement placement = trees.place(spec.parent());
        HostTree tree = placement.locked().tree();
        UUID id = UUID.randomUUID();
        LeafVm model = model(spec, tree, placement.parentHypervisorId());
        tree.putVm(id, placement.parentHypervisorId(), model);
        Violations.throwIfAny(tree.checkVm(id, topology.maxDepth()));
        Instant now = now();
        VmEntity entity = new VmEntity(id, placement.locked().host().getId(), placement.parentHypervisorId(), placement.level(), now);
        entity.ownedBy(placement.locked().host().getTenant());
        entity.apply(model, now);
        return vms.saveAndFlush(entity);
    }

    @Transactional(readOnly = true)
    public VmEntity get(UUID id) {
        String tenant = tenancy.current();
        return vms.findById(id).filter(v -> v.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("VM", id));
    }

    @Transactional(readOnly = true)
    public Page<VmEntity> list(String name, UUID hostId, UUID parentHypervisorId, IoModel io, Integer level, int page, int size) {
        return vms.findAll(Listing.<VmEntity>where("tenant", tenancy.current()).and(Listing.where("name", name)).and(Listing.where("hostId", hostId))
                        .and(Listing.where("parentHypervisorId", parentHypervisorId)).and(Listing.where("io", io))
                        .and(Listing.where("level", level)),
                PageRequest.of(page, size, Listing.CREATION_ORDER));
    }

    /** Replaces its sizes and settings (its parent is fixed: 422 naming {@code parent}), checked with the same rules (422). */
    public VmEntity replace(UUID id, String ifMatch, VmSpec spec) {
        HostTrees.Locked locked = trees.lockHostOfVm(id).orElseThrow(() -> new NotFoundException("VM", id));
        VmEntity entity = locked.vms().get(id);
        Versions.requireMatch(ifMatch, entity.getVersion());
        HypervisorService.requireSameParent(spec.parent(), entity.getHostId(), entity.getParentHypervisorId(), "VM");
        HostTree tree = locked.tree();
        LeafVm model = model(spec, tree, entity.getParentHypervisorId());
        tree.putVm(id, entity.getParentHypervisorId(), model);
        Violations.throwIfAny(tree.checkVm(id, topology.maxDepth()).stream().filter(HostTree::notDepth).toList());
        entity.apply(model, now());
        return vms.saveAndFlush(entity);
    }

    /** Deletes it unless queued or running work uses it (409 naming that work, see {@link DeletionGuard}). */
    public void delete(UUID id, String ifMatch) {
        HostTrees.Locked locked = trees.lockHostOfVm(id).orElseThrow(() -> new NotFoundException("VM", id));
        VmEntity entity = locked.vms().get(id);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, entity.getVersion());
        }
        guards.requireUnused("VM '" + entity.getName() + "' (L" + entity.getLevel() + ")", id);
        vms.delete(entity);
        vms.flush();
    }

    /** The model value, with defaults: VIRTIO, no DVH, interrupts posted when the path allows it. */
    private static LeafVm model(VmSpec spec, HostTree tree, UUID parentId) {
        boolean posted = spec.postedInterrupts() != null ? spec.postedInterrupts() : tree.postedInterruptsAvailableBelow(parentId);
        return new LeafVm(spec.name(), spec.vcpus(), spec.memoryGib(), spec.io() == null ? IoModel.VIRTIO : spec.io(),
                spec.dvh() == null ? Set.of() : spec.dvh(), posted);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
