package dev.nestsim.api;

import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.aHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code Idempotency-Key} on POST: a retry gets the first answer and creates nothing. */
@ApiTest
class IdempotencyKeyTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = api.post("/api/v1/hosts", aHost("idem"), "Idempotency-Key", key);
        long hosts = api.count("hosts");

        MvcTestResult retry = api.post("/api/v1/hosts", aHost("idem"), "Idempotency-Key", key);

        assertThat(first).hasStatus(201);
        assertThat(retry).hasStatus(201).hasHeader("Idempotent-Replayed", "true")
                .hasHeader("Location", first.getResponse().getHeader("Location")).hasHeader("ETag", "\"0\"");
        assertThat((String) read(retry, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat(api.count("hosts")).isEqualTo(hosts);
    }

    @Test
    void theSameContentWithOtherKeyOrderAndSpacingCountsAsTheSameBody() {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = api.post("/api/v1/hosts", "{\"name\":\"order\",\"profile\":\"asplos20-testbed\"}", "Idempotency-Key", key);

        MvcTestResult retry = api.post("/api/v1/hosts", "{ \"profile\": \"asplos20-testbed\", \"name\": \"order\" }", "Idempotency-Key", key);

        assertThat((String) read(retry, "$.id")).isEqualTo(read(first, "$.id"));
    }

    @Test
    void theSameKeyForAnotherBodyOrPathIsA422() {
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/hosts", aHost("first"), "Idempotency-Key", key);
        long hosts = api.count("hosts");

        MvcTestResult otherBody = api.post("/api/v1/hosts", aHost("second"), "Idempotency-Key", key);
        MvcTestResult otherPath = api.post("/api/v1/vms", aHost("first"), "Idempotency-Key", key);

        assertThat(otherBody).hasStatus(422).hasContentType("application/problem+json")
                .bodyJson().extractingPath("$.type").isEqualTo(ProblemType.BASE + "idempotency-key-reused");
        assertThat(otherPath).hasStatus(422);
        assertThat(api.count("hosts")).isEqualTo(hosts);
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsFixedRetryMayUseTheKey() {
        String key = UUID.randomUUID().toString();

        MvcTestResult refused = api.post("/api/v1/hosts", aHost("fix-me").with("profile", "nope"), "Idempotency-Key", key);
        MvcTestResult fixed = api.post("/api/v1/hosts", aHost("fix-me"), "Idempotency-Key", key);

        assertThat(refused).hasStatus(422);
        assertThat(fixed).hasStatus(201).doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void theKeyIsStoredInTheDatabaseWithTheResource() {
        String key = UUID.randomUUID().toString();

        MvcTestResult created = api.post("/api/v1/hosts", aHost("stored"), "Idempotency-Key", key);

        String stored = jdbc.queryForObject("SELECT location FROM idempotency_keys WHERE idempotency_key = ?", String.class, key);
        assertThat(stored).isEqualTo(created.getResponse().getHeader("Location"));
    }

    @Test
    void concurrentDuplicatesCreateOneResource() throws Exception {
        String key = UUID.randomUUID().toString();
        long hosts = api.count("hosts");
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<MvcTestResult>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<MvcTestResult> post = () -> {
                    start.await();
                    return api.post("/api/v1/hosts", aHost("racer"), "Idempotency-Key", key);
                };
                results.add(pool.submit(post));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<MvcTestResult> result : results) {
                MvcTestResult response = result.get(60, TimeUnit.SECONDS);
                assertThat(response).hasStatus(201);
                ids.add(read(response, "$.id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(api.count("hosts")).isEqualTo(hosts + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyThatIsTooLongIsA400() {
        MvcTestResult result = api.post("/api/v1/hosts", aHost("long-key"), "Idempotency-Key", "k".repeat(256));

        assertThat(result).hasStatus(400).hasContentType("application/problem+json");
    }
}
