package dev.nestsim.provisioning;

import dev.nestsim.support.ApiTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The provisioning API on a throwaway PostgreSQL 15 container, where a Docker engine is available; skipped elsewhere. */
@ApiTest
@ActiveProfiles({"test", "postgres"})
@Testcontainers(disabledWithoutDocker = true)
class ProvisioningApiTestcontainersTest extends ProvisioningApiContract {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15-alpine");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
    }
}
