package dev.nestsim.provisioning;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Kernel generations and online CPUs through the API on this machine's PostgreSQL server, through the {@code postgres} profile. */
@ApiTest
@ActiveProfiles({"test", "postgres"})
class KernelAndOnlineCpusApiPostgresTest extends KernelAndOnlineCpusApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }
}
