package dev.nestsim.security;

import dev.nestsim.support.ApiTest;
import org.springframework.test.context.TestPropertySource;

/** {@link SecurityApiContract} on H2, in a database of its own (its runs and experiments are executed by this context). */
@ApiTest
@TestPropertySource(properties = {"nestsim.security.enabled=true", "nestsim.security.admin-key=" + SecurityApiContract.ADMIN_KEY,
        "spring.datasource.url=jdbc:h2:mem:nestsim-security;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class SecurityApiH2Test extends SecurityApiContract {
}
