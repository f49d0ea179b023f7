package dev.nestsim.advice;

import dev.nestsim.support.ApiTest;
import org.springframework.test.context.TestPropertySource;

/** The advisor's API on an H2 database of its own. */
@ApiTest
@TestPropertySource(properties = {"nestsim.experiments.feed-interval=100ms",
        "spring.datasource.url=jdbc:h2:mem:nestsim-advice;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class AdviceApiH2Test extends AdviceApiContract {
}
