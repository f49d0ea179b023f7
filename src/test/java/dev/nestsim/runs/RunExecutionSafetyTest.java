package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.provisioning.TopologyService;
import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jobrunr.scheduling.JobScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At-least-once made safe: a run is claimed by one execution per attempt, an execution that lost its run can
 * store nothing, a job for a finished run does nothing, and a run whose executor died is executed again with the
 * same result. The runs here are inserted as if submitted an hour from now, so no sweep takes them meanwhile. On an
 * in-memory database of its own: a paused test context on the shared one keeps a JobRunr server polling it, which
 * would take this test's JobRunr job and fail it as shutting down.
 */
@ApiTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nestsim-execution-safety;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class RunExecutionSafetyTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RunRepository runs;
    @Autowired
    RunLedger ledger;
    @Autowired
    RunJob job;
    @Autowired
    TopologyService topology;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    JobScheduler jobs;

    ApiClient api;
    String vm;
    final List<UUID> created = new ArrayList<>();

    @BeforeEach
    void aVm() {
        api = new ApiClient(mvc);
        vm = api.vm(Body.aVmOnHost("safety-vm", api.host(Body.aHost("safety-host"))));
    }

    @Test
    void twoConcurrentClaimsOfAQueuedRunMakeOneAttempt() throws Exception {
        UUID id = aQueuedRun("cpuid");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Claim>>> claims = new ArrayList<>();
            for (String executor : List.of("a", "b")) {
                Callable<Optional<Claim>> claim = () -> {
                    start.await();
                    return transactions.execute(tx -> ledger.claim(id, executor, Via.LOCAL, Instant.now(), Instant.now().plusSeconds(60)));
                };
                claims.add(threads.submit(claim));
            }
            start.countDown();
            long won = 0;
            for (Future<Optional<Claim>> claim : claims) {
                won += claim.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(runs.findById(id).orElseThrow().getAttempts()).isEqualTo(1);
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    void anExecutionWhoseLeaseExpiredCanNeitherStoreNorProgressOnceAnotherTookTheRunOver() {
        UUID id = aQueuedRun("cpuid");
        Instant now = Instant.now();
        Claim first = transactions.execute(tx -> ledger.claim(id, "slow", Via.LOCAL, now, now.plusSeconds(30))).orElseThrow();

        Optional<Claim> whileLeased = transactions.execute(tx -> ledger.claim(id, "other", Via.LOCAL, now, now.plusSeconds(60)));
        assertThat(whileLeased).isEmpty();
        Instant later = now.plusSeconds(31);
        Claim second = transactions.execute(tx -> ledger.claim(id, "other", Via.JOBRUNR, later, later.plusSeconds(60))).orElseThrow();

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(ledger.progress(first, 1, later.plusSeconds(60), later)).isFalse();
        Boolean staleStored = transactions.execute(tx -> ledger.succeed(first, later));
        Boolean currentStored = transactions.execute(tx -> ledger.succeed(second, later));
        assertThat(staleStored).isFalse();
        assertThat(currentStored).isTrue();
        assertThat(jdbc.queryForList("SELECT outcome FROM run_attempts WHERE run_id = ? ORDER BY attempt", String.class, id))
                .containsExactly("ABANDONED", "SUCCEEDED");
    }

    @Test
    void aJobForAFinishedRunDoesNothingHoweverOftenItRuns() {
        UUID id = aQueuedRun("vmcall");
        job.execute(id);
        RunEntity done = runs.findById(id).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(RunStatus.SUCCEEDED);

        job.execute(id);
        job.execute(id);

        RunEntity after = runs.findById(id).orElseThrow();
        assertThat(after.getAttempts()).isEqualTo(1);
        assertThat(after.getVersion()).isEqualTo(done.getVersion());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_results WHERE run_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aRunWhoseExecutorDiedIsExecutedAgainFromItsSnapshotWithTheSameResult() {
        UUID reference = aQueuedRun("ipi");
        job.execute(reference);
        UUID orphan = aQueuedRun("ipi");
        Instant past = Instant.now().minusSeconds(120);
        transactions.execute(tx -> ledger.claim(orphan, "died", Via.LOCAL, past, past.plusSeconds(10)));

        job.execute(orphan);

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.findById(orphan).orElseThrow().getStatus() == RunStatus.SUCCEEDED);
        assertThat(runs.findById(orphan).orElseThrow().getAttempts()).isEqualTo(2);
        assertThat(resultApartFromItsRun(orphan)).isEqualTo(resultApartFromItsRun(reference));
    }

    @Test
    void aRunStartedTheMostTimesWithoutFinishingFailsInsteadOfStartingAgain() {
        UUID id = aQueuedRun("cpuid");
        jdbc.update("UPDATE runs SET attempts = ? WHERE id = ?", RunExecution.MAX_ATTEMPTS, id);

        job.execute(id);

        RunEntity failed = runs.findById(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.getProblemType()).isEqualTo(dev.nestsim.api.ProblemType.RUN_ATTEMPTS_EXHAUSTED.uri().toString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_results WHERE run_id = ?", Integer.class, id)).isZero();
        job.execute(id);
        assertThat(runs.findById(id).orElseThrow().getAttempts()).isEqualTo(RunExecution.MAX_ATTEMPTS + 1);
    }

    @Test
    void aSubmittedRunIsExecutedRightAwayWithoutWaitingForJobRunrsPoll() {
        String id = ApiClient.read(api.post("/api/v1/runs", Body.of("target", Body.of("vmId", vm), "workload", "cpuid", "replications", 1)), "$.id");

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10))
                .until(() -> runs.findById(UUID.fromString(id)).orElseThrow().getStatus() == RunStatus.SUCCEEDED);
    }

    @Test
    void aJobRunrJobAloneExecutesARunThatNoOneElseTook() {
        UUID id = aQueuedRun("hypercall");

        jobs.<RunJob>enqueue(id, j -> j.execute(id));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.findById(id).orElseThrow().getStatus() == RunStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("SELECT via FROM run_attempts WHERE run_id = ?", String.class, id)).isEqualTo("JOBRUNR");
    }

    /** Whatever a test left QUEUED or RUNNING (claimed by made-up executors) is cancelled, so no other test waits for it. */
    @AfterEach
    void finishWhatIsLeft() {
        Instant muchLater = Instant.now().plus(1, ChronoUnit.DAYS);
        for (UUID id : created) {
            if (!ledger.cancelQueued(id, Instant.now())) {
                ledger.cancelOrphaned(id, muchLater);
            }
        }
    }

    /** A QUEUED run on the test's VM, dated an hour ahead so that no sweep dispatches it while the test works on it. */
    private UUID aQueuedRun(String workload) {
        UUID id = UUID.randomUUID();
        PathSnapshot snapshot = PathSnapshot.of(topology.locateVm(UUID.fromString(vm)));
        Instant future = Instant.now(clock).plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        runs.saveAndFlush(new RunEntity(id, workload, Target.vm(UUID.fromString(vm)), snapshot, Map.of(), 7, 2, future));
        created.add(id);
        return id;
    }

    private int attempts(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM run_attempts WHERE run_id = ?", Integer.class, id);
    }

    private String resultApartFromItsRun(UUID id) {
        return ApiClient.body(api.get("/api/v1/runs/" + id + "/result")).replace(id.toString(), "<run>");
    }
}
