package dev.nestsim.experiments.report;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.aHost;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.nestsim.experiments.ExperimentResults;
import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of an experiment and its charts: one self-contained, escaped HTML page whose inline charts are exactly the
 * chart resources, whose figures are the results resource's numbers, and which says what it shows while the experiment runs.
 */
@ApiTest
class ExperimentReportTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HOSTILE = "<script>alert('x')</script> & \"co\"";
    static final Pattern SVG = Pattern.compile("<svg\\b[^>]*\\bid=['\"]([^'\"]+)['\"][^>]*>.*?</svg>", Pattern.DOTALL);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ExperimentResults results;
    @Autowired
    ExperimentReports reports;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    @AfterEach
    void cancelWhatIsLeft() {
        List<String> running = read(api.get("/api/v1/experiments?size=100&status=RUNNING&status=QUEUED"), "$.items[*].id");
        running.forEach(id -> api.post("/api/v1/experiments/" + id + "/cancel", ""));
        await().atMost(WAIT).until(() -> ((Number) read(api.get("/api/v1/runs?size=1&status=RUNNING&status=QUEUED"), "$.totalElements"))
                .intValue() == 0);
    }

    /** A finished experiment on an L1 VM and its host natively: a microbenchmark and a short memcached. */
    static Body aSmallExperiment(String name, String vm, String host) {
        Body memcached = Body.of("workload", "memcached", "parameters", Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005,
                "clientsPerThread", 5));
        return Body.of("name", name, "targets", List.of(Body.of("name", "native", "hostId", host), Body.of("name", "L1 <b>&", "vmId", vm)),
                "workloads", List.of(Body.of("workload", "send-ipi"), memcached), "replications", 3, "seed", 42);
    }

    String finishedExperiment(String prefix) {
        String host = api.host(aHost(prefix + "-host"));
        String vm = api.vm(aVmOnHost(prefix + "-vm", host));
        MvcTestResult created = api.post("/api/v1/experiments", aSmallExperiment(HOSTILE, vm, host));
        assertThat(created).as(body(created)).hasStatus(202);
        String id = read(created, "$.id");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !List.of("QUEUED", "RUNNING").contains(status(id)));
        assertThat(status(id)).isEqualTo("SUCCEEDED");
        return id;
    }

    String status(String id) {
        return read(api.get("/api/v1/experiments/" + id), "$.status");
    }

    static Map<String, String> inlineCharts(String html) {
        Map<String, String> charts = new java.util.LinkedHashMap<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            charts.put(m.group(1), m.group());
        }
        return charts;
    }

    @Test
    void theReportIsOneEscapedSelfContainedPageWhoseChartsAreTheChartResources() {
        String id = finishedExperiment("report");
        await().atMost(WAIT).until(() -> reports.rendered(UUID.fromString(id)));

        MvcTestResult report = api.get("/api/v1/experiments/" + id + "/report");

        assertThat(report).hasStatus(200);
        assertThat(report.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        String html = body(report);
        assertThat(html.replace("<link rel=\"icon\" href=\"data:,\">", "")).startsWith("<!DOCTYPE html>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
                .doesNotContainIgnoringCase("<script").doesNotContain("<b>&").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("@import").doesNotContain("src=")
                .doesNotContain("Partial report").doesNotContain("http-equiv=\"refresh\"");
        assertThat(html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "")
                        .replace("http://www.jfree.org/jfreesvg/svg", ""))
                .doesNotContain("http://").doesNotContain("https://");
        Map<String, String> charts = inlineCharts(html);
        assertThat(charts.keySet()).containsExactly("normalized-performance", "microbenchmark-cycles", "cpu-per-level",
                "exit-profile-send-ipi", "exit-profile-memcached");
        for (Map.Entry<String, String> chart : charts.entrySet()) {
            MvcTestResult svg = api.get("/api/v1/experiments/" + id + "/charts/" + chart.getKey() + ".svg");
            assertThat(svg).hasStatus(200);
            assertThat(svg.getResponse().getContentType()).isEqualTo("image/svg+xml;charset=UTF-8");
            assertThat(body(svg)).as(chart.getKey()).isEqualTo(chart.getValue()).contains("L1 &lt;b&gt;&amp;").doesNotContain("<b>");
        }
        assertThat(body(api.get("/api/v1/experiments/" + id + "/report"))).as("rendered again").isEqualTo(html);
    }

    @Test
    void theFiguresAreTheResultsNumbers() {
        String id = finishedExperiment("figures");
        JsonNode cells = JSON.readTree(body(api.get("/api/v1/experiments/" + id + "/results"))).get("cells");

        Figures f = Figures.of(results.of(UUID.fromString(id)));

        List<String> checked = new ArrayList<>();
        for (JsonNode cell : cells) {
            String configuration = cell.get("configuration").asString();
            String workload = cell.get("workload").asString();
            if (workload.equals("send-ipi")) {
                assertThat(f.microbenchmarkCycles().getValue(configuration, workload).doubleValue())
                        .isEqualTo(cell.get("primary").get("mean").asDouble());
            } else {
                assertThat(f.normalized().getMeanValue(configuration, workload).doubleValue())
                        .isEqualTo(cell.get("normalizedToNative").get("mean").asDouble());
                assertThat(f.normalized().getStdDevValue(configuration, workload).doubleValue())
                        .isEqualTo(cell.get("normalizedToNative").get("halfWidth").asDouble());
                for (JsonNode m : cell.get("metrics")) {
                    if (m.get("name").asString().equals("cpuUtilization") && !m.get("level").isNull()) {
                        assertThat(f.cpuPerLevel().getValue("L" + m.get("level").asInt(), workload + " · " + configuration).doubleValue())
                                .isEqualTo(m.get("mean").asDouble());
                    }
                }
            }
            checked.add(configuration + "/" + workload);
        }
        assertThat(checked).hasSize(4);
        assertThat(f.normalized().getMeanValue("native", "memcached").doubleValue()).isCloseTo(1.0, within(1e-12));
        assertThat(f.microbenchmarkCycles().getValue("L1 <b>&", "send-ipi").doubleValue())
                .as("a VM's IPI costs more than native's").isGreaterThan(f.microbenchmarkCycles().getValue("native", "send-ipi").doubleValue());
        assertThat(f.cpuPerLevel().getRowKeys()).containsExactly("L0", "L1");
        assertThat(f.microbenchmarkCycles().getRowKeys()).as("the experiment's order").containsExactly("native", "L1 <b>&");
        assertThat(f.normalized().getRowKeys()).as("the experiment's order").containsExactly("native", "L1 <b>&");
        assertThat(f.normalized().getColumnKeys()).containsExactly("memcached");
        assertThat(f.exitProfiles()).extracting(Figures.ExitProfile::chart).containsExactly("exit-profile-send-ipi", "exit-profile-memcached");
        assertThat(f.exitProfiles().get(1).exits().getColumnKeys()).contains("L1 <b>& · L0");
        assertThat(f.partial()).isFalse();
    }

    @Test
    void anUnknownChartIs404NamingTheChartsAndAnUnknownExperimentIs404() {
        String id = finishedExperiment("unknown-chart");

        MvcTestResult pie = api.get("/api/v1/experiments/" + id + "/charts/pie.svg");
        MvcTestResult noExperiment = api.get("/api/v1/experiments/" + UUID.randomUUID() + "/report");
        MvcTestResult noExperimentChart = api.get("/api/v1/experiments/" + UUID.randomUUID() + "/charts/cpu-per-level.svg");

        assertThat(pie).hasStatus(404).hasContentType("application/problem+json");
        assertThat((List<String>) read(pie, "$.errors[*].field")).containsExactly("chart");
        assertThat((String) read(pie, "$.errors[0].message")).contains("normalized-performance", "microbenchmark-cycles", "cpu-per-level",
                "exit-profile-send-ipi", "exit-profile-memcached", "'pie'");
        assertThat(noExperiment).hasStatus(404).hasContentType("application/problem+json");
        assertThat(noExperimentChart).hasStatus(404).hasContentType("application/problem+json");
    }

    @Test
    void aRunningExperimentsReportSaysItIsPartialAndMarksTheCellsWithoutResults() {
        String host = api.host(aHost("partial-host"));
        String vm = api.vm(aVmOnHost("partial-vm", host));
        Body slow = Body.of("workload", "diagnostic-sleep", "parameters", Map.of("millisPerReplication", 50));
        String id = read(api.post("/api/v1/experiments", Body.of("name", "partial", "targets", List.of(Body.of("name", "L1", "vmId", vm)),
                "workloads", List.of(Body.of("workload", "send-ipi"), slow, slow), "replications", 40, "seed", 7)), "$.id");

        String html = body(api.get("/api/v1/experiments/" + id + "/report"));
        MvcTestResult chart = api.get("/api/v1/experiments/" + id + "/charts/normalized-performance.svg");

        assertThat(status(id)).isIn("QUEUED", "RUNNING");
        assertThat(html).contains("Partial report", "class=\"pending\"", "(no result yet)", "http-equiv=\"refresh\"");
        assertThat(inlineCharts(html)).containsKeys("normalized-performance", "exit-profile-diagnostic-sleep",
                "exit-profile-diagnostic-sleep-2");
        assertThat(chart).hasStatus(200);
        assertThat(body(chart)).contains("Partial: ");
    }
}
