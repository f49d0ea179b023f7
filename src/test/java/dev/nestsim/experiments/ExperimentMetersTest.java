package dev.nestsim.experiments;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.ApiTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /actuator/prometheus} serves the experiments' meters, and they move with the experiments. */
@ApiTest
class ExperimentMetersTest extends ExperimentsApiSupport {

    @Test
    void prometheusShowsExperimentsByStatusAndTheCellsStillToFeed() {
        String scrape = scrape();
        for (ExperimentStatus status : ExperimentStatus.values()) {
            assertThat(scrape).containsPattern("(?m)^nestsim_experiments\\{.*status=\"" + status + "\".*\\} \\d");
        }
        assertThat(scrape).containsPattern("(?m)^nestsim_experiments_cells_waiting(\\{.*\\})? \\d");
    }

    @Test
    void aSucceededExperimentCounts() {
        double before = value(scrape(), "nestsim_experiments\\{.*status=\"SUCCEEDED\".*\\}");
        String id = create(anExperiment("meters", List.of(vm("a", anL1Vm("meters"))), List.of(workload("cpuid"), workload("send-ipi"))));
        awaitStatus(id, "SUCCEEDED");

        // the status gauges count from the database at most once a second: poll, bounded
        await().atMost(WAIT).until(() -> value(scrape(), "nestsim_experiments\\{.*status=\"SUCCEEDED\".*\\}") >= before + 1);
        assertThat(value(scrape(), "nestsim_experiments_cells_waiting")).as("no experiment is left with a cell to feed").isZero();
    }

    private String scrape() {
        MvcTestResult scraped = api.get("/actuator/prometheus");
        assertThat(scraped).hasStatus(200);
        return body(scraped);
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + "(\\{.*\\})? (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(m.groupCount())) : 0;
    }
}
