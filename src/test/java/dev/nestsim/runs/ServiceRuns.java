package dev.nestsim.runs;

import static dev.nestsim.support.Body.aDvhHost;
import static dev.nestsim.support.Body.aHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.Body;
import dev.nestsim.support.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The runs API of a service in a child JVM ({@link ServiceProcess}), as the crash and scale-out tests use it. */
final class ServiceRuns {

    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceProcess service;

    ServiceRuns(ServiceProcess service) {
        this.service = service;
    }

    /** An L2 VM in a guest hypervisor providing every DVH mechanism, on a host of its own. */
    String l2Vm(String prefix) {
        String host = create("/api/v1/hosts", aDvhHost(prefix + "-host"));
        String hv = create("/api/v1/hypervisors", Body.aHypervisorOnHost(prefix + "-l1", host).with("viommu", "STATIC").with("dvh", Body.ALL_DVH));
        return create("/api/v1/vms", Body.aVmIn(prefix + "-vm", hv));
    }

    String l1Vm(String prefix) {
        return create("/api/v1/vms", Body.aVmOnHost(prefix + "-vm", host(prefix)));
    }

    /** A host of the default profile, for runs natively on it. */
    String host(String prefix) {
        return create("/api/v1/hosts", aHost(prefix + "-host"));
    }

    static Body run(String vmId, String workload, int replications, long seed) {
        return Body.of("target", Body.of("vmId", vmId), "workload", workload, "replications", replications, "seed", seed);
    }

    /** A diagnostic run that takes about {@code replications} x {@code millis} ms. */
    static Body slowRun(String vmId, int replications, int millis, long seed) {
        return run(vmId, DiagnosticWorkload.NAME, replications, seed).with("parameters", Map.of("millisPerReplication", millis));
    }

    String submit(Body run) {
        HttpResponse<String> response = post("/api/v1/runs", run.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response.body()).get("id").asString();
    }

    JsonNode run(String id) {
        HttpResponse<String> response = get("/api/v1/runs/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    String status(String id) {
        return run(id).get("status").asString();
    }

    /** Each run's status now. */
    Map<String, String> statuses(List<String> ids) {
        Map<String, String> statuses = new LinkedHashMap<>();
        ids.forEach(id -> statuses.put(id, status(id)));
        return statuses;
    }

    /** Waits, at most {@code bound}, until every run is SUCCEEDED, FAILED or CANCELLED; returns their statuses. */
    Map<String, String> awaitTerminal(List<String> ids, Duration bound) {
        await().atMost(bound).pollInterval(Duration.ofMillis(250)).until(() -> statuses(ids).values().stream().allMatch(TERMINAL::contains));
        return statuses(ids);
    }

    /** The result without its run id: what two runs of the same inputs share. */
    JsonNode resultApartFromItsRun(String id) {
        HttpResponse<String> response = get("/api/v1/runs/" + id + "/result");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ObjectNode result = (ObjectNode) read(response.body());
        result.remove("runId");
        return result;
    }

    /** How many metric rows the run has in the metrics table. */
    int metricRows(String id) {
        return read(get("/api/v1/metrics?size=1&runId=" + id).body()).get("totalElements").asInt();
    }

    private String create(String path, Body body) {
        HttpResponse<String> response = post(path, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body()).get("id").asString();
    }

    private HttpResponse<String> get(String path) {
        try {
            return service.get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String json) {
        try {
            return service.post(path, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
