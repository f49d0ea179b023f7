package dev.nestsim.security;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link SecurityApiContract} on this machine's PostgreSQL server through the {@code postgres} profile, in a database of
 * its own (its keys would otherwise close the other PostgreSQL tests' service, which is {@code auto} under that profile).
 */
@ApiTest
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = {"nestsim.security.enabled=true", "nestsim.security.admin-key=" + SecurityApiContract.ADMIN_KEY,
        "spring.datasource.hikari.maximum-pool-size=4"})
class SecurityApiPostgresTest extends SecurityApiContract {

    private static final String DATABASE = PostgresDatabase.newDatabase();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", PostgresDatabase::username);
    }
}
