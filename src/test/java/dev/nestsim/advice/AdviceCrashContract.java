package dev.nestsim.advice;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kill -9} in the middle of an advice's search, then a restart on the same database: the advice ends SUCCEEDED without
 * a stage run twice (the experiments are exactly the stages it lists, each cell run once) and with the same recommendations,
 * Pareto front and why as the same advice searched without a crash. A small space (depth 1, no DVH, no device assigned),
 * a small memcached, 2 candidates simulated, 2 replications. On H2 ({@link AdviceCrashH2IT}) and PostgreSQL
 * ({@link AdviceCrashPostgresIT}).
 */
abstract class AdviceCrashContract {

    private static final Duration RECOVERY = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    @TempDir
    Path workDir;

    /** The arguments that point the service at its database (none for the embedded H2 file in the work folder). */
    abstract List<String> databaseArgs();

    @Test
    void anAdviceKilledMidSearchCompletesAfterTheRestartWithNoStageRunTwiceAndTheSameRecommendation() throws Exception {
        List<String> args = new ArrayList<>(databaseArgs());
        args.addAll(List.of("--nestsim.runs.lease=3s", "--nestsim.runs.sweep-interval=1s", "--nestsim.experiments.feed-interval=200ms"));
        try (ServiceProcess service = ServiceProcess.start(workDir, args.toArray(String[]::new))) {
            Body advice = Body.of("workload", "memcached", "parameters", Map.of("clientThreads", 1, "clientsPerThread", 4, "serverThreads", 1),
                    "host", Map.of("profile", "asplos20-testbed", "kernel", "linux-4.18", "onlineCpus", 6), "depth", 1,
                    "constraints", Map.of("liveMigratable", true, "hostFeatures", List.of(), "availableDvh", List.of()),
                    "replications", 2, "seed", 21, "maxSimulated", 2);
            String id = submit(service, advice);
            // kill it while a stage's run is mid-replication: after the restart that run's lease expires and it runs again
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> FINISHED.contains(status(service, id))
                    || get(service, "/api/v1/runs?size=1&status=RUNNING").get("totalElements").asInt() > 0);
            JsonNode atKill = get(service, "/api/v1/advice/" + id);

            service.kill9();
            service.restart();

            assertThat(atKill.get("status").asString()).as("the kill came mid-search: %s", atKill).isEqualTo("RUNNING");
            assertThat(atKill.at("/progress/cellsDone").asInt()).as("mid-stage: %s", atKill).isLessThan(atKill.at("/progress/cellsTotal").asInt());
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(() -> FINISHED.contains(status(service, id)));
            JsonNode done = get(service, "/api/v1/advice/" + id);
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("recommendations")).isNotEmpty();
            List<String> stages = new ArrayList<>();
            done.at("/space/experiments").forEach(e -> stages.add(e.asString()));
            assertThat(new HashSet<>(stages)).hasSameSizeAs(stages);
            assertThat(get(service, "/api/v1/experiments?size=1").get("totalElements").asInt())
                    .as("no stage's experiment was created twice").isEqualTo(stages.size());
            int cells = 0;
            Set<String> runIds = new HashSet<>();
            for (String stage : stages) {
                JsonNode experiment = get(service, "/api/v1/experiments/" + stage);
                assertThat(experiment.get("status").asString()).isEqualTo("SUCCEEDED");
                for (JsonNode cell : experiment.get("cells")) {
                    cells++;
                    runIds.add(cell.get("runId").asString());
                }
            }
            assertThat(runIds).as("one run per cell").hasSize(cells);
            assertThat(get(service, "/api/v1/runs?size=1").get("totalElements").asInt()).as("no cell run twice").isEqualTo(cells);

            String clean = submit(service, advice);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(() -> FINISHED.contains(status(service, clean)));
            JsonNode uninterrupted = get(service, "/api/v1/advice/" + clean);
            assertThat(uninterrupted.get("status").asString()).as(uninterrupted.toString()).isEqualTo("SUCCEEDED");
            assertThat(figures(done)).isEqualTo(figures(uninterrupted));
        }
    }

    /** What an advice found, without the ids of its runs and experiments. */
    private static JsonNode figures(JsonNode advice) {
        ObjectNode out = JSON.createObjectNode();
        out.set("recommendations", advice.get("recommendations").deepCopy());
        out.get("recommendations").forEach(r -> ((ObjectNode) r).remove("run"));
        out.set("paretoFront", advice.get("paretoFront"));
        out.set("infeasible", advice.get("infeasible"));
        out.set("why", advice.get("why").deepCopy());
        out.get("why").forEach(w -> ((ObjectNode) w).remove("run"));
        ObjectNode space = (ObjectNode) advice.get("space").deepCopy();
        space.remove("experiments");
        out.set("space", space);
        return out;
    }

    private static String status(ServiceProcess service, String id) throws IOException, InterruptedException {
        return get(service, "/api/v1/advice/" + id).get("status").asString();
    }

    private static String submit(ServiceProcess service, Body advice) throws IOException, InterruptedException {
        HttpResponse<String> response = service.post("/api/v1/advice", advice.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static JsonNode get(ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = service.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
