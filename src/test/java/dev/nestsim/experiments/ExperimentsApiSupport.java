package dev.nestsim.experiments;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.aDvhHost;
import static dev.nestsim.support.Body.aHost;
import static dev.nestsim.support.Body.aHypervisorOnHost;
import static dev.nestsim.support.Body.aVmIn;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.Body;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the experiments tests share: a client, fixtures (VMs and hosts of their own, experiment bodies), bounded waiting
 * for a status, and the clean-up that cancels whatever a test left running so tests never wait for each other.
 */
abstract class ExperimentsApiSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SLOW = "diagnostic-sleep";

    @Autowired
    MockMvcTester mvc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    @AfterEach
    void cancelWhatIsLeft() {
        for (String status : List.of("RUNNING", "QUEUED")) {
            List<String> experiments = read(api.get("/api/v1/experiments?size=100&status=" + status), "$.items[*].id");
            experiments.forEach(id -> api.post("/api/v1/experiments/" + id + "/cancel", ""));
            List<String> runs = read(api.get("/api/v1/runs?size=100&status=" + status), "$.items[*].id");
            runs.forEach(id -> api.post("/api/v1/runs/" + id + "/cancel", ""));
        }
        await().atMost(WAIT).until(() -> ((Number) read(api.get("/api/v1/runs?size=1&status=RUNNING&status=QUEUED"), "$.totalElements"))
                .intValue() == 0);
    }

    String anL1Vm(String prefix) {
        return api.vm(aVmOnHost(prefix + "-vm", api.host(aHost(prefix + "-host"))));
    }

    String anL2Vm(String prefix) {
        String host = api.host(aDvhHost(prefix + "-host"));
        String hv = api.hypervisor(aHypervisorOnHost(prefix + "-l1", host).with("viommu", "STATIC").with("dvh", Body.ALL_DVH));
        return api.vm(aVmIn(prefix + "-vm", hv));
    }

    String aBareHost(String name) {
        return api.host(aHost(name));
    }

    static Body vm(String name, String vmId) {
        return Body.of("name", name, "vmId", vmId);
    }

    static Body host(String name, String hostId) {
        return Body.of("name", name, "hostId", hostId);
    }

    static Body workload(String name) {
        return Body.of("workload", name);
    }

    static Body anExperiment(String name, List<Body> targets, List<Body> workloads) {
        return Body.of("name", name, "targets", targets, "workloads", workloads, "replications", 3, "seed", 42);
    }

    /** A body whose cells stay RUNNING for about replications x 50 ms each. */
    static Body aSlowExperiment(String name, String vmId, int cells) {
        List<Body> workloads = java.util.stream.IntStream.range(0, cells)
                .mapToObj(i -> Body.of("workload", SLOW, "parameters", java.util.Map.of("millisPerReplication", 50))).toList();
        return Body.of("name", name, "targets", List.of(vm("slow", vmId)), "workloads", workloads, "replications", 40, "seed", 7);
    }

    /** Creates, expects 202 with Location, returns the id. */
    String create(Body experiment) {
        MvcTestResult created = api.post("/api/v1/experiments", experiment);
        assertThat(created).as("POST /api/v1/experiments %s -> %s", experiment, body(created)).hasStatus(202);
        String id = read(created, "$.id");
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/experiments/" + id);
        return id;
    }

    JsonNode experiment(String id) {
        MvcTestResult got = api.get("/api/v1/experiments/" + id);
        assertThat(got).as(body(got)).hasStatus(200);
        return JSON.readTree(body(got));
    }

    /** Waits (bounded) until the experiment is in one of the statuses; returns it. */
    JsonNode awaitStatus(String id, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> wanted.contains(experiment(id).get("status").asString()));
        return experiment(id);
    }

    JsonNode get(String path) {
        MvcTestResult got = api.get(path);
        assertThat(got).as("GET %s -> %s", path, body(got)).hasStatus(200);
        return JSON.readTree(body(got));
    }

    long count(String query) {
        return ((Number) read(api.get("/api/v1/experiments?size=1" + query), "$.totalElements")).longValue();
    }
}
