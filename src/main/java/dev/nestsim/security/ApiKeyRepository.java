package dev.nestsim.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    Optional<ApiKeyEntity> findBySecretHashAndRevokedAtIsNull(String secretHash);

    Page<ApiKeyEntity> findByTenant(String tenant, Pageable page);
}
