package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.Body;
import dev.nestsim.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs keep being submitted and finished while the connection pool retires its connections, on the default H2 file
 * database, fresh: the first retirement closes the connection Flyway created the schema with, which is what broke every
 * write of {@code runs} when a CHECK constraint kept that connection's session (fixed by V4). Hikari's shortest
 * {@code max-lifetime} (30 s) and {@code idle-timeout} (10 s) with a small pool make a retirement every few seconds;
 * the test goes on until several connections have passed their lifetime, every run has to succeed.
 */
class RunsAcrossConnectionRetirementsIT {

    /** Connections closed because they passed {@code max-lifetime}: more than two generations of the two kept idle. */
    private static final int LIFETIME_RETIREMENTS = 6;
    private static final Duration BOUND = Duration.ofMinutes(4);
    private static final Pattern LIFETIME_CLOSE = Pattern.compile("Closing connection .*passed maxLifetime");
    private static final Pattern ANY_CLOSE = Pattern.compile("Closing connection ");
    /** H2 names its connections conn0, conn1, ... in the order they are opened; Hikari logs them as it adds and closes them. */
    private static final Pattern ADDED = Pattern.compile("Added connection (conn\\d+):");
    private static final Pattern CLOSED = Pattern.compile("Closing connection (conn\\d+):");

    @TempDir
    Path dir;

    @Test
    void runsKeepSucceedingWhileThePoolRetiresEveryConnection() throws IOException, InterruptedException {
        try (ServiceProcess service = ServiceProcess.start(dir,
                "--spring.datasource.hikari.max-lifetime=30000", "--spring.datasource.hikari.idle-timeout=10000",
                "--spring.datasource.hikari.minimum-idle=2", "--spring.datasource.hikari.maximum-pool-size=6",
                "--logging.level.com.zaxxer.hikari.pool.PoolBase=debug", "--logging.level.com.zaxxer.hikari.pool.HikariPool=debug")) {
            Set<String> atStart = connections(service, ADDED);
            assertThat(atStart).as("the pool logs the connections it adds").isNotEmpty();
            ServiceRuns runs = new ServiceRuns(service);
            String vm = runs.l1Vm("retire");
            String host = runs.host("retire-native");
            Instant deadline = Instant.now().plus(BOUND);
            int finished = 0;
            long seed = 1;
            while (count(service, LIFETIME_CLOSE) < LIFETIME_RETIREMENTS) {
                assertThat(Instant.now()).as("%d connections retired by %s, %d runs done", count(service, LIFETIME_CLOSE), BOUND, finished)
                        .isBefore(deadline);
                List<String> ids = List.of(runs.submit(ServiceRuns.run(vm, "cpuid", 2, seed++)),
                        runs.submit(Body.of("target", Body.of("hostId", host), "workload", "program-timer", "replications", 2, "seed", seed++)));
                Map<String, String> statuses = runs.awaitTerminal(ids, Duration.ofSeconds(30));
                assertThat(statuses).as("after %d retirements", count(service, ANY_CLOSE)).containsOnly(
                        Map.entry(ids.get(0), "SUCCEEDED"), Map.entry(ids.get(1), "SUCCEEDED"));
                finished += ids.size();
            }

            assertThat(connections(service, CLOSED)).as("every connection of the start, Flyway's among them, was retired").containsAll(atStart);
            assertThat(finished).isGreaterThan(10);
            assertThat(service.log()).doesNotContain("Check constraint invalid").doesNotContain("unexpected error");
        }
    }

    private static Set<String> connections(ServiceProcess service, Pattern line) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = line.matcher(service.log());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static int count(ServiceProcess service, Pattern line) throws IOException {
        Matcher m = line.matcher(service.log());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
