package dev.nestsim.runs;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The predictable edges of the runs API: unknown query parameters and bad enum values are 400s that name the
 * parameter and list what is allowed; CSV by {@code format} or by {@code Accept}; a microbenchmark evaluates once
 * and says its slowdown against bare metal in {@code cyclesVsNative}.
 */
@ApiTest
class RunEdgesTest extends RunsApiSupport {

    static final String CSV_HEADER = "run_id,workload,target_kind,target_id,run_level,name,unit,level,reason,mean,half_width,confidence,n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/runs?stauts=FAILED             | stauts  | hostId, page, size, status, vmId, workload
            /api/v1/metrics?runlevel=2             | runlevel | format, hostId, level, name, page, reason, runId, runLevel, size, vmId, workload
            /api/v1/workloads?size=5               | size    | this operation takes none
            """)
    void anUnknownQueryParameterIsA400ListingTheKnownOnes(String uri, String parameter, String known) {
        MvcTestResult refused = api.get(uri);

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        assertThat(read(refused, "$.errors[0].field").toString()).isEqualTo(parameter);
        assertThat(read(refused, "$.errors[0].rule").toString()).isEqualTo("unknown-parameter");
        assertThat(read(refused, "$.errors[0].message").toString()).contains("'" + parameter + "'").contains(known);
        assertThat(read(refused, "$.detail").toString()).isEqualTo("1 problem (unknown-parameter): see errors");
    }

    @Test
    void everyUnknownParameterIsListedAtOnce() {
        MvcTestResult refused = api.get("/api/v1/runs?a=1&status=QUEUED&b=2");

        assertThat(refused).hasStatus(400);
        assertThat(read(refused, "$.errors[*].field").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/runs?page=0&page=1                                                                   | page   | single-value | given 2 times
            /api/v1/runs?workload=cpuid&workload=ipi                                                     | workload | single-value | takes one value
            /api/v1/runs?status=QUEUED&status=RUNNING&status=FAILED&status=SUCCEEDED&status=CANCELLED&status=QUEUED | status | max-items | at most 5 times
            """)
    void aParameterGivenMoreOftenThanTheContractAllowsIsA400(String uri, String parameter, String rule, String message) {
        MvcTestResult refused = api.get(uri);

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        assertThat(read(refused, "$.errors[0].field").toString()).isEqualTo(parameter);
        assertThat(read(refused, "$.errors[0].rule").toString()).isEqualTo(rule);
        assertThat(read(refused, "$.errors[0].message").toString()).contains(message);
    }

    @Test
    void everyStatusOnceIsWithinTheContract() {
        assertThat(api.get("/api/v1/runs?status=QUEUED&status=RUNNING&status=FAILED&status=SUCCEEDED&status=CANCELLED")).hasStatus(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/runs?status=DONE                  | status | one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, was 'DONE'
            /api/v1/runs?status=QUEUED&status=nope    | status | one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, was 'QUEUED,nope'
            /api/v1/metrics?reason=VMEXIT             | reason | one of
            /api/v1/runs?page=1.5                     | page   | page must be an integer, was '1.5'
            /api/v1/runs?vmId=x                       | vmId   | vmId must be a UUID, was 'x'
            """)
    void aBadValueOfAQueryParameterIsA400NamingItAndWhatIsAllowed(String uri, String parameter, String message) {
        MvcTestResult refused = api.get(uri);

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        assertThat(read(refused, "$.errors[0].field").toString()).isEqualTo(parameter);
        assertThat(read(refused, "$.errors[0].message").toString()).contains(message);
    }

    @Test
    void aMicrobenchmarkEvaluatesOnceAndSaysItsSlowdownAgainstNative() {
        String vm = anL1Vm("edges-micro");
        String run = submit(aRun(vm, "device-notify").with("replications", 10));
        assertThat(run(run).get("replications").asInt()).isEqualTo(1);
        awaitStatus(run, "SUCCEEDED");

        JsonNode result = result(run);
        assertThat(result.get("replications").asInt()).isEqualTo(1);
        assertThat(result.at("/primary/n").asInt()).isEqualTo(1);
        double normalized = result.at("/normalizedToNative/mean").asDouble();
        assertThat(normalized).isBetween(0.0, 1.0);
        assertThat(result.get("cyclesVsNative").asDouble()).isEqualTo(Math.round(1000 / normalized) / 1000.0).isGreaterThan(1);
        assertThat(body(api.get("/api/v1/runs/" + run + "/result?format=csv"))).contains(",cyclesVsNative,ratio,,," + result.get("cyclesVsNative").asDouble() + ",");
    }

    @Test
    void theCatalogueSaysWhichWorkloadsAreAnalytic() {
        MvcTestResult catalogue = api.get("/api/v1/workloads");

        assertThat(read(catalogue, "$.items[?(@.name == 'device-notify')].analytic").toString()).isEqualTo("[true]");
        assertThat(read(catalogue, "$.items[?(@.name == 'memcached')].analytic").toString()).isEqualTo("[false]");
    }

    @Test
    void anApplicationRunHasNoCyclesVsNative() {
        String vm = anL1Vm("edges-app");
        String run = submit(aRun(vm, "netperf-tcp-rr").with("replications", 2)
                .with("parameters", Map.of("durationSeconds", 0.01, "warmupSeconds", 0.01)));
        awaitStatus(run, "SUCCEEDED");

        JsonNode result = result(run);
        assertThat(result.get("replications").asInt()).isEqualTo(2);
        assertThat(result.get("cyclesVsNative").isNull()).isTrue();
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            text/csv                                   | text/csv
            text/csv;q=0.9, application/json;q=0.5     | text/csv
            application/json                           | application/json
            application/json, text/csv                 | application/json
            text/csv;q=0.5, application/json           | application/json
            */*                                        | application/json
            text/*                                     | text/csv
            """)
    void acceptNegotiatesCsvWhereFormatCsvExists(String accept, String served) {
        String vm = anL1Vm("edges-accept-" + Math.abs(accept.hashCode()));
        String run = submit(aRun(vm, "cpuid"));
        awaitStatus(run, "SUCCEEDED");

        for (String uri : new String[] {"/api/v1/runs/" + run + "/result", "/api/v1/metrics?runId=" + run}) {
            MvcTestResult got = mvc.get().uri(uri).header("Accept", accept).exchange();
            assertThat(got).as(uri).hasStatus(200);
            assertThat(got.getResponse().getContentType()).as(uri).startsWith(served);
            if (served.equals("text/csv")) {
                assertThat(body(got)).as(uri).startsWith(CSV_HEADER + "\r\n" + run + ",cpuid,VM,");
            }
        }
    }

    @Test
    void formatWinsOverAcceptAndTheMetricsCsvSaysTheTotal() {
        String vm = anL1Vm("edges-format");
        String run = submit(aRun(vm, "cpuid"));
        awaitStatus(run, "SUCCEEDED");

        MvcTestResult json = mvc.get().uri("/api/v1/runs/" + run + "/result?format=json").header("Accept", "text/csv").exchange();
        assertThat(json).hasStatus(200).hasContentType("application/json");
        MvcTestResult csv = mvc.get().uri("/api/v1/metrics?runId=" + run + "&format=csv&size=2").exchange();
        assertThat(csv).hasStatus(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(body(csv).split("\r\n")).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        long total = ((Number) read(api.get("/api/v1/metrics?runId=" + run), "$.totalElements")).longValue();
        assertThat(csv.getResponse().getHeader("X-Total-Count")).isEqualTo(String.valueOf(total));
        MvcTestResult bad = api.get("/api/v1/metrics?format=xml");
        assertThat(bad).hasStatus(400);
        assertThat(read(bad, "$.errors[0].message").toString()).isEqualTo("format must be one of json, csv, was 'xml'");
    }
}
