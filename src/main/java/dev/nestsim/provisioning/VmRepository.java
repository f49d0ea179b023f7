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

    long countByHostIdAndParentHypervisorIdIsNull(UUID hostId);

    long countByParentHypervisorId(UUID parentHypervisorId);
}
