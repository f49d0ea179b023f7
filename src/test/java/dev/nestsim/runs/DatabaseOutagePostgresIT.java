package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nestsim.support.Body;
import dev.nestsim.support.ServiceProcess;
import dev.nestsim.support.ThrowawayPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PostgreSQL outage, on a cluster of the test's own ({@link ThrowawayPostgres}: never the shared server) that it crashes
 * under a running service and starts again. While the database is gone, what needs it is a 503 problem with
 * {@code Retry-After} within 5 s (reads, writes, a keyed POST, the run API), the catalogues still answer, liveness stays
 * UP and readiness goes DOWN, and JobRunr stops its background job server; when the database returns, without a restart
 * of the service: health UP again (JobRunr's server included), the run that was running at the crash and a run submitted
 * after it succeed, and everything confirmed before the outage is still there. Skipped where PostgreSQL 15's binaries
 * are missing.
 */
@Tag("postgres-cluster")
class DatabaseOutagePostgresIT {

    /** The bound on any answer while the database is out of reach. */
    private static final Duration OUTAGE_ANSWER = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path workDir;

    @Test
    void answers503WhileTheDatabaseIsGoneAndRecoversEverythingWhenItReturns() throws Exception {
        assumeTrue(ThrowawayPostgres.available(), "PostgreSQL 15 binaries (initdb, pg_ctl) and runuser are needed for a cluster of the test's own");
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
             ServiceProcess service = ServiceProcess.start(workDir, "--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.url(),
                     "--spring.datasource.username=" + pg.username(), "--nestsim.runs.diagnostic-workload=true",
                     "--nestsim.runs.sweep-interval=1s", "--management.endpoint.health.show-components=always")) {
            ServiceRuns runs = new ServiceRuns(service);
            String vm = runs.l1Vm("outage");
            String finished = runs.submit(ServiceRuns.run(vm, "device-notify", 3, 11));
            assertThat(runs.awaitTerminal(List.of(finished), RECOVERY)).containsValue("SUCCEEDED");
            JsonNode finishedResult = runs.resultApartFromItsRun(finished);
            String running = runs.submit(ServiceRuns.slowRun(vm, 24, 250, 12));
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.status(running).equals("RUNNING"));
            String hostsBefore = service.get("/api/v1/hosts").body();
            assertThat(component(service, "JobRunr")).isEqualTo("UP");

            pg.crash();

            assertDatabaseUnavailable(service, () -> service.get("/api/v1/hosts"));
            assertDatabaseUnavailable(service, () -> service.get("/api/v1/runs/" + running));
            assertDatabaseUnavailable(service, () -> service.get("/api/v1/vms/" + vm + "/exit-costs"));
            assertDatabaseUnavailable(service, () -> service.post("/api/v1/runs", ServiceRuns.run(vm, "device-notify", 3, 13).toString()));
            assertDatabaseUnavailable(service, () -> service.post("/api/v1/hosts", Body.aHost("keyed").toString(), "Idempotency-Key", "outage-1"));
            assertManyAtOnceAnswerInTime(service, vm);
            assertThat(timed(() -> service.get("/api/v1/host-profiles")).statusCode()).as("the host catalogue needs no database").isEqualTo(200);
            assertThat(timed(() -> service.get("/api/v1/workloads")).statusCode()).as("the workload catalogue needs no database").isEqualTo(200);
            assertThat(timed(() -> service.get("/actuator/health/liveness")).statusCode()).as("liveness").isEqualTo(200);
            HttpResponse<String> readiness = timed(() -> service.get("/actuator/health/readiness"));
            assertThat(readiness.statusCode()).as("readiness").isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("DOWN");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(component(service, "JobRunr")).as("JobRunr stops its server when its storage fails").isEqualTo("DOWN"));

            pg.startServer();

            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(service.get("/actuator/health").statusCode()).as("health").isEqualTo(200));
            assertThat(component(service, "JobRunr")).as("JobRunr's server started again").isEqualTo("UP");
            assertThat(service.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            String after = runs.submit(ServiceRuns.run(vm, "device-notify", 3, 14));
            assertThat(runs.awaitTerminal(List.of(running, after), RECOVERY).values()).as("runs across the outage, log:\n%s", service.log())
                    .containsOnly("SUCCEEDED");
            assertThat(runs.resultApartFromItsRun(finished)).as("a result stored before the outage").isEqualTo(finishedResult);
            assertThat(runs.metricRows(running)).as("one result for the run that ran through the outage")
                    .isEqualTo(runs.resultApartFromItsRun(running).get("metrics").size());
            assertThat(JSON.readTree(service.get("/api/v1/hosts").body())).as("hosts confirmed before the outage").isEqualTo(JSON.readTree(hostsBefore));
        }
    }

    /** A request that needs the database: 503 problem+json with Retry-After, in time. */
    private static void assertDatabaseUnavailable(ServiceProcess service, Callable<HttpResponse<String>> request) throws Exception {
        HttpResponse<String> response = timed(request);
        assertThat(response.statusCode()).as(() -> response.uri() + ": " + response.body() + "\nservice log:\n" + tail(service)).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("/database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }

    /** Forty requests that need the database at once, and liveness among them: each answered within the bound. */
    private static void assertManyAtOnceAnswerInTime(ServiceProcess service, String vm) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = i % 2 == 0 ? "/api/v1/vms/" + vm : "/api/v1/runs?size=5";
                answers.add(clients.submit(() -> timed(() -> service.get(path))));
            }
            assertThat(timed(() -> service.get("/actuator/health/liveness")).statusCode()).as("liveness among 40 waiting requests").isEqualTo(200);
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(503);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The request's response, failing when it took longer than {@link #OUTAGE_ANSWER}. */
    private static HttpResponse<String> timed(Callable<HttpResponse<String>> request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = request.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to answer %s", response.uri()).isLessThan(OUTAGE_ANSWER);
        return response;
    }

    private static String tail(ServiceProcess service) {
        try {
            String log = service.log();
            return log.length() > 20_000 ? log.substring(log.length() - 20_000) : log;
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The status of one health component, as /actuator/health shows it. */
    private static String component(ServiceProcess service, String name) throws Exception {
        JsonNode health = JSON.readTree(service.get("/actuator/health").body());
        return health.path("components").path(name).path("status").asString();
    }
}
