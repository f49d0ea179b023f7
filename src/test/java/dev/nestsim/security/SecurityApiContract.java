package dev.nestsim.security;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.aHost;
import static dev.nestsim.support.Body.aHypervisorOnHost;
import static dev.nestsim.support.Body.aVmIn;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.Body;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys, roles and tenants as a caller sees them, with {@code nestsim.security.enabled=true} and a bootstrap admin key.
 * Runs on H2 ({@link SecurityApiH2Test}) and PostgreSQL ({@link SecurityApiPostgresTest}); every test issues its own keys
 * for tenants of its own, so tests never see each other's data.
 */
abstract class SecurityApiContract {

    static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    String tenant;

    @BeforeEach
    void freshTenant() {
        tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- 401

    @Test
    void withoutAKeyEveryApiCallIs401ProblemWithABearerChallenge() {
        for (String path : List.of("/api/v1/hosts", "/api/v1/runs", "/api/v1/experiments", "/api/v1/metrics", "/api/v1/workloads")) {
            MvcTestResult result = mvc.get().uri(path).exchange();
            assertThat(result).as(path).hasStatus(401).hasContentType("application/problem+json");
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).as(path).isEqualTo("Bearer realm=\"nestsim\"");
            assertThat((String) read(result, "$.type")).isEqualTo("https://nestsim.dev/problems/unauthorized");
        }
        assertThat(post("/api/v1/hosts", aHost("no-key"), null)).hasStatus(401);
    }

