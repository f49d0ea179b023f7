package dev.nestsim.advice;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.Body;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sensitivity analyses through the API (issue 17, item 4): accepted and computed by its JobRunr job point by point, ranked knobs
 * and parameters with intervals, the same as the analysis computed directly; bad input refused whole; cancel and delete. On H2
 * ({@link SensitivityApiH2Test}) and PostgreSQL ({@link SensitivityApiPostgresTest}).
 */
abstract class SensitivityApiContract {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    static Body hackbench(long seed) {
        return Body.of("workload", "hackbench", "host", Map.of("profile", "asplos20-testbed", "kernel", "linux-4.18", "onlineCpus", 8), "depth", 2,
                "configuration", Map.of("io", "VIRTIO", "dvh", List.of(), "viommu", "OFF", "postedInterrupts", true, "vmcsShadowing", true,
                        "haltPollNs", 200000), "replications", 2, "trajectories", 3, "seed", seed);
    }

    private JsonNode finished(String id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            String status = read(api.get("/api/v1/sensitivity/" + id), "$.status");
            return !"QUEUED".equals(status) && !"RUNNING".equals(status);
        });
        return JSON.readTree(body(api.get("/api/v1/sensitivity/" + id)));
    }

    private String create(Body b) {
        MvcTestResult created = api.post("/api/v1/sensitivity", b);
        assertThat(created).hasStatus(202).containsHeader("Location");
        return read(created, "$.id");
    }

    private long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sensitivity_analyses", Long.class);
    }

    @Test
    void anAnalysisRanksKnobsAndParametersAndEqualsTheAnalysisComputedDirectly() {
        String id = create(hackbench(7));
        JsonNode done = finished(id);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/progress/pointsDone").asInt()).isEqualTo(done.at("/progress/pointsTotal").asInt()).isGreaterThan(10);
        assertThat(done.at("/progress/percent").asDouble()).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sensitivity_points WHERE analysis_id = ?", Integer.class, java.util.UUID.fromString(id)))
                .isEqualTo(done.at("/progress/pointsTotal").asInt());
        SensitivityResult direct = SensitivityAnalysisTest.analyse(SensitivityAnalysisTest.hackbench(7, 3));
        JsonNode result = done.get("result");
        assertThat(result.at("/parameters/0/parameter").asString()).isEqualTo(direct.parameters().get(0).parameter());
        assertThat(result.at("/parameters/0/muStar").asDouble()).isEqualTo(direct.parameters().get(0).muStar());
        assertThat(result.at("/knobs/0/knob").asString()).isEqualTo(direct.knobs().get(0).knob());
        assertThat(result.at("/knobs/0/ratio").asDouble()).isEqualTo(direct.knobs().get(0).ratio());
        assertThat(result.at("/base/normalizedToNative/mean").asDouble()).isEqualTo(direct.base().normalizedToNative().mean());
        assertThat(result.get("unread").size()).isEqualTo(direct.unread().size());
        assertThat(result.get("conclusion").asString()).isEqualTo(direct.conclusion());

        assertThat(api.delete("/api/v1/sensitivity/" + id)).hasStatus(204);
        assertThat(api.get("/api/v1/sensitivity/" + id)).hasStatus(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sensitivity_points WHERE analysis_id = ?", Integer.class, java.util.UUID.fromString(id)))
                .isZero();
    }

    @Test
    void badInputIsRefusedWholeWithEveryFieldNamedAndNothingStored() {
        long before = stored();
        MvcTestResult refused = api.post("/api/v1/sensitivity", hackbench(1).with("trajectories", 1).with("replications", 9).with("depth", 0)
                .with("configuration", Map.of("io", "VIRTIO", "viommu", "STRICT")).with("seed", -1));

        assertThat(refused).hasStatus(400);
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).contains("trajectories", "replications", "depth", "configuration.viommu", "seed");
        assertThat(api.post("/api/v1/sensitivity", hackbench(1).with("workload", "nosuch"))).hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("workload");
        MvcTestResult rules = api.post("/api/v1/sensitivity", hackbench(1).with("host", Map.of("profile", "sandy-bridge-e5-2450")));
        assertThat(rules).as("posted interrupts on a CPU without them").hasStatus(422);
        assertThat((String) read(rules, "$.errors[0].field")).isEqualTo("configuration");
        assertThat(api.post("/api/v1/sensitivity", hackbench(1).with("knobs", true))).hasStatus(400);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theNewKnobsAreCheckedAndAPerLevelSetThatBreaksTheChainIsRefusedByTheRule() {
        long before = stored();
        MvcTestResult refused = api.post("/api/v1/sensitivity", hackbench(1).with("vm", Map.of("vcpus", 4)).with("configuration", Map.of("io", "VIRTIO",
                "hypervisorDvh", List.of(List.of(), List.of()), "guestKernel", "linux-9.9", "vmVcpus", 2)));

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("configuration.hypervisorDvh", "configuration.guestKernel", "vm.vcpus");
        assertThat(body(refused)).contains("one DVH set per guest hypervisor, L1 first: 1 at depth 2, held 2").contains("linux-5.10");
        MvcTestResult depth1 = api.post("/api/v1/sensitivity", hackbench(1).with("depth", 1).with("configuration", Map.of("guestKernel", "linux-5.10")));
        assertThat(depth1).hasStatus(400);
        assertThat((String) read(depth1, "$.errors[0].rule")).isEqualTo("needs-guest-hypervisors");

        // depth 3: L1 provides TIMER, L2 TIMER and IPI: L2 has IPI that L1 does not give it
        MvcTestResult broken = api.post("/api/v1/sensitivity", hackbench(1).with("depth", 3).with("host", Map.of("profile", "asplos20-testbed",
                "kernel", "linux-4.18", "onlineCpus", 10)).with("configuration", Map.of("io", "VIRTIO", "dvh", List.of("VIRTUAL_TIMER"),
                "hypervisorDvh", List.of(List.of("VIRTUAL_TIMER"), List.of("VIRTUAL_TIMER", "VIRTUAL_IPI")), "guestKernel", "linux-5.10")));
        assertThat(broken).as(body(broken)).hasStatus(422).hasContentType("application/problem+json");
        List<String> rules = read(broken, "$.errors[*].rule");
        assertThat(rules).containsOnly("dvh-provided-by-path");
        assertThat((String) read(broken, "$.errors[0].message")).contains("(L1) does not provide VIRTUAL_IPI");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCancelledAnalysisStopsAndCanThenBeDeleted() {
        String id = create(hackbench(3).with("workload", "memcached").with("trajectories", 20));

        assertThat(api.delete("/api/v1/sensitivity/" + id)).hasStatus(409);
        MvcTestResult cancelled = api.post("/api/v1/sensitivity/" + id + "/cancel", Body.of());
        assertThat(cancelled).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/sensitivity/" + id + "/cancel", Body.of())).hasStatus(200);
        JsonNode done = finished(id);
        assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(done.get("result").isNull()).isTrue();
        List<String> listed = read(api.get("/api/v1/sensitivity?status=CANCELLED&workload=memcached&size=100"), "$.items[*].id");
        assertThat(listed).contains(id);
        assertThat(api.delete("/api/v1/sensitivity/" + id)).hasStatus(204);
    }
}
