package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.Body;
import dev.nestsim.support.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while runs are QUEUED and RUNNING, then a restart on the same data: every run ends SUCCEEDED, with
 * exactly one result, equal to what a clean run of the same inputs and seed gives; the runs that were executing at the
 * kill are executed again (a second attempt). On H2 ({@link RunsCrashH2IT}) and PostgreSQL ({@link RunsCrashPostgresIT}).
 */
abstract class RunsCrashContract {

    static final Duration RECOVERY = Duration.ofSeconds(180);

    @TempDir
    Path workDir;

    /** How the service finds its database. */
    abstract List<String> databaseArgs();

    @Test
    void everyRunQueuedOrRunningAtAKill9SucceedsAfterTheRestartWithTheResultOfACleanRun() throws Exception {
        List<String> args = new ArrayList<>(databaseArgs());
        args.addAll(List.of("--nestsim.runs.diagnostic-workload=true", "--nestsim.runs.max-running=2", "--nestsim.runs.lease=3s",
                "--nestsim.runs.sweep-interval=1s"));
        try (ServiceProcess service = ServiceProcess.start(workDir, args.toArray(String[]::new))) {
            ServiceRuns runs = new ServiceRuns(service);
            List<Body> asked = batch(runs.l2Vm("crash"), runs.l1Vm("crash"));
            List<String> ids = asked.stream().map(runs::submit).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.statuses(ids).containsValue("RUNNING"));
            Map<String, String> atKill = runs.statuses(ids);

            service.kill9();
            service.restart();

            assertThat(atKill).containsValue("QUEUED").containsValue("RUNNING");
            assertThat(runs.awaitTerminal(ids, RECOVERY).values()).as("statuses after the restart").containsOnly("SUCCEEDED");
            List<String> interrupted = ids.stream().filter(id -> atKill.get(id).equals("RUNNING")).toList();
            assertThat(interrupted.stream().mapToInt(id -> runs.run(id).get("attempts").asInt()).max().orElse(0))
                    .as("a run executing at the kill is executed again").isGreaterThanOrEqualTo(2);
            for (String id : ids) {
                assertThat(runs.metricRows(id)).as("metric rows of %s: one result", id)
                        .isEqualTo(runs.resultApartFromItsRun(id).get("metrics").size());
            }
            List<String> again = asked.stream().map(runs::submit).toList();
            runs.awaitTerminal(again, RECOVERY);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(runs.resultApartFromItsRun(again.get(i))).as("clean re-run of %s", asked.get(i))
                        .isEqualTo(runs.resultApartFromItsRun(ids.get(i)));
            }
        }
    }

    /**
     * Slow diagnostic runs (about 3 s each: long enough that a run seen RUNNING is still running when the kill comes, on a
     * loaded machine too) and microbenchmarks, interleaved, on two VMs.
     */
    private static List<Body> batch(String l2, String l1) {
        return Stream.iterate(0, i -> i + 1).limit(16).map(i -> i % 2 == 0
                ? ServiceRuns.slowRun(i % 4 == 0 ? l2 : l1, 12, 250, 1000 + i)
                : ServiceRuns.run(i % 4 == 1 ? l2 : l1, i % 3 == 0 ? "device-notify" : "send-ipi", 3, 2000 + i)).toList();
    }
}
