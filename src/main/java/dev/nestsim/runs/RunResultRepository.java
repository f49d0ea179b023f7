package dev.nestsim.runs;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RunResultRepository extends JpaRepository<RunResultEntity, UUID> {
}
