package dev.nestsim.experiments;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The experiments API on this machine's PostgreSQL server, in a database of its own, through the {@code postgres} profile. */
@ApiTest
@ActiveProfiles({"test", "postgres"})
class ExperimentsApiPostgresTest extends ExperimentsApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }
}
