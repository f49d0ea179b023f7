package dev.nestsim.experiments;

import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An experiment larger than the run queue: with {@code nestsim.runs.max-queued=2} an experiment of 9 cells is accepted,
 * fed into the queue as room frees up, and ends with every cell run exactly once.
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
}
