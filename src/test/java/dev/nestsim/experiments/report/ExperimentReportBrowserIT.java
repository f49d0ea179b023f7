package dev.nestsim.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of a small finished experiment in a real browser: Debian's headless Chromium, driven by its chromedriver
 * through Selenium, loads it from the application on a random port and finds every chart drawn as SVG with its axes' and
 * legend's text, and nothing SEVERE on the browser's console. Skipped (an assumption) only where /usr/bin/chromium or
 * /usr/bin/chromedriver is missing; {@code .ci/run} installs both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nestsim-report-browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class ExperimentReportBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(90);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HOSTILE_CONFIGURATION = "L1 <b>&";

    static WebDriver browser;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startChromium(@TempDir Path profile) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no " + CHROMIUM + " or " + CHROMEDRIVER
                + " on this machine: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run "
                + "does) to run the report in a real browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    String finishedExperiment() throws Exception {
        String host = send("POST", "/api/v1/hosts", JSON.writeValueAsString(Map.of("name", "browser-host", "profile", "asplos20-testbed")))
                .get("id").asString();
        String vm = send("POST", "/api/v1/vms", JSON.writeValueAsString(Map.of("name", "browser-vm", "parent", Map.of("hostId", host),
                "vcpus", 4, "memoryGib", 12))).get("id").asString();
        Map<String, Object> memcached = Map.of("workload", "memcached", "parameters", Map.of("durationSeconds", 0.02,
                "warmupSeconds", 0.005, "clientsPerThread", 5));
        String body = JSON.writeValueAsString(Map.of("name", "browser <i>report</i>", "targets", List.of(Map.of("name", "native",
                "hostId", host), Map.of("name", HOSTILE_CONFIGURATION, "vmId", vm)), "workloads", List.of(Map.of("workload", "send-ipi"),
                memcached), "replications", 3, "seed", 42));
        String id = send("POST", "/api/v1/experiments", body).get("id").asString();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !List.of("QUEUED", "RUNNING").contains(send("GET", "/api/v1/experiments/" + id, null).get("status").asString()));
        assertThat(send("GET", "/api/v1/experiments/" + id, null).get("status").asString()).isEqualTo("SUCCEEDED");
        return id;
    }

    List<String> texts(WebElement svg) {
        return svg.findElements(By.tagName("text")).stream().map(t -> String.valueOf(t.getDomProperty("textContent"))).toList();
    }

    List<LogEntry> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    @Test
    void everyChartOfTheReportIsDrawnWithItsAxesAndLegendAndTheConsoleIsClean() throws Exception {
        String id = finishedExperiment();
        String base = "http://127.0.0.1:" + port + "/api/v1/experiments/" + id;

        browser.get(base + "/report");

        assertThat(browser.getTitle()).isEqualTo("Experiment report: browser <i>report</i>");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Experiment report: browser <i>report</i>");
        List<WebElement> charts = browser.findElements(By.cssSelector("section.chart svg"));
        assertThat(charts).extracting(c -> c.getDomAttribute("id")).containsExactly("normalized-performance", "microbenchmark-cycles",
                "cpu-per-level", "exit-profile-send-ipi", "exit-profile-memcached");
        Map<String, List<String>> expected = Map.of(
                "normalized-performance", List.of("Application workload", "Performance normalised to native (1 = native)", "memcached",
                        "native", HOSTILE_CONFIGURATION),
                "microbenchmark-cycles", List.of("Microbenchmark", "Cycles per operation (log scale)", "send-ipi", "native",
                        HOSTILE_CONFIGURATION),
                "cpu-per-level", List.of("CPUs busy", "memcached · native", "memcached · " + HOSTILE_CONFIGURATION, "L0", "L1"),
                "exit-profile-send-ipi", List.of("Configuration · level", "Exits seen per operation (exits/operation)",
                        HOSTILE_CONFIGURATION + " · L0"),
                "exit-profile-memcached", List.of("Configuration · level", HOSTILE_CONFIGURATION + " · L0"));
        for (WebElement chart : charts) {
            String name = chart.getDomAttribute("id");
            assertThat(chart.isDisplayed()).as(name).isTrue();
            assertThat(chart.getSize().getWidth()).as(name + " width").isGreaterThan(400);
            assertThat(chart.getSize().getHeight()).as(name + " height").isGreaterThan(200);
            assertThat(texts(chart)).as(name + " texts").containsAll(expected.get(name));
            assertThat(chart.findElements(By.tagName("line"))).as(name + " axis lines and ticks").isNotEmpty();
            Number drawn = (Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].getBBox().width", chart);
            assertThat(drawn.doubleValue()).as(name + " drawn as SVG").isGreaterThan(400);
        }
        assertThat(severeConsoleEntries()).as("SEVERE console entries of the report").isEmpty();

        browser.get(base + "/charts/normalized-performance.svg");

        WebElement alone = browser.findElement(By.tagName("svg"));
        assertThat(texts(alone)).contains("Performance normalised to native (1 = native)", HOSTILE_CONFIGURATION);
        // an SVG document cannot name an icon, so the browser asks the API for /favicon.ico (404): that one is not the chart's
        assertThat(severeConsoleEntries()).as("SEVERE console entries of a chart").filteredOn(e -> !e.getMessage().contains("/favicon.ico "))
                .isEmpty();
    }
}
