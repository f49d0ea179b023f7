package dev.nestsim.fuzz;

import dev.nestsim.support.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fuzzer on this machine's PostgreSQL, in a database of its own: a shorter pass of 1,000 requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"nestsim.runs.max-replications=2",
        "nestsim.runs.max-queued=20", "nestsim.runs.max-running=1",
        // the postgres profile's auto mode would close the service at the first API key the fuzzer issues
        "nestsim.security.enabled=false"})
@ActiveProfiles({"test", "postgres"})
class ApiFuzzPostgresTest extends ApiFuzzContract {

    private static final String DATABASE = PostgresDatabase.newDatabase();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }

    @Override
    int requests() {
        return Integer.getInteger("fuzz.postgres.requests", 1_000);
    }
}
