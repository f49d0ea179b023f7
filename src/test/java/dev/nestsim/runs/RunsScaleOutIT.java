package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.PostgresDatabase;
import dev.nestsim.support.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL database share the queue: runs submitted to one are executed by both (the other takes
 * runs that wait, through its sweep or a JobRunr job), and each run is executed once: one attempt, one result.
 */
class RunsScaleOutIT {

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void twoInstancesShareTheQueueAndExecuteEachRunOnce() throws Exception {
        String url = PostgresDatabase.newDatabase();
        String[] args = {"--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresDatabase.username(), "--nestsim.runs.diagnostic-workload=true",
                "--nestsim.runs.max-running=2", "--nestsim.runs.sweep-interval=1s"};
        try (ServiceProcess a = ServiceProcess.start(dirA, args); ServiceProcess b = ServiceProcess.start(dirB, args)) {
            ServiceRuns onA = new ServiceRuns(a);
            ServiceRuns onB = new ServiceRuns(b);
            String vm = onA.l1Vm("scale");
            List<String> ids = IntStream.range(0, 32).mapToObj(i -> onA.submit(ServiceRuns.slowRun(vm, 8, 50, i))).toList();

            assertThat(onB.awaitTerminal(ids, Duration.ofSeconds(120)).values()).containsOnly("SUCCEEDED");

            Set<String> executors = ids.stream().map(id -> onB.run(id).get("executor").asString()).collect(Collectors.toSet());
            assertThat(executors).as("instances that executed runs").hasSize(2);
            assertThat(ids).allSatisfy(id -> assertThat(onB.run(id).get("attempts").asInt()).isEqualTo(1));
            assertThat(count(url, "SELECT COUNT(*) FROM run_attempts")).isEqualTo(32);
            assertThat(count(url, "SELECT COUNT(*) FROM run_results")).isEqualTo(32);
            assertThat(count(url, "SELECT COUNT(DISTINCT run_id) FROM run_metrics")).isEqualTo(32);
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresDatabase.username(), ""); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
