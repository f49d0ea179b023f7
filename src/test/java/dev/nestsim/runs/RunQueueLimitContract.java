package dev.nestsim.runs;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A full queue refuses new runs with 429 and Retry-After, and stores nothing; the bound holds exactly when submissions
 * race. Each database's test runs in a context of its own ({@code nestsim.runs.max-queued=2}, two runs executing at
 * once), on a database of its own, so that its runs and JobRunr jobs are not the other tests'.
 */
abstract class RunQueueLimitContract extends RunsApiSupport {

    static final String QUEUE_PROPERTIES = "nestsim.runs.max-queued=2";
    /** Racers, each on a host of its own: a submission locks its host, so racers on one host would wait for each other. */
    private static final int RACERS = 24;

    @Test
    void pastMaxQueuedASubmissionIsRefusedWith429AndRetryAfter() {
        String vm = anL1Vm("full");
        keepBothExecutorsBusy(vm);
        submit(aRun(vm, "cpuid"));
        submit(aRun(vm, "cpuid"));
        long before = count("");

        MvcTestResult refused = api.post("/api/v1/runs", aRun(vm, "cpuid"));

        assertThat(refused).as(body(refused)).hasStatus(429).hasHeader("Retry-After", "7").hasContentType("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("https://nestsim.dev/problems/queue-full");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("2 runs are queued");
        assertThat(count("")).isEqualTo(before);
    }

    @Test
    void submissionsThatRaceNeverQueueMoreThanTheBound() throws Exception {
        List<String> vms = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            vms.add(anL1Vm("race-" + i));
        }
        keepBothExecutorsBusy(vms.get(0));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (String vm : vms) {
                statuses.add(racers.submit(() -> {
                    start.await();
                    return api.post("/api/v1/runs", aRun(vm, "cpuid")).getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(60, TimeUnit.SECONDS));
            }

            assertThat(answered).containsOnly(202, 429);
            assertThat(answered.stream().filter(s -> s == 202).count()).as("accepted of %d racing for 2 places", RACERS).isEqualTo(2);
            assertThat(count("&status=QUEUED")).isEqualTo(2);
        } finally {
            racers.shutdownNow();
        }
    }

    /** Two diagnostic runs RUNNING on the two executors of the test profile, so that new runs stay QUEUED. */
    private void keepBothExecutorsBusy(String vm) {
        String busy1 = submit(aSlowRun(vm, 400));
        String busy2 = submit(aSlowRun(vm, 400));
        awaitStatus(busy1, "RUNNING");
        awaitStatus(busy2, "RUNNING");
    }
}
