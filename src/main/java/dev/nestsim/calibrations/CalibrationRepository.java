package dev.nestsim.calibrations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CalibrationRepository extends JpaRepository<CalibrationEntity, UUID>, JpaSpecificationExecutor<CalibrationEntity> {

    Optional<CalibrationEntity> findByTenantAndName(String tenant, String name);

    Optional<CalibrationEntity> findByIdAndTenant(UUID id, String tenant);

    boolean existsByTenantAndName(String tenant, String name);

    /** Id, name and kernel of the calibrations of these ids, without their outputs and fit. */
    @Query("select c.id, c.name, c.kernel from CalibrationEntity c where c.id in :ids")
    List<Object[]> namesAndKernels(@Param("ids") Collection<UUID> ids);
}
