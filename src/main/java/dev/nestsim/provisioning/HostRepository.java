package dev.nestsim.provisioning;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HostRepository extends JpaRepository<HostEntity, UUID>, JpaSpecificationExecutor<HostEntity> {

    /**
     * The host, locked until the transaction ends. Every change to a host's tree (a child created, changed
     * or deleted, the host changed) takes this lock first, so capacity and SR-IOV checks see a stable tree.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from HostEntity h where h.id = :id")
    Optional<HostEntity> lockById(@Param("id") UUID id);

    /** Names of the hosts on a calibration, in creation order. */
    @Query("select h.name from HostEntity h where h.calibrationId = :calibrationId order by h.createdAt, h.id")
    java.util.List<String> namesOnCalibration(@Param("calibrationId") UUID calibrationId, org.springframework.data.domain.Pageable page);
}
