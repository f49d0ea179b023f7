package dev.nestsim.provisioning;

import dev.nestsim.api.Problems.ConflictWithChildrenException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.Versions;
import dev.nestsim.model.topology.Host;
import dev.nestsim.security.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Physical hosts: create from a profile or custom hardware, read, list, replace, delete. */
@Service
@Transactional
public class HostService {

    private final HostRepository hosts;
    private final HypervisorRepository hypervisors;
    private final VmRepository vms;
    private final HostTrees trees;
    private final TopologyProperties topology;
    private final DeletionGuards guards;
    private final Clock clock;
    private final HostCalibrations calibrations;
    private final Tenancy tenancy;

    HostService(HostRepository hosts, HypervisorRepository hypervisors, VmRepository vms, HostTrees trees,
                TopologyProperties topology, DeletionGuards guards, Clock clock, HostCalibrations calibrations, Tenancy tenancy) {
        this.calibrations = calibrations;
        this.tenancy = tenancy;
        this.hosts = hosts;
        this.hypervisors = hypervisors;
        this.vms = vms;
        this.trees = trees;
        this.topology = topology;
        this.guards = guards;
        this.clock = clock;
    }

    public HostEntity create(HostSpec spec) {
        return create(spec, null);
    }

    /**
     * A host on the calibration {@code calibration} names (its id or name; {@code null}: the reference parameters): 422
     * when none has that id or name (rule known-calibration) or it was fitted on another kernel than L0's (rule
     * calibration-kernel).
     */
    public HostEntity create(HostSpec spec, String calibration) {
        Host host = HostResolver.resolve(spec);
        HostCalibrations.Label chosen = calibrations.resolve(calibration);
        HostCalibrations.requireKernel(chosen, host.kernel());
        Instant now = now();
        HostEntity entity = new HostEntity(UUID.randomUUID(), now);
        entity.ownedBy(tenancy.current());
        entity.apply(spec.name(), spec.profile(), host, now);
        entity.useCalibration(chosen == null ? null : chosen.id());
        return hosts.saveAndFlush(entity);
    }

    @Transactional(readOnly = true)
    public HostEntity get(UUID id) {
        String tenant = tenancy.current();
        return hosts.findById(id).filter(h -> h.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("host", id));
    }

    @Transactional(readOnly = true)
    public Page<HostEntity> list(String name, String profile, int page, int size) {
        return hosts.findAll(Listing.<HostEntity>where("tenant", tenancy.current()).and(Listing.where("name", name)).and(Listing.where("profile", profile)),
                PageRequest.of(page, size, Listing.CREATION_ORDER));
    }

    /**
     * Replaces the host's hardware and L0 settings; checks the host itself (422) and then every guest
     * hypervisor and VM on it against the changed host (409 naming the dependent ones).
     */
    public HostEntity replace(UUID id, String ifMatch, HostSpec spec) {
        return replace(id, ifMatch, spec, null);
    }

    /**
     * {@link #replace(UUID, String, HostSpec)}, the host then on the calibration {@code calibration} names ({@code null}: the
     * reference), with the rules of {@link #create(HostSpec, String)}: a change of L0's kernel away from the calibration's is
     * refused as naming a calibration of another kernel is.
     */
    public HostEntity replace(UUID id, String ifMatch, HostSpec spec, String calibration) {
        HostCalibrations.Label chosen = calibrations.resolve(calibration);
        HostTrees.Locked locked = trees.lock(id).orElseThrow(() -> new NotFoundException("host", id));
        Versions.requireMatch(ifMatch, locked.host().getVersion());
        Host host = HostResolver.resolve(spec);
        HostCalibrations.requireKernel(chosen, host.kernel());
        locked.tree().setHost(host);
        Violations.throwIfDependents("host '" + locked.host().getName() + "'", true, locked.tree().checkBelow(null, topology.maxDepth()));
        locked.host().apply(spec.name(), spec.profile(), host, now());
        locked.host().useCalibration(chosen == null ? null : chosen.id());
        return hosts.saveAndFlush(locked.host());
    }

    /** Deletes a host that has no guest hypervisors and no VMs and that no queued or running work uses; otherwise 409 saying what is left. */
    public void delete(UUID id, String ifMatch) {
        HostTrees.Locked locked = trees.lock(id).orElseThrow(() -> new NotFoundException("host", id));
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, locked.host().getVersion());
        }
        long childHypervisors = hypervisors.countByHostIdAndParentHypervisorIdIsNull(id);
        long childVms = vms.countByHostIdAndParentHypervisorIdIsNull(id);
        if (childHypervisors + childVms > 0) {
            throw new ConflictWithChildrenException("host '" + locked.host().getName() + "' still runs "
                    + Listing.children(childHypervisors, childVms) + " directly; delete them first", List.of());
        }
        guards.requireUnused("host '" + locked.host().getName() + "'", id);
        hosts.delete(locked.host());
        hosts.flush();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
