package dev.nestsim.security;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Advice with API keys required: its search runs without a request (the advice supervisor creates each stage's experiment),
 * yet everything it creates is its asker's tenant's, and another tenant sees none of it. On an H2 database of its own.
 */
@ApiTest
@TestPropertySource(properties = {"nestsim.security.enabled=true", "nestsim.security.admin-key=" + AdviceTenancyTest.ADMIN_KEY,
        "nestsim.experiments.feed-interval=100ms",
        "spring.datasource.url=jdbc:h2:mem:nestsim-advice-tenancy;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class AdviceTenancyTest {

    static final String ADMIN_KEY = "test-advice-admin-key-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Test
    void anAdvicesSearchRunsAsItsTenantAndAnotherTenantSeesNothingOfIt() {
        String mine = issue("advised", "operator");
        String theirs = issue("outsider", "operator");
        Body advice = Body.of("workload", "memcached", "parameters", Map.of("clientThreads", 1, "clientsPerThread", 4, "serverThreads", 1),
                "host", Map.of("profile", "asplos20-testbed", "kernel", "linux-4.18", "onlineCpus", 6), "depth", 1,
                "constraints", Map.of("liveMigratable", true, "hostFeatures", List.of(), "availableDvh", List.of()),
                "replications", 2, "seed", 11, "maxSimulated", 4);
        MvcTestResult created = post("/api/v1/advice", advice, mine);
        assertThat(created).as(body(created)).hasStatus(202);
        String id = read(created, "$.id");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            String status = JSON.readTree(body(get("/api/v1/advice/" + id, mine))).path("status").asString();
            return !"QUEUED".equals(status) && !"RUNNING".equals(status);
        });
        JsonNode done = JSON.readTree(body(get("/api/v1/advice/" + id, mine)));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("recommendations")).isNotEmpty();

        assertThat(get("/api/v1/advice/" + id, theirs)).hasStatus(404).hasContentType("application/problem+json");
        assertThat(get("/api/v1/advice/" + id + "/events", theirs)).hasStatus(404);
        assertThat(post("/api/v1/advice/" + id + "/cancel", Body.of(), theirs)).hasStatus(404);
        assertThat(body(get("/api/v1/advice?size=100", theirs))).doesNotContain(id);
        assertThat(body(get("/api/v1/advice?size=100", mine))).contains(id);
        long myExperiments = read(get("/api/v1/experiments?size=1", mine), "$.totalElements") instanceof Number n ? n.longValue() : -1;
        assertThat(myExperiments).as("the search's stage experiments are the asker's").isPositive();
        assertThat(((Number) read(get("/api/v1/experiments?size=1", theirs), "$.totalElements")).longValue()).isZero();
        assertThat(((Number) read(get("/api/v1/runs?size=1", theirs), "$.totalElements")).longValue()).isZero();

        assertThat(delete("/api/v1/advice/" + id, theirs)).as("another tenant's advice is a 404 to delete too").hasStatus(404);
        assertThat(get("/api/v1/advice/" + id, mine)).hasStatus(200);
        assertThat(delete("/api/v1/advice/" + id, mine)).hasStatus(204);
        assertThat(((Number) read(get("/api/v1/experiments?size=1", mine), "$.totalElements")).longValue())
                .as("its stage experiments went with it").isZero();
    }

    private MvcTestResult delete(String path, String secret) {
        return mvc.delete().uri(path).header("Authorization", "Bearer " + secret).exchange();
    }

    private String issue(String tenant, String role) {
        MvcTestResult issued = post("/api/v1/api-keys", Body.of("name", role + "-key", "tenant", tenant, "role", role), ADMIN_KEY);
        assertThat(issued).as(body(issued)).hasStatus(201);
        return read(issued, "$.secret");
    }

    private MvcTestResult get(String path, String secret) {
        return mvc.get().uri(path).header("Authorization", "Bearer " + secret).exchange();
    }

    private MvcTestResult post(String path, Object body, String secret) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(String.valueOf(body))
                .header("Authorization", "Bearer " + secret).exchange();
    }
}
