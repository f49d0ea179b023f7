package dev.nestsim.advice;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The advisor's API on this machine's PostgreSQL server, in a database of its own, through the {@code postgres} profile. */
@ApiTest
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = "nestsim.experiments.feed-interval=100ms")
class AdviceApiPostgresTest extends AdviceApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::url);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }
}
