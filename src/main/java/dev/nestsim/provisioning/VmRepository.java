package dev.nestsim.provisioning;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VmRepository extends JpaRepository<VmEntity, UUID>, JpaSpecificationExecutor<VmEntity> {

    /** Every VM on a host, shallowest first, then in creation order. */
    @Query("select v from VmEntity v where v.hostId = :hostId order by v.level, v.createdAt, v.id")
    List<VmEntity> findTreeOf(@Param("hostId") UUID hostId);

    /** The host a node runs on, without loading the node (it is loaded later, under the host's lock). */
    @Query("select v.hostId from VmEntity v where v.id = :id")
    java.util.Optional<UUID> findHostIdOf(@Param("id") UUID id);

    /**
     * What the VMs on a host use, per parent (a {@code null} parent is the host itself): vCPUs, memory and
     * physical passthrough VFs. One row per parent, so creating a VM does not load every VM on the host.
     */
    @Query("select new dev.nestsim.provisioning.VmUsage(v.parentHypervisorId, sum(v.vcpus), sum(v.memoryGib),"
            + " sum(case when v.io = dev.nestsim.model.topology.IoModel.PASSTHROUGH then 1 else 0 end))"
            + " from VmEntity v where v.hostId = :hostId group by v.parentHypervisorId")
    List<VmUsage> usageOn(@Param("hostId") UUID hostId);

    long countByHostIdAndParentHypervisorIdIsNull(UUID hostId);

    long countByParentHypervisorId(UUID parentHypervisorId);
}