    @Test
    void aWrongKeyOrAnotherSchemeIs401InvalidToken() {
        for (String header : List.of("Bearer nsk_not-a-key-at-all", "Bearer " + ADMIN_KEY + "x", "Basic YWRtaW46YWRtaW4=", "Bearer ")) {
            MvcTestResult result = mvc.get().uri("/api/v1/hosts").header("Authorization", header).exchange();
            assertThat(result).as(header).hasStatus(401).hasContentType("application/problem+json");
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).as(header).startsWith("Bearer realm=\"nestsim\"")
                    .contains("error=\"invalid_token\"");
        }
    }

    // ---- roles

    @Test
    void aViewerReadsButMayNotCreateAndNothingIsCreated() {
        String viewer = issue(tenant, "viewer");
        String operator = issue(tenant, "operator");
        assertThat(get("/api/v1/hosts", viewer)).hasStatus(200);
        MvcTestResult refused = post("/api/v1/hosts", aHost("viewer-host"), viewer);
        assertThat(refused).hasStatus(403).hasContentType("application/problem+json");
        assertThat((String) read(refused, "$.type")).isEqualTo("https://nestsim.dev/problems/forbidden");
        assertThat((String) read(refused, "$.detail")).contains("role viewer", "operator or admin");
        assertThat(total(get("/api/v1/hosts", operator))).isZero();
        assertThat(post("/api/v1/hosts", aHost("operator-host"), operator)).hasStatus(201);
        assertThat(total(get("/api/v1/hosts", viewer))).isEqualTo(1);
    }

    @Test
    void onlyAnAdminManagesKeysAndReadsTheActuatorBeyondHealth() {
        String operator = issue(tenant, "operator");
        String admin = issue(tenant, "admin");
        assertThat(post("/api/v1/api-keys", key("more", tenant, "viewer"), operator)).hasStatus(403);
        assertThat(get("/api/v1/api-keys", operator)).hasStatus(403);
        assertThat(get("/actuator/info", operator)).hasStatus(403).hasContentType("application/problem+json");
        assertThat(mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(401);
        assertThat(get("/actuator/info", admin)).hasStatus(200).bodyJson().extractingPath("$.security.mode").isEqualTo("enforced");
        for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(mvc.get().uri(open).exchange()).as(open).hasStatus(200);
        }
        assertThat(post("/api/v1/api-keys", key("more", tenant, "viewer"), admin)).hasStatus(201);
    }

    @Test
    void aTenantsAdminIssuesKeysForItsOwnTenantOnlyAndListsOnlyThem() {
        String admin = issue(tenant, "admin");
        String other = "o-" + tenant;
        issue(other, "viewer");
        assertThat(post("/api/v1/api-keys", key("escalate", other, "admin"), admin)).hasStatus(403);
        JsonNode page = JSON.readTree(body(get("/api/v1/api-keys?size=100", admin)));
        assertThat(page.get("items").valueStream().map(k -> k.get("tenant").asString()).distinct().toList()).containsExactly(tenant);
        assertThat(body(get("/api/v1/api-keys?size=100", ADMIN_KEY))).contains(other);
    }

    // ---- keys

    @Test
    void theSecretIsShownOnceAndNeverListed() {
        MvcTestResult issued = post("/api/v1/api-keys", key("ci", tenant, "operator"), ADMIN_KEY);
        assertThat(issued).hasStatus(201);
        String secret = read(issued, "$.secret");
        String id = read(issued, "$.id");
        assertThat(secret).startsWith("nsk_").hasSizeGreaterThan(40);
        assertThat(issued.getResponse().getHeader("Location")).isEqualTo("/api/v1/api-keys/" + id);
        String list = body(get("/api/v1/api-keys?size=100", ADMIN_KEY));
        String one = body(get("/api/v1/api-keys/" + id, ADMIN_KEY));
        assertThat(list).contains(id).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(one).contains(id, secret.substring(0, 12)).doesNotContain(secret);
        assertThat(get("/api/v1/hosts", secret)).hasStatus(200);
    }

    @Test
    void aRevokedKeyIsRefused() {
        MvcTestResult issued = post("/api/v1/api-keys", key("leaked", tenant, "operator"), ADMIN_KEY);
        String secret = read(issued, "$.secret");
        String id = read(issued, "$.id");
        assertThat(get("/api/v1/hosts", secret)).hasStatus(200);
        assertThat(delete("/api/v1/api-keys/" + id, ADMIN_KEY)).hasStatus(204);
        MvcTestResult refused = get("/api/v1/hosts", secret);
        assertThat(refused).hasStatus(401);
        assertThat(refused.getResponse().getHeader("WWW-Authenticate")).contains("invalid_token");
        assertThat(get("/api/v1/api-keys/" + id, ADMIN_KEY)).bodyJson().extractingPath("$.revokedAt").isNotNull();
        assertThat(delete("/api/v1/api-keys/" + id, ADMIN_KEY)).hasStatus(204);
    }

    @Test
    void aKeyRequestIsCheckedWhole() {
        MvcTestResult refused = post("/api/v1/api-keys", Body.of("name", " ", "tenant", "Not A Tenant", "role", "root"), ADMIN_KEY);
        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        assertThat(body(refused)).contains("role");
        MvcTestResult fields = post("/api/v1/api-keys", Body.of("name", " ", "tenant", "Not A Tenant", "role", "viewer"), ADMIN_KEY);
        assertThat(fields).hasStatus(400);
        assertThat(body(fields)).contains("\"name\"", "\"tenant\"");
    }

    // ---- tenants

    @Test
    void anotherTenantGets404AndSeesNothingOfIt() {
        String mine = issue(tenant, "operator");
        String theirs = issue("o-" + tenant, "admin");
        String host = id(post("/api/v1/hosts", aHost(tenant + "-host"), mine));
        String hv = id(post("/api/v1/hypervisors", aHypervisorOnHost(tenant + "-l1", host), mine));
        String vm = id(post("/api/v1/vms", aVmIn(tenant + "-vm", hv), mine));
        String run = id(post("/api/v1/runs", Body.of("target", Body.of("vmId", vm), "workload", "device-notify", "replications", 2, "seed", 42),
                mine));
        awaitStatus("/api/v1/runs/" + run, mine, "SUCCEEDED");
        assertThat(total(get("/api/v1/metrics?runId=" + run, mine))).isPositive();

        for (String path : List.of("/api/v1/hosts/" + host, "/api/v1/hosts/" + host + "/path", "/api/v1/hypervisors/" + hv,
                "/api/v1/hypervisors/" + hv + "/path", "/api/v1/vms/" + vm, "/api/v1/vms/" + vm + "/path",
                "/api/v1/vms/" + vm + "/microbenchmarks", "/api/v1/runs/" + run, "/api/v1/runs/" + run + "/result",
                "/api/v1/runs/" + run + "/events")) {
            assertThat(get(path, theirs)).as(path).hasStatus(404).hasContentType("application/problem+json");
            assertThat(get(path, mine)).as(path).hasStatus(200);
        }
        for (String list : List.of("/api/v1/hosts?size=100", "/api/v1/hypervisors?size=100", "/api/v1/vms?size=100", "/api/v1/runs?size=100",
                "/api/v1/metrics?size=100", "/api/v1/hosts?size=100&name=" + tenant + "-host", "/api/v1/vms?size=100&hostId=" + host,
                "/api/v1/runs?size=100&vmId=" + vm)) {
            assertThat(body(get(list, theirs))).as(list).doesNotContain(host, hv, vm, run);
        }
        assertThat(total(get("/api/v1/metrics?runId=" + run, theirs))).isZero();
        assertThat(total(get("/api/v1/metrics?vmId=" + vm, theirs))).isZero();

        // their references to my resources are refused as if they did not exist, and change nothing
        assertThat(post("/api/v1/vms", aVmOnHost("intruder", host), theirs)).hasStatus(422);
        assertThat(post("/api/v1/hypervisors", aHypervisorOnHost("intruder", host), theirs)).hasStatus(422);
        assertThat(post("/api/v1/runs", Body.of("target", Body.of("vmId", vm), "workload", "device-notify"), theirs)).hasStatus(422);
        assertThat(post("/api/v1/experiments", Body.of("name", "intrusion", "targets", List.of(Body.of("name", "x", "vmId", vm)),
                "workloads", List.of(Body.of("workload", "device-notify")), "replications", 2), theirs)).hasStatus(422);
        assertThat(delete("/api/v1/vms/" + vm, theirs)).hasStatus(404);
        assertThat(delete("/api/v1/hosts/" + host, theirs)).hasStatus(404);
        assertThat(post("/api/v1/runs/" + run + "/cancel", Body.of(), theirs)).hasStatus(404);
        assertThat(total(get("/api/v1/vms?hostId=" + host, mine))).isEqualTo(1);
        assertThat(total(get("/api/v1/runs?vmId=" + vm, mine))).isEqualTo(1);
    }

    @Test
    void anExperimentAndItsRunsAreItsCreatorsTenants() {
        String mine = issue(tenant, "operator");
        String theirs = issue("o-" + tenant, "operator");
        String vm = id(post("/api/v1/vms", aVmOnHost(tenant + "-vm", id(post("/api/v1/hosts", aHost(tenant + "-host"), mine))), mine));
        String experiment = id(post("/api/v1/experiments", Body.of("name", tenant + "-study", "targets", List.of(Body.of("name", "l1", "vmId", vm)),
                "workloads", List.of(Body.of("workload", "device-notify"), Body.of("workload", "program-timer")), "replications", 2, "seed", 7), mine));
        JsonNode done = awaitStatus("/api/v1/experiments/" + experiment, mine, "SUCCEEDED");
        List<String> runs = done.get("cells").valueStream().map(c -> c.get("runId").asString()).toList();
        assertThat(runs).hasSize(2);
        for (String run : runs) {
            assertThat(get("/api/v1/runs/" + run, mine)).hasStatus(200);
            assertThat(get("/api/v1/runs/" + run, theirs)).hasStatus(404);
        }
        for (String path : List.of("/api/v1/experiments/" + experiment, "/api/v1/experiments/" + experiment + "/results",
                "/api/v1/experiments/" + experiment + "/events", "/api/v1/experiments/" + experiment + "/report",
                "/api/v1/experiments/" + experiment + "/comparison")) {
            assertThat(get(path, theirs)).as(path).hasStatus(404);
        }
        assertThat(get("/api/v1/experiments/" + experiment + "/results", mine)).hasStatus(200);
        assertThat(body(get("/api/v1/experiments?size=100", theirs))).doesNotContain(experiment);
        assertThat(body(get("/api/v1/runs?size=100", theirs))).doesNotContain(runs.get(0), runs.get(1));
        assertThat(delete("/api/v1/experiments/" + experiment, theirs)).hasStatus(404);
        assertThat(get("/api/v1/experiments/" + experiment, mine)).hasStatus(200);
    }

    @Test
    void aCalibrationIsItsCreatorsTenantsAndItsNameIsUniqueWithinATenantOnly() {
        String mine = issue(tenant, "operator");
        String theirs = issue("o-" + tenant, "operator");
        Body calibration = Body.of("name", tenant + "-icx", "clockGhz", 2.2, "kernel", "linux-4.18",
                "l1VmexitOutput", "cpuid 1100\nvmcall 1550\ninl_from_kernel 2700\ninl_from_qemu 6850\n");
        String id = id(post("/api/v1/calibrations", calibration, mine));

        for (String path : List.of("/api/v1/calibrations/" + id, "/api/v1/calibrations/" + id + "/predictions")) {
            assertThat(get(path, theirs)).as(path).hasStatus(404).hasContentType("application/problem+json");
            assertThat(get(path, mine)).as(path).hasStatus(200);
        }
        assertThat(body(get("/api/v1/calibrations?size=100", theirs))).doesNotContain(id);
        assertThat(body(get("/api/v1/calibrations?size=100&name=" + tenant + "-icx", theirs))).doesNotContain(id);
        assertThat(post("/api/v1/hosts", aHost(tenant + "-intruder").with("calibration", id), theirs)).hasStatus(422);
        assertThat(post("/api/v1/hosts", aHost(tenant + "-intruder").with("calibration", tenant + "-icx"), theirs)).hasStatus(422);
        assertThat(delete("/api/v1/calibrations/" + id, theirs)).hasStatus(404);

        String twin = id(post("/api/v1/calibrations", calibration, theirs));
        assertThat(twin).as("the same name in another tenant is another calibration").isNotEqualTo(id);
        assertThat(post("/api/v1/calibrations", calibration, mine)).as("a second of that name in my tenant").hasStatus(409);
        String host = id(post("/api/v1/hosts", aHost(tenant + "-calibrated").with("calibration", tenant + "-icx"), mine));
        assertThat(body(get("/api/v1/hosts/" + host, mine))).as("my name resolves to my calibration").contains(id).doesNotContain(twin);
        assertThat(get("/api/v1/calibrations/" + id, mine)).hasStatus(200);
    }

    @Test
    void idempotencyKeysArePerTenant() {
        String mine = issue(tenant, "operator");
        String theirs = issue("o-" + tenant, "operator");
        String key = "same-key-" + tenant;
        MvcTestResult first = postWith("/api/v1/hosts", aHost("shared-name"), mine, key);
        MvcTestResult other = postWith("/api/v1/hosts", aHost("shared-name"), theirs, key);
        assertThat(first).hasStatus(201);
        assertThat(other).hasStatus(201);
        assertThat(other.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat((String) read(other, "$.id")).isNotEqualTo(read(first, "$.id"));
        MvcTestResult replay = postWith("/api/v1/hosts", aHost("shared-name"), mine, key);
        assertThat(replay.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat((String) read(replay, "$.id")).isEqualTo(read(first, "$.id"));
    }

    // ---- headers

    @Test
    void responsesCarryTheSecurityHeaders() {
        for (MvcTestResult result : List.of(get("/api/v1/hosts", ADMIN_KEY), mvc.get().uri("/api/v1/hosts").exchange())) {
            var response = result.getResponse();
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
            assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.getHeader("Set-Cookie")).isNull();
        }
        String experiment = "/api/v1/experiments/" + UUID.randomUUID();
        for (String page : List.of(experiment + "/report", experiment + "/charts/cpu-per-level.svg")) {
            assertThat(get(page, ADMIN_KEY).getResponse().getHeader("Content-Security-Policy")).as(page)
                    .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        }
        assertThat(get(experiment + "/results", ADMIN_KEY).getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    // ---- helpers

    String issue(String forTenant, String role) {
        MvcTestResult issued = post("/api/v1/api-keys", key(role + "-key", forTenant, role), ADMIN_KEY);
        assertThat(issued).as(body(issued)).hasStatus(201);
        return read(issued, "$.secret");
    }

    static Body key(String name, String forTenant, String role) {
        return Body.of("name", name, "tenant", forTenant, "role", role);
    }

    MvcTestResult get(String path, String secret) {
        return mvc.get().uri(path).header("Authorization", "Bearer " + secret).exchange();
    }

    MvcTestResult post(String path, Object body, String secret) {
        var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(String.valueOf(body));
        return (secret == null ? request : request.header("Authorization", "Bearer " + secret)).exchange();
    }

    MvcTestResult postWith(String path, Object body, String secret, String idempotencyKey) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(String.valueOf(body))
                .header("Authorization", "Bearer " + secret).header("Idempotency-Key", idempotencyKey).exchange();
    }

    MvcTestResult delete(String path, String secret) {
        return mvc.delete().uri(path).header("Authorization", "Bearer " + secret).exchange();
    }

    static String id(MvcTestResult created) {
        assertThat(created.getResponse().getStatus()).as(body(created)).isBetween(200, 299);
        return read(created, "$.id");
    }

    static long total(MvcTestResult page) {
        assertThat(page).as(body(page)).hasStatus(200);
        return ((Number) read(page, "$.totalElements")).longValue();
    }

    JsonNode awaitStatus(String path, String secret, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> wanted.contains(JSON.readTree(body(get(path, secret))).path("status").asString()));
        return JSON.readTree(body(get(path, secret)));
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
