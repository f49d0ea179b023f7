package dev.nestsim.runs;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /actuator/prometheus} serves the runs' own meters, and they move with the runs. */
@ApiTest
class RunMetersTest extends RunsApiSupport {

    @Test
    void prometheusShowsRunsByStatusTheQueueAndExecutions() {
        String scrape = scrape();
        for (RunStatus status : RunStatus.values()) {
            assertThat(scrape).containsPattern("(?m)^nestsim_runs\\{.*status=\"" + status + "\".*\\} \\d");
        }
        assertThat(scrape).containsPattern("(?m)^nestsim_runs_queue_depth(\\{.*\\})? \\d")
                .containsPattern("(?m)^nestsim_runs_queue_capacity(\\{.*\\})? 100\\.0$")
                .containsPattern("(?m)^nestsim_runs_executing(\\{.*\\})? \\d");
    }

    @Test
    void aSucceededRunCountsAndIsTimedAndASimulatedOneReportsItsEventRate() {
        double succeededBefore = value(scrape(), "nestsim_runs\\{.*status=\"SUCCEEDED\".*\\}");
        String vm = anL1Vm("meters");
        String micro = submit(aRun(vm, "cpuid"));
        String app = submit(aRun(vm, "netperf-tcp-rr").with("replications", 2)
                .with("parameters", Map.of("durationSeconds", 0.01, "warmupSeconds", 0.01)));
        awaitStatus(micro, "SUCCEEDED");
        awaitStatus(app, "SUCCEEDED");

        // the status gauges count from the database at most once a second: poll, bounded
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> value(scrape(), "nestsim_runs\\{.*status=\"SUCCEEDED\".*\\}") >= succeededBefore + 2);
        String scrape = scrape();
        assertThat(value(scrape, "nestsim_run_duration_seconds_count\\{.*outcome=\"completed\".*workload=\"cpuid\".*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).containsPattern("(?m)^nestsim_run_duration_seconds_bucket\\{.*workload=\"netperf-tcp-rr\".*\\} ");
        assertThat(value(scrape, "nestsim_run_events_per_second_count\\{.*workload=\"netperf-tcp-rr\".*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "nestsim_run_events_per_second_sum\\{.*workload=\"netperf-tcp-rr\".*\\}")).isPositive();
        assertThat(scrape).as("an analytic workload simulates no events").doesNotContainPattern("nestsim_run_events_per_second_count\\{.*workload=\"cpuid\"");
    }

    private String scrape() {
        MvcTestResult scraped = api.get("/actuator/prometheus");
        assertThat(scraped).hasStatus(200);
        return body(scraped);
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
