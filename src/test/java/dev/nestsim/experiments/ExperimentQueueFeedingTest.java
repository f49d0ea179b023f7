package dev.nestsim.experiments;

import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.Body;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An experiment larger than the run queue: with {@code nestsim.runs.max-queued=2} an experiment of 9 cells is accepted,
 * fed into the queue as room frees up, and ends with every cell run exactly once; and experiments fill only their share
 * of the queue (80% of 2: one run), so a run submitted directly still finds room.
 */
@ApiTest
@TestPropertySource(properties = {"nestsim.runs.max-queued=2", "nestsim.experiments.feed-interval=100ms",
        "spring.datasource.url=jdbc:h2:mem:nestsim-experiment-feeding;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class ExperimentQueueFeedingTest extends ExperimentsApiSupport {

    @Test
    void anExperimentLargerThanTheQueueIsFedIntoItAndRunsEveryCellOnce() {
        List<String> vms = List.of(anL1Vm("feed-a"), anL1Vm("feed-b"), anL1Vm("feed-c"));
        String id = create(anExperiment("feeding", List.of(vm("a", vms.get(0)), vm("b", vms.get(1)), vm("c", vms.get(2))),
                List.of(workload("send-ipi"), workload("device-notify"), workload("program-timer"))));

        JsonNode done = awaitStatus(id, "SUCCEEDED", "FAILED", "CANCELLED");

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/progress/cellsDone").asInt()).isEqualTo(9);
        Set<String> runIds = new HashSet<>();
        done.get("cells").forEach(c -> runIds.add(c.get("runId").asString()));
        assertThat(runIds).hasSize(9);
        for (String vm : vms) {
            assertThat(((Number) read(api.get("/api/v1/runs?size=1&vmId=" + vm), "$.totalElements")).intValue())
                    .as("runs on %s: one per cell, none twice", vm).isEqualTo(3);
        }
    }

    @Test
    void experimentsLeaveTheirShareOfTheQueueToRunsSubmittedDirectly() {
        String vm = anL1Vm("share");
        String other = anL1Vm("direct");
        String id = create(aSlowExperiment("share", vm, 6));
        await().atMost(WAIT).until(() -> queuedOn(vm) == 1 && "RUNNING".equals(experiment(id).get("status").asString()));

        MvcTestResult direct = api.post("/api/v1/runs", Body.of("target", Body.of("vmId", other), "workload", "send-ipi", "replications", 3, "seed", 1));

        assertThat(direct).as("the experiment's share is one queued run; the second place is the user's").hasStatus(202);
        assertThat(queuedOn(vm)).isLessThanOrEqualTo(1);
    }

    private int queuedOn(String vm) {
        return ((Number) read(api.get("/api/v1/runs?size=1&status=QUEUED&vmId=" + vm), "$.totalElements")).intValue();
    }
}
