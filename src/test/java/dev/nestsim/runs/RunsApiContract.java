package dev.nestsim.runs;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.api.ProblemType;
import dev.nestsim.support.Body;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The runs API as a user sees it: submit, watch, cancel, read the result, compare. Runs on H2
 * ({@link RunsApiH2Test}) and PostgreSQL ({@link RunsApiPostgresTest}); each test makes its own VMs.
 */
abstract class RunsApiContract extends RunsApiSupport {

    @Autowired
    RunJob job;

    @Test
    void aRunThatRunsOutOfMemoryFailsOnceSayingWhyAndIsNotExecutedAgain() {
        String vm = anL1Vm("oom");

        String id = submit(aRun(vm, DiagnosticOutOfMemory.NAME));
        JsonNode failed = awaitStatus(id, "FAILED", "SUCCEEDED", "CANCELLED");

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.at("/problem/type").asString()).isEqualTo(ProblemType.RUN_OUT_OF_MEMORY.uri().toString());
        assertThat(failed.at("/problem/detail").asString()).contains("more memory than the service's heap").contains("fewer replications");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        job.execute(UUID.fromString(id));
        assertThat(run(id).get("attempts").asInt()).as("JobRunr's job for it, run again, does nothing").isEqualTo(1);
        assertThat(run(id).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void aMicrobenchmarkRunGoesFromAcceptedToSucceededWithItsResult() {
        L2 path = anL2Vm("micro");

        MvcTestResult submitted = api.post("/api/v1/runs", aRun(path.vm(), "device-notify"));

        assertThat(submitted).hasStatus(202).bodyJson().isLenientlyEqualTo("""
                {"status":"QUEUED","workload":"device-notify","level":2,"replications":1,"seed":42,"attempts":0,
                 "progress":{"done":0,"total":1,"percent":0.0}}""");
        String id = read(submitted, "$.id");
        JsonNode run = awaitStatus(id, "SUCCEEDED");
        assertThat(run.at("/target/vmId").asString()).isEqualTo(path.vm());
        assertThat(run.at("/progress/done").asInt()).as("a microbenchmark is analytic: one evaluation").isEqualTo(1);
        assertThat(run.at("/progress/percent").asDouble()).isEqualTo(100.0);
        assertThat(run.get("attempts").asInt()).isEqualTo(1);
        assertThat(run.has("startedAt") && run.has("finishedAt")).isTrue();
        assertThat(run.at("/links/result").asString()).isEqualTo("/api/v1/runs/" + id + "/result");
        assertThat(run.at("/configuration/ids").size()).isEqualTo(3);
        assertThat(run.at("/configuration/ids/2").asString()).isEqualTo(path.vm());
        assertThat(run.at("/configuration/leaf/name").asString()).isEqualTo("micro-vm");
        JsonNode result = result(id);
        assertThat(result.get("runId").asString()).isEqualTo(id);
        assertThat(result.at("/primary/name").asString()).isEqualTo("cycles");
        assertThat(result.at("/primary/mean").asDouble()).isPositive();
        assertThat(result.at("/normalizedToNative/mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.at("/normalizedToNative/n").asInt()).isEqualTo(1);
        assertThat(result.get("metrics").size()).isGreaterThan(2);
        assertThat(result.at("/metrics/0/confidence").asDouble()).isEqualTo(0.95);
    }

    @Test
    void theSameInputsAndSeedGiveTheSameResultAndAnAbsentSeedIsChosenAndRecorded() {
        L2 path = anL2Vm("seed");
        String first = submit(aRun(path.vm(), "program-timer"));
        String second = submit(aRun(path.vm(), "program-timer"));
        String chosen = submit(aRun(path.vm(), "program-timer").without("seed"));
        awaitStatus(first, "SUCCEEDED");
        awaitStatus(second, "SUCCEEDED");
        long seed = awaitStatus(chosen, "SUCCEEDED").get("seed").asLong();

        assertThat(resultApartFromItsRun(second)).isEqualTo(resultApartFromItsRun(first));
        assertThat(seed).isBetween(0L, RunService.MAX_SEED);
        assertThat(result(chosen).get("seed").asLong()).isEqualTo(seed);
        String again = submit(aRun(path.vm(), "program-timer").with("seed", seed));
        awaitStatus(again, "SUCCEEDED");
        assertThat(resultApartFromItsRun(again)).isEqualTo(resultApartFromItsRun(chosen));
    }

    @Test
    void theResultAsCsvHasAHeaderOneRowPerMetricAndTheNormalisedFigure() {
        String vm = anL1Vm("csv");
        String id = submit(aRun(vm, "send-ipi"));
        awaitStatus(id, "SUCCEEDED");

        MvcTestResult csv = api.get("/api/v1/runs/" + id + "/result?format=csv");

        assertThat(csv).hasStatus(200).hasContentType("text/csv");
        List<String> lines = body(csv).lines().toList();
        int metrics = result(id).get("metrics").size();
        assertThat(lines).hasSize(1 + metrics + 2);
        assertThat(lines.get(0)).isEqualTo("run_id,workload,target_kind,target_id,run_level,name,unit,level,reason,mean,half_width,confidence,n");
        assertThat(lines.get(1)).startsWith(id + ",send-ipi,VM," + vm + ",1,cycles,cycles/operation,,");
        assertThat(lines.get(lines.size() - 2)).contains(",normalizedToNative,ratio,,");
        assertThat(lines.get(lines.size() - 1)).contains(",cyclesVsNative,ratio,,");
        assertThat(api.get("/api/v1/runs/" + id + "/result?format=xml")).hasStatus(400);
    }

    @Test
    void badSubmissionsAreRefusedNamingTheFieldAndCreateNothing() {
        L2 path = anL2Vm("bad");
        Body good = aRun(path.vm(), "device-notify");
        long before = count("");
        List<Refused> cases = List.of(
                new Refused(good.with("workload", "no-such-workload"), 422, "workload"),
                new Refused(good.with("replications", 0), 400, "replications"),
                new Refused(good.with("replications", 1_000_000), 400, "replications"),
                new Refused(good.with("target", Body.of("vmId", UUID.randomUUID().toString())), 422, "target.vmId"),
                new Refused(good.with("target", Body.of("hostId", UUID.randomUUID().toString())), 422, "target.hostId"),
                new Refused(good.with("colour", "red"), 400, "colour"),
                new Refused(good.with("target", Body.of("vmId", path.vm(), "hostId", path.host())), 400, "target"),
                new Refused(good.without("target"), 400, "target"),
                new Refused(good.with("seed", -1), 400, "seed"),
                new Refused(good.with("replications", "3"), 400, "replications"),
                new Refused(good.with("replications", "  "), 400, "replications"),
                new Refused(good.with("replications", ""), 400, "replications"),
                new Refused(good.with("seed", " "), 400, "seed"),
                new Refused(good.with("parameters", Map.of("vcpuThreads", " ")), 400, "parameters.vcpuThreads"),
                new Refused(good.with("workload", " "), 400, "workload"),
                new Refused(good.with("parameters", Map.of("speed", 3)), 400, "parameters.speed"),
                new Refused(good.with("target", Body.of("hostId", path.host())).with("workload", "hypercall"), 422, "workload"));

        for (Refused bad : cases) {
            MvcTestResult refused = api.post("/api/v1/runs", bad.request());
            assertThat(refused).as("%s -> %s", bad.request(), body(refused)).hasStatus(bad.status()).hasContentType("application/problem+json");
            List<String> fields = read(refused, "$.errors[*].field");
            assertThat(fields).as(body(refused)).contains(bad.field());
        }
        assertThat(count("")).isEqualTo(before);
    }

    /** A submission that must be refused with this status, naming this field. */
    record Refused(Body request, int status, String field) {
    }

    @Test
    void everyProblemOfASubmissionIsReportedAtOnce() {
        Body bad = Body.of("target", Body.of("vmId", UUID.randomUUID().toString()), "workload", "nope", "replications", 0, "seed", -5);

        MvcTestResult refused = api.post("/api/v1/runs", bad);

        assertThat(refused).hasStatus(400);
        assertThat(read(refused, "$.errors[*].field").toString()).isEqualTo("[\"replications\",\"seed\",\"target.vmId\",\"workload\"]");
        List<String> pointers = read(refused, "$.errors[*].pointer");
        assertThat(pointers).contains("/target/vmId", "/workload");
    }

    @Test
    void aWorkloadParameterOutOfItsRangeIsRefusedWithTheRange() {
        String vm = anL1Vm("param");

        MvcTestResult refused = api.post("/api/v1/runs", aSlowRun(vm, 2).with("parameters", Map.of("millisPerReplication", 99_999)));

        assertThat(refused).hasStatus(400);
        assertThat((String) read(refused, "$.errors[0].message")).contains("between 0 and 5000 ms");
    }

    @Test
    void aFractionForACountIsRefusedAndCreatesNothing() {
        String vm = anL1Vm("whole");
        long before = count("");

        MvcTestResult refused = api.post("/api/v1/runs", aRun(vm, "memcached").with("parameters", Map.of("clientThreads", 2.5)));

        assertThat(refused).as(body(refused)).hasStatus(400).hasContentType("application/problem+json");
        assertThat((String) read(refused, "$.errors[0].field")).isEqualTo("parameters.clientThreads");
        assertThat((String) read(refused, "$.errors[0].rule")).isEqualTo("parameter-integer");
        assertThat((String) read(refused, "$.errors[0].message")).isEqualTo("clientThreads must be a whole number (threads), was 2.5");
        assertThat(count("")).isEqualTo(before);
        assertThat(api.get("/api/v1/workloads")).bodyJson()
                .extractingPath("$.items[?(@.name == 'memcached')].parameters[?(@.name == 'clientThreads')].integer")
                .asArray().containsExactly(true);
    }

    @Test
    void aRunningRunReportsItsProgressAndStopsAtTheNextReplicationWhenCancelled() {
        String vm = anL1Vm("cancel");
        String id = submit(aSlowRun(vm, 400));
        awaitProgress(id, 2);

        MvcTestResult cancelled = api.post("/api/v1/runs/" + id + "/cancel", "");

        assertThat(cancelled).hasStatus(202).bodyJson().extractingPath("$.cancelRequested").isEqualTo(true);
        JsonNode run = awaitStatus(id, "CANCELLED");
        assertThat(run.at("/progress/done").asInt()).isBetween(2, 399);
        assertThat(run.has("finishedAt")).isTrue();
        assertThat(run.at("/links/cancel").isMissingNode()).isTrue();
        assertThat(api.post("/api/v1/runs/" + id + "/cancel", "")).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/runs/" + id + "/result")).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("CANCELLED");
    }

    @Test
    void aQueuedRunIsCancelledAtOnce() {
        String vm = anL1Vm("queued");
        String busy1 = submit(aSlowRun(vm, 400));
        String busy2 = submit(aSlowRun(vm, 400));
        awaitStatus(busy1, "RUNNING");
        awaitStatus(busy2, "RUNNING");
        String waiting = submit(aRun(vm, "cpuid"));

        MvcTestResult cancelled = api.post("/api/v1/runs/" + waiting + "/cancel", "");

        assertThat(cancelled).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(run(waiting).get("attempts").asInt()).isZero();
    }

    @Test
    void finishedAndUnknownRunsCannotBeCancelledAndHaveNoResultUntilSucceeded() {
        String vm = anL1Vm("finished");
        String done = submit(aRun(vm, "cpuid"));
        awaitStatus(done, "SUCCEEDED");
        String running = submit(aSlowRun(vm, 400));
        awaitStatus(running, "RUNNING");

        assertThat(api.post("/api/v1/runs/" + done + "/cancel", "")).hasStatus(409).bodyJson().extractingPath("$.detail").asString()
                .contains("SUCCEEDED");
        assertThat(api.get("/api/v1/runs/" + running + "/result")).hasStatus(409).bodyJson().extractingPath("$.type")
                .isEqualTo("https://nestsim.dev/problems/run-not-succeeded");
        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/runs/" + unknown)).hasStatus(404);
        assertThat(api.get("/api/v1/runs/" + unknown + "/result")).hasStatus(404);
        assertThat(api.post("/api/v1/runs/" + unknown + "/cancel", "")).hasStatus(404);
    }

    @Test
    void aVmOrHostWithAQueuedOrRunningRunCannotBeDeletedUntilTheRunEnds() {
        String vm = anL1Vm("guarded");
        String running = submit(aSlowRun(vm, 400));
        awaitStatus(running, "RUNNING");
        String host = api.host(Body.aHost("native-guarded"));
        String nativeRun = submit(Body.of("target", Body.of("hostId", host), "workload", DiagnosticWorkload.NAME, "replications", 400,
                "parameters", Map.of("millisPerReplication", 50)));
        awaitStatus(nativeRun, "RUNNING", "QUEUED");

        MvcTestResult vmDelete = api.delete("/api/v1/vms/" + vm);
        MvcTestResult hostDelete = api.delete("/api/v1/hosts/" + host);

        assertThat(vmDelete).hasStatus(409).bodyJson().extractingPath("$.type").isEqualTo("https://nestsim.dev/problems/in-use");
        assertThat(vmDelete).bodyJson().extractingPath("$.detail").asString().contains("run " + running + " (RUNNING)");
        assertThat(hostDelete).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("run " + nativeRun);
        api.post("/api/v1/runs/" + running + "/cancel", "");
        api.post("/api/v1/runs/" + nativeRun + "/cancel", "");
        awaitStatus(running, "CANCELLED");
        awaitStatus(nativeRun, "CANCELLED");
        assertThat(api.delete("/api/v1/vms/" + vm)).hasStatus(204);
        assertThat(api.delete("/api/v1/hosts/" + host)).hasStatus(204);
    }

    @Test
    void editingOrDeletingTheVmLaterChangesNoFinishedRun() {
        String vm = anL1Vm("history");
        String id = submit(aRun(vm, "hypercall"));
        awaitStatus(id, "SUCCEEDED");
        JsonNode runBefore = run(id);
        JsonNode resultBefore = result(id);
        String metricsBefore = body(api.get("/api/v1/metrics?size=100&runId=" + id));

        assertThat(api.patch("/api/v1/vms/" + vm, "{\"name\":\"renamed\",\"vcpus\":2}", api.etag("/api/v1/vms/" + vm))).hasStatus(200);
        assertThat(run(id)).isEqualTo(runBefore);
        assertThat(api.delete("/api/v1/vms/" + vm)).hasStatus(204);

        assertThat(run(id)).isEqualTo(runBefore);
        assertThat(run(id).at("/configuration/leaf/name").asString()).isEqualTo("history-vm");
        assertThat(result(id)).isEqualTo(resultBefore);
        assertThat(body(api.get("/api/v1/metrics?size=100&runId=" + id))).isEqualTo(metricsBefore);
    }

    @Test
    void aRunStoresItsHostsKernelAndOnlineCpusAndEachHypervisorsOwnKernelAndKeepsThem() {
        String host = api.host(Body.aHost("kernel-run-host").with("kernel", "linux-5.3").with("onlineCpus", 10));
        String l1 = api.hypervisor(Body.aHypervisorOnHost("kernel-run-l1", host));
        String l2 = api.hypervisor(Body.aHypervisorIn("kernel-run-l2", l1).with("kernel", "linux-5.10"));
        String vm = api.vm(Body.aVmIn("kernel-run-vm", l2).with("vcpus", 2).with("memoryGib", 4));
        String id = submit(aRun(vm, "hypercall"));
        awaitStatus(id, "SUCCEEDED");

        assertThat(api.patch("/api/v1/hosts/" + host, "{\"kernel\":\"linux-4.18\",\"onlineCpus\":12}", "\"0\"")).hasStatus(200);

        JsonNode configuration = run(id).get("configuration");
        assertThat(configuration.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(configuration.at("/host/onlineCpus").asInt()).isEqualTo(10);
        assertThat(configuration.at("/host/l0/kernel").asString()).isEqualTo("linux-5.3");
        assertThat(configuration.at("/hypervisors/0/settings/kernel").isNull()).isTrue();
        assertThat(configuration.at("/hypervisors/1/settings/kernel").asString()).isEqualTo("linux-5.10");
    }

    @Test
    void aQueuedRunExecutesOnTheConfigurationItWasSubmittedWithEvenIfTheVmChangesMeanwhile() {
        L2 path = anL2Vm("snapshot");
        String before = submit(aRun(path.vm(), "program-timer"));
        awaitStatus(before, "SUCCEEDED");
        String busy1 = submit(aSlowRun(path.vm(), 400));
        String busy2 = submit(aSlowRun(path.vm(), 400));
        awaitStatus(busy1, "RUNNING");
        awaitStatus(busy2, "RUNNING");
        String queued = submit(aRun(path.vm(), "program-timer"));

        assertThat(api.patch("/api/v1/vms/" + path.vm(), "{\"dvh\":[\"VIRTUAL_TIMER\"]}", api.etag("/api/v1/vms/" + path.vm()))).hasStatus(200);
        api.post("/api/v1/runs/" + busy1 + "/cancel", "");
        api.post("/api/v1/runs/" + busy2 + "/cancel", "");
        awaitStatus(queued, "SUCCEEDED");
        String after = submit(aRun(path.vm(), "program-timer"));
        awaitStatus(after, "SUCCEEDED");

        assertThat(resultApartFromItsRun(queued)).isEqualTo(resultApartFromItsRun(before));
        assertThat(resultApartFromItsRun(after)).isNotEqualTo(resultApartFromItsRun(before));
        assertThat(run(queued).at("/configuration/leaf/dvh").size()).isZero();
    }

    @Test
    void runsAreListedOldestFirstAndFilteredByStatusWorkloadAndTarget() {
        String vm = anL1Vm("list");
        String host = api.host(Body.aHost("list-native"));
        String a = submit(aRun(vm, "cpuid"));
        String b = submit(aRun(vm, "vmcall"));
        String c = submit(Body.of("target", Body.of("hostId", host), "workload", "cpuid", "replications", 2));
        awaitStatus(a, "SUCCEEDED");
        awaitStatus(b, "SUCCEEDED");
        awaitStatus(c, "SUCCEEDED");

        assertThat(read(api.get("/api/v1/runs?vmId=" + vm), "$.items[*].id").toString()).isEqualTo("[\"" + a + "\",\"" + b + "\"]");
        assertThat(read(api.get("/api/v1/runs?vmId=" + vm + "&workload=vmcall"), "$.items[*].id").toString()).isEqualTo("[\"" + b + "\"]");
        assertThat(read(api.get("/api/v1/runs?hostId=" + host), "$.items[*].id").toString()).isEqualTo("[\"" + c + "\"]");
        assertThat(read(api.get("/api/v1/runs?hostId=" + host), "$.items[0].level").toString()).isEqualTo("0");
        assertThat(read(api.get("/api/v1/runs?vmId=" + vm + "&status=QUEUED&status=RUNNING"), "$.totalElements").toString()).isEqualTo("0");
        assertThat(read(api.get("/api/v1/runs?vmId=" + vm + "&status=SUCCEEDED&size=1"), "$.totalPages").toString()).isEqualTo("2");
        assertThat(api.get("/api/v1/runs?vmId=" + vm + "&hostId=" + host)).hasStatus(400);
        assertThat(api.get("/api/v1/runs?status=DONE")).hasStatus(400);
        assertThat(api.get("/api/v1/runs?size=101")).hasStatus(400);
    }

    @Test
    void metricsAreRowsQueryableAcrossRuns() {
        L2 deep = anL2Vm("metrics-l2");
        String shallow = anL1Vm("metrics-l1");
        String l2run = submit(aRun(deep.vm(), "send-ipi"));
        String l1run = submit(aRun(shallow, "send-ipi"));
        awaitStatus(l2run, "SUCCEEDED");
        awaitStatus(l1run, "SUCCEEDED");

        JsonNode oneRun = JSON.readTree(body(api.get("/api/v1/metrics?size=100&runId=" + l2run)));
        assertThat(oneRun.get("totalElements").asInt()).isEqualTo(result(l2run).get("metrics").size());
        assertThat(oneRun.at("/items/0/runLevel").asInt()).isEqualTo(2);
        assertThat(oneRun.at("/items/0/target/vmId").asString()).isEqualTo(deep.vm());
        JsonNode atL2 = JSON.readTree(body(api.get("/api/v1/metrics?size=100&workload=send-ipi&runLevel=2&name=cycles&vmId=" + deep.vm())));
        assertThat(atL2.get("items")).allSatisfy(row -> {
            assertThat(row.get("runId").asString()).isEqualTo(l2run);
            assertThat(row.get("name").asString()).isEqualTo("cycles");
        });
        JsonNode levelZero = JSON.readTree(body(api.get("/api/v1/metrics?size=100&level=0&vmId=" + shallow)));
        assertThat(levelZero.get("items")).isNotEmpty().allSatisfy(row -> assertThat(row.get("level").asInt()).isZero());
        String running = submit(aSlowRun(shallow, 400));
        awaitStatus(running, "RUNNING");
        assertThat(read(api.get("/api/v1/metrics?runId=" + running), "$.totalElements").toString()).isEqualTo("0");
    }

    @Test
    void theWorkloadCatalogueListsEveryWorkloadWithItsParametersAndLimits() {
        JsonNode catalogue = JSON.readTree(body(api.get("/api/v1/workloads")));

        assertThat(catalogue.get("items").valueStream().map(w -> w.get("name").asString()).toList())
                .contains("hypercall", "device-notify", "tscdeadline_immed", DiagnosticWorkload.NAME);
        assertThat(api.get("/api/v1/workloads/device-notify")).hasStatus(200).bodyJson().isLenientlyEqualTo("""
                {"name":"device-notify","kind":"MICROBENCHMARK","primaryMetric":"cycles","primaryUnit":"cycles/operation",
                 "higherIsBetter":false,"maxReplications":1000,"parameters":[]}""");
        assertThat(api.get("/api/v1/workloads/" + DiagnosticWorkload.NAME)).bodyJson().isLenientlyEqualTo("""
                {"parameters":[{"name":"millisPerReplication","unit":"ms","defaultValue":100.0,"min":0.0,"max":5000.0}]}""");
        assertThat(api.get("/api/v1/workloads/no-such")).hasStatus(404);
    }

    @Test
    void anIdempotencyKeyReplaysTheSubmissionAndQueuesOneRun() {
        String vm = anL1Vm("idempotent");
        String key = UUID.randomUUID().toString();

        MvcTestResult first = api.post("/api/v1/runs", aRun(vm, "cpuid"), "Idempotency-Key", key);
        MvcTestResult replay = api.post("/api/v1/runs", aRun(vm, "cpuid"), "Idempotency-Key", key);

        assertThat(first).hasStatus(202);
        assertThat(replay).hasStatus(202).hasHeader("Idempotent-Replayed", "true");
        assertThat((String) read(replay, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat(count("&vmId=" + vm)).isEqualTo(1);
        awaitStatus(read(first, "$.id"), "SUCCEEDED");
    }
}
