package dev.nestsim.advice;

import dev.nestsim.experiments.ExperimentStatus;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AdviceRepository extends JpaRepository<AdviceEntity, UUID>, JpaSpecificationExecutor<AdviceEntity> {

    @Query("select a.id from AdviceEntity a where a.status in :statuses order by a.createdAt, a.id")
    List<UUID> idsIn(Collection<ExperimentStatus> statuses, Pageable page);
}
