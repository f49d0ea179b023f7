package dev.nestsim.runs;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RunMetricRepository extends JpaRepository<RunMetricEntity, RunMetricEntity.Key>, JpaSpecificationExecutor<RunMetricEntity> {

    List<RunMetricEntity> findByRunIdOrderByPosition(UUID runId);
}
