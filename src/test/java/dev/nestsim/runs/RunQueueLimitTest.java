package dev.nestsim.runs;

import dev.nestsim.support.ApiTest;
import org.springframework.test.context.TestPropertySource;

/** The queue bound on H2, in an in-memory database of its own. */
@ApiTest
@TestPropertySource(properties = {RunQueueLimitContract.QUEUE_PROPERTIES, "nestsim.runs.retry-after=7s",
        "spring.datasource.url=jdbc:h2:mem:nestsim-queue-limit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class RunQueueLimitTest extends RunQueueLimitContract {
}
