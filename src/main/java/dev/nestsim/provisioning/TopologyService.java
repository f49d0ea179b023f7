package dev.nestsim.provisioning;

import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.Path;
import dev.nestsim.security.Tenancy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the model's {@link Path} for what is provisioned: the entry point for features that simulate on a
 * VM, a guest hypervisor or a bare host. It walks the parent chain upward, one primary-key read per level
 * (at most {@link Path#HARD_MAX_DEPTH}), and throws {@link NotFoundException} for an unknown id.
 */
@Service
@Transactional(readOnly = true)
public class TopologyService {

    private final HostRepository hosts;
    private final HypervisorRepository hypervisors;
    private final VmRepository vms;
    private final Tenancy tenancy;

    TopologyService(HostRepository hosts, HypervisorRepository hypervisors, VmRepository vms, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.hosts = hosts;
        this.hypervisors = hypervisors;
        this.vms = vms;
    }

    /** The path host -> guest hypervisors -> the VM. */
    public Path pathOfVm(UUID vmId) {
        return locateVm(vmId).path();
    }

    /** The path host -> guest hypervisors, ending at this guest hypervisor (no leaf). */
    public Path pathOfHypervisor(UUID hypervisorId) {
        return locateHypervisor(hypervisorId).path();
    }

    /** The bare host, where a workload runs natively. */
    public Path nativePathOfHost(UUID hostId) {
        return locateHost(hostId).path();
    }

    /**
     * {@link #locateVm} under the lock of the VM's host, held until the caller's transaction ends, the lock every
     * change to that host's tree takes first: work recorded in the same transaction (a run on this path) is
     * seen by any later delete of the VM or of its parents, and no delete can slip in between.
     */
    @Transactional
    public LocatedPath lockAndLocateVm(UUID vmId) {
        return lockAndLocateVm(vmId, tenancy.current());
    }

    /** {@link #lockAndLocateVm(UUID)} for {@code tenant}'s VM (work without a request: the tenant of the row it works for). */
    @Transactional
    public LocatedPath lockAndLocateVm(UUID vmId, String tenant) {
        vms.findHostIdOf(vmId).flatMap(hosts::lockById).orElseThrow(() -> new NotFoundException("VM", vmId));
        return locateVm(vmId, tenant);
    }

    /** {@link #locateHost} under the host's lock, held until the caller's transaction ends (see {@link #lockAndLocateVm}). */
    @Transactional
    public LocatedPath lockAndLocateHost(UUID hostId) {
        return lockAndLocateHost(hostId, tenancy.current());
    }

    /** {@link #lockAndLocateHost(UUID)} for {@code tenant}'s host. */
    @Transactional
    public LocatedPath lockAndLocateHost(UUID hostId, String tenant) {
        hosts.lockById(hostId).orElseThrow(() -> new NotFoundException("host", hostId));
        return locateHost(hostId, tenant);
    }

    /** The path of the current tenant's VM; another tenant's is a 404, as a missing one. */
    public LocatedPath locateVm(UUID vmId) {
        return locateVm(vmId, tenancy.current());
    }

    public LocatedPath locateVm(UUID vmId, String tenant) {
        VmEntity vm = vms.findById(vmId).filter(v -> v.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("VM", vmId));
        Chain chain = chainFrom(vm.getParentHypervisorId());
        HostEntity host = host(vm.getHostId());
        chain.ids().add(0, host.getId());
        chain.ids().add(vm.getId());
        return new LocatedPath(Path.toLeaf(host.toModel(), chain.models(), vm.toModel()), chain.ids());
    }

    public LocatedPath locateHypervisor(UUID hypervisorId) {
        String tenant = tenancy.current();
        HypervisorEntity hv = hypervisors.findById(hypervisorId).filter(h -> h.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("guest hypervisor", hypervisorId));
        Chain chain = chainFrom(hv.getParentHypervisorId());
        chain.models().add(hv.toModel());
        chain.ids().add(hv.getId());
        HostEntity host = host(hv.getHostId());
        chain.ids().add(0, host.getId());
        return new LocatedPath(Path.toHypervisor(host.toModel(), chain.models()), chain.ids());
    }

    public LocatedPath locateHost(UUID hostId) {
        return locateHost(hostId, tenancy.current());
    }

    public LocatedPath locateHost(UUID hostId, String tenant) {
        HostEntity host = hosts.findById(hostId).filter(h -> h.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("host", hostId));
        return new LocatedPath(Path.nativeHost(host.toModel()), List.of(host.getId()));
    }

    /** The kernel generation a guest hypervisor runs: its own, or its parent's, down to L0's ({@link Path#kernel}). */
    public KernelGeneration effectiveKernel(HypervisorEntity hypervisor) {
        return effectiveKernels(List.of(hypervisor)).get(hypervisor.getId());
    }

    /**
     * {@link #effectiveKernel} of each, by id: one read per distinct ancestor and host however many of them share it (a
     * page of a list).
     */
    public Map<UUID, KernelGeneration> effectiveKernels(Collection<HypervisorEntity> of) {
        Map<UUID, HypervisorEntity> known = new HashMap<>();
        of.forEach(h -> known.put(h.getId(), h));
        Map<UUID, Host> hostModels = new HashMap<>();
        Map<UUID, KernelGeneration> kernels = new LinkedHashMap<>();
        for (HypervisorEntity hv : of) {
            List<GuestHypervisor> chain = new ArrayList<>();
            HypervisorEntity next = hv;
            chain.add(next.toModel());
            while (next.getParentHypervisorId() != null) {
                if (chain.size() >= Path.HARD_MAX_DEPTH) {
                    throw new IllegalStateException("the parent chain above " + hv.getId() + " is deeper than " + Path.HARD_MAX_DEPTH);
                }
                UUID parentId = next.getParentHypervisorId();
                next = known.computeIfAbsent(parentId, this::hypervisor);
                chain.add(next.toModel());
            }
            Collections.reverse(chain);
            Host host = hostModels.computeIfAbsent(hv.getHostId(), id -> host(id).toModel());
            kernels.put(hv.getId(), Path.toHypervisor(host, chain).kernel(chain.size()));
        }
        return kernels;
    }

    private HypervisorEntity hypervisor(UUID id) {
        return hypervisors.findById(id).orElseThrow(() -> new IllegalStateException("guest hypervisor " + id + " is referenced but missing"));
    }

    private HostEntity host(UUID hostId) {
        return hosts.findById(hostId).orElseThrow(() -> new IllegalStateException("host " + hostId + " is referenced but missing"));
    }

    /** The guest hypervisors from L1 down to {@code hypervisorId} included, with their ids. */
    private Chain chainFrom(UUID hypervisorId) {
        List<GuestHypervisor> models = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        UUID next = hypervisorId;
        while (next != null) {
            if (models.size() >= Path.HARD_MAX_DEPTH) {
                throw new IllegalStateException("the parent chain above " + hypervisorId + " is deeper than " + Path.HARD_MAX_DEPTH);
            }
            UUID current = next;
            HypervisorEntity hv = hypervisors.findById(current)
                    .orElseThrow(() -> new IllegalStateException("guest hypervisor " + current + " is referenced but missing"));
            models.add(hv.toModel());
            ids.add(hv.getId());
            next = hv.getParentHypervisorId();
        }
        Collections.reverse(models);
        Collections.reverse(ids);
        return new Chain(models, ids);
    }

    private record Chain(List<GuestHypervisor> models, List<UUID> ids) {
    }
}
