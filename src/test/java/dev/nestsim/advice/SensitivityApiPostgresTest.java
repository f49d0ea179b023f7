package dev.nestsim.advice;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sensitivity analyses through the API on this machine's PostgreSQL server, through the {@code postgres} profile. */
@ApiTest
@ActiveProfiles({"test", "postgres"})
class SensitivityApiPostgresTest extends SensitivityApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }
}
