package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM: a run that finishes within {@code nestsim.runs.shutdown-grace} finishes; a longer one is stopped at a
 * replication boundary and put back in the queue (QUEUED, no executor, its attempt recorded as released), and the next
 * start executes it. The stopped service's database is read directly, between the two lives.
 */
class RunsGracefulShutdownIT {

    @TempDir
    Path workDir;

    @Test
    void sigtermLetsShortRunsFinishAndPutsLongOnesBackInTheQueue() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workDir, "--nestsim.runs.diagnostic-workload=true", "--nestsim.runs.max-running=2",
                "--nestsim.runs.shutdown-grace=2s")) {
            ServiceRuns runs = new ServiceRuns(service);
            String vm = runs.l1Vm("sigterm");
            String shortRun = runs.submit(ServiceRuns.slowRun(vm, 10, 50, 1));
            String longRun = runs.submit(ServiceRuns.slowRun(vm, 120, 50, 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.statuses(List.of(shortRun, longRun)).values().stream()
                    .allMatch("RUNNING"::equals));

            service.stop();

            assertThat(row(shortRun)).isEqualTo("SUCCEEDED 1 true");
            assertThat(row(longRun)).isEqualTo("QUEUED 1 false");
            assertThat(outcome(longRun)).isEqualTo("RELEASED");
            service.restart();
            assertThat(runs.awaitTerminal(List.of(longRun), Duration.ofSeconds(120))).containsValue("SUCCEEDED");
            assertThat(runs.run(longRun).get("attempts").asInt()).isEqualTo(2);
        }
    }

    /** "status attempts has-executor" of the run in the stopped service's H2 database. */
    private String row(String runId) throws SQLException {
        return query("SELECT status || ' ' || attempts || ' ' || CASE WHEN executor IS NULL THEN 'false' ELSE 'true' END FROM runs WHERE id = ?", runId);
    }

    private String outcome(String runId) throws SQLException {
        return query("SELECT outcome FROM run_attempts WHERE run_id = ? ORDER BY attempt DESC FETCH FIRST 1 ROWS ONLY", runId);
    }

    private String query(String sql, String runId) throws SQLException {
        String url = "jdbc:h2:file:" + workDir.resolve("data").resolve("nestsim").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(runId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("run %s in the database", runId).isTrue();
                return rs.getString(1);
            }
        }
    }
}
