package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface SensitivityRepository extends JpaRepository<SensitivityEntity, UUID>, JpaSpecificationExecutor<SensitivityEntity> {

    /** Active analyses not touched since {@code before}, oldest first: the ones whose job may have been lost. */
    @Query("select s.id from SensitivityEntity s where s.status in :statuses and s.updatedAt < :before order by s.createdAt, s.id")
    List<UUID> staleIn(Collection<ExperimentStatus> statuses, Instant before, Pageable page);
}
