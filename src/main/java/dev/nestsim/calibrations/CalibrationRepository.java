package dev.nestsim.calibrations;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CalibrationRepository extends JpaRepository<CalibrationEntity, UUID>, JpaSpecificationExecutor<CalibrationEntity> {

    Optional<CalibrationEntity> findByTenantAndName(String tenant, String name);

    Optional<CalibrationEntity> findByIdAndTenant(UUID id, String tenant);

    boolean existsByTenantAndName(String tenant, String name);
}
