package dev.nestsim.runs;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RunRepository extends JpaRepository<RunEntity, UUID>, JpaSpecificationExecutor<RunEntity> {
}
