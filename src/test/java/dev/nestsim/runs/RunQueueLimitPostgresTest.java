package dev.nestsim.runs;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The queue bound on PostgreSQL, in a database of its own. */
@ApiTest
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = {RunQueueLimitContract.QUEUE_PROPERTIES, "nestsim.runs.retry-after=7s"})
class RunQueueLimitPostgresTest extends RunQueueLimitContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }
}
