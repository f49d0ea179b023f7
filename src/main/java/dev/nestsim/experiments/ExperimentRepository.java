package dev.nestsim.experiments;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ExperimentRepository extends JpaRepository<ExperimentEntity, UUID>, JpaSpecificationExecutor<ExperimentEntity> {
}
