package dev.nestsim.provisioning;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HypervisorRepository extends JpaRepository<HypervisorEntity, UUID>, JpaSpecificationExecutor<HypervisorEntity> {

    /** Every guest hypervisor on a host, shallowest first, then in creation order. */
    @Query("select h from HypervisorEntity h where h.hostId = :hostId order by h.level, h.createdAt, h.id")
    List<HypervisorEntity> findTreeOf(@Param("hostId") UUID hostId);

    /** The host a node runs on, without loading the node (it is loaded later, under the host's lock). */
    @Query("select h.hostId from HypervisorEntity h where h.id = :id")
    java.util.Optional<UUID> findHostIdOf(@Param("id") UUID id);

    long countByHostIdAndParentHypervisorIdIsNull(UUID hostId);

    long countByParentHypervisorId(UUID parentHypervisorId);
}
