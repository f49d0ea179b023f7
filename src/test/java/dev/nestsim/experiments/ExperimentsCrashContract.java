package dev.nestsim.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.Body;
import dev.nestsim.support.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} in the middle of an experiment larger than the run queue, then a restart on the same database: the
 * experiment ends SUCCEEDED with every cell run exactly once (one run per cell on each target, none lost, none twice),
 * and its numbers equal those of the same experiment run without a crash. On H2 ({@link ExperimentsCrashH2IT}) and on
 * PostgreSQL ({@link ExperimentsCrashPostgresIT}).
 */
abstract class ExperimentsCrashContract {

    private static final Duration RECOVERY = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path workDir;

    /** The arguments that point the service at its database (none for the embedded H2 file in the work folder). */
    abstract List<String> databaseArgs();

    @Test
    void anExperimentKilledMidwayCompletesAfterTheRestartWithEveryCellRunOnceAndTheSameNumbers() throws Exception {
        List<String> args = new ArrayList<>(databaseArgs());
        args.addAll(List.of("--nestsim.runs.diagnostic-workload=true", "--nestsim.runs.max-running=2",
                "--nestsim.runs.max-queued=3", "--nestsim.runs.lease=3s", "--nestsim.runs.sweep-interval=1s",
                "--nestsim.experiments.feed-interval=200ms"));
        try (ServiceProcess service = ServiceProcess.start(workDir, args.toArray(String[]::new))) {
            String host = create(service, "/api/v1/hosts", Body.aHost("crash-host"));
            String a = create(service, "/api/v1/vms", Body.aVmOnHost("crash-a", host));
            String b = create(service, "/api/v1/vms", Body.aVmOnHost("crash-b", host));
            List<Body> workloads = List.of(
                    Body.of("workload", "diagnostic-sleep", "parameters", Map.of("millisPerReplication", 250)),
                    Body.of("workload", "send-ipi"),
                    Body.of("workload", "diagnostic-sleep", "parameters", Map.of("millisPerReplication", 200)),
                    Body.of("workload", "device-notify"),
                    Body.of("workload", "program-timer"));
            Body experiment = Body.of("name", "crash", "targets", List.of(Body.of("name", "a", "vmId", a), Body.of("name", "b", "vmId", b)),
                    "workloads", workloads, "replications", 8, "seed", 99);
            String id = submit(service, experiment);
            await().atMost(Duration.ofSeconds(60)).until(() -> status(service, id).equals("RUNNING") && submittedCells(service, id) >= 2);
            int submittedAtKill = submittedCells(service, id);

            service.kill9();
            service.restart();

            assertThat(submittedAtKill).as("the kill came midway").isLessThan(10);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(() -> Set.of("SUCCEEDED", "FAILED", "CANCELLED")
                    .contains(status(service, id)));
            JsonNode done = get(service, "/api/v1/experiments/" + id);
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
            Set<String> runIds = new HashSet<>();
            done.get("cells").forEach(c -> runIds.add(c.get("runId").asString()));
            assertThat(runIds).hasSize(10);
            for (String vm : List.of(a, b)) {
                assertThat(get(service, "/api/v1/runs?size=1&vmId=" + vm).get("totalElements").asInt()).as("runs on %s", vm).isEqualTo(5);
            }
            String clean = submit(service, experiment);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(() -> status(service, clean).equals("SUCCEEDED"));
            assertThat(figures(service, clean)).isEqualTo(figures(service, id));
        }
    }

    /** The results CSV without the experiment and run ids. */
    private static List<String> figures(ServiceProcess service, String id) throws IOException, InterruptedException {
        List<String> rows = new ArrayList<>();
        for (String line : service.get("/api/v1/experiments/" + id + "/results?format=csv").body().split("\r\n")) {
            String[] f = line.split(",", -1);
            rows.add(String.join(",", f[1], f[2], String.join(",", List.of(f).subList(4, f.length))));
        }
        return rows;
    }

    private static int submittedCells(ServiceProcess service, String id) throws IOException, InterruptedException {
        int n = 0;
        for (JsonNode c : get(service, "/api/v1/experiments/" + id).get("cells")) {
            n += c.has("runId") ? 1 : 0;
        }
        return n;
    }

    private static String status(ServiceProcess service, String id) throws IOException, InterruptedException {
        return get(service, "/api/v1/experiments/" + id).get("status").asString();
    }

    private static String submit(ServiceProcess service, Body experiment) throws IOException, InterruptedException {
        HttpResponse<String> response = service.post("/api/v1/experiments", experiment.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static String create(ServiceProcess service, String path, Body body) throws IOException, InterruptedException {
        HttpResponse<String> response = service.post(path, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static JsonNode get(ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = service.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
