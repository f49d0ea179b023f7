package dev.nestsim.runs;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A full queue refuses new runs with 429 and Retry-After, and stores nothing. A context of its own, on a database of
 * its own: its runs and JobRunr jobs are not the other tests'.
 */
@ApiTest
@TestPropertySource(properties = {"nestsim.runs.max-queued=2", "nestsim.runs.retry-after=7s",
        "spring.datasource.url=jdbc:h2:mem:nestsim-queue-limit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class RunQueueLimitTest extends RunsApiSupport {

    @Test
    void pastMaxQueuedASubmissionIsRefusedWith429AndRetryAfter() {
        String vm = anL1Vm("full");
        String busy1 = submit(aSlowRun(vm, 400));
        String busy2 = submit(aSlowRun(vm, 400));
        awaitStatus(busy1, "RUNNING");
        awaitStatus(busy2, "RUNNING");
        submit(aRun(vm, "cpuid"));
        submit(aRun(vm, "cpuid"));
        long before = count("");

        MvcTestResult refused = api.post("/api/v1/runs", aRun(vm, "cpuid"));

        assertThat(refused).as(body(refused)).hasStatus(429).hasHeader("Retry-After", "7").hasContentType("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("https://nestsim.dev/problems/queue-full");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("2 runs are queued");
        assertThat(count("")).isEqualTo(before);
    }
}
