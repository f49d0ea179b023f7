package dev.nestsim.runs;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.ALL_DVH;
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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the runs tests share: a client, fixtures (a VM on a path of its own, a run body), bounded waiting for a
 * status, and the clean-up that cancels whatever a test left queued or running so tests never wait for each other.
 */
abstract class RunsApiSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

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
            List<String> ids = read(api.get("/api/v1/runs?size=100&status=" + status), "$.items[*].id");
            ids.forEach(id -> api.post("/api/v1/runs/" + id + "/cancel", ""));
        }
        await().atMost(WAIT).until(() -> ((Number) read(api.get("/api/v1/runs?size=1&status=RUNNING&status=QUEUED"), "$.totalElements"))
                .intValue() == 0);
    }

    /** An L2 VM (4 vCPUs, 12 GiB, virtio) in an L1 guest hypervisor that provides every DVH mechanism, on a host of its own. */
    record L2(String host, String hypervisor, String vm) {
    }

    L2 anL2Vm(String prefix) {
        String host = api.host(aDvhHost(prefix + "-host"));
        String hv = api.hypervisor(aHypervisorOnHost(prefix + "-l1", host).with("viommu", "STATIC").with("dvh", ALL_DVH));
        String vm = api.vm(aVmIn(prefix + "-vm", hv));
        return new L2(host, hv, vm);
    }

    String anL1Vm(String prefix) {
        return api.vm(aVmOnHost(prefix + "-vm", api.host(aHost(prefix + "-host"))));
    }

    static Body aRun(String vmId, String workload) {
        return Body.of("target", Body.of("vmId", vmId), "workload", workload, "replications", 3, "seed", 42);
    }

    /** A diagnostic run that stays RUNNING for about {@code replications} x 50 ms. */
    static Body aSlowRun(String vmId, int replications) {
        return aRun(vmId, DiagnosticWorkload.NAME).with("replications", replications)
                .with("parameters", Map.of("millisPerReplication", 50));
    }

    /** Submits, expects 202 with Location, returns the id. */
    String submit(Body run) {
        MvcTestResult submitted = api.post("/api/v1/runs", run);
        assertThat(submitted).as("POST /api/v1/runs %s -> %s", run, body(submitted)).hasStatus(202);
        String id = read(submitted, "$.id");
        assertThat(submitted.getResponse().getHeader("Location")).isEqualTo("/api/v1/runs/" + id);
        return id;
    }

    /** Waits (bounded) until the run is in one of the statuses; returns the run. */
    JsonNode awaitStatus(String id, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> wanted.contains(run(id).get("status").asString()));
        return run(id);
    }

    /** Waits (bounded) until the run has done at least {@code done} replications. */
    void awaitProgress(String id, int done) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> run(id).at("/progress/done").asInt() >= done);
    }

    JsonNode run(String id) {
        MvcTestResult got = api.get("/api/v1/runs/" + id);
        assertThat(got).hasStatus(200);
        return JSON.readTree(body(got));
    }

    JsonNode result(String id) {
        MvcTestResult got = api.get("/api/v1/runs/" + id + "/result");
        assertThat(got).as(body(got)).hasStatus(200);
        return JSON.readTree(body(got));
    }

    /** The result without its run id: what two runs with the same inputs share. */
    JsonNode resultApartFromItsRun(String id) {
        ObjectNode result = (ObjectNode) result(id);
        result.remove("runId");
        return result;
    }

    long count(String query) {
        return ((Number) read(api.get("/api/v1/runs?size=1" + query), "$.totalElements")).longValue();
    }
}
