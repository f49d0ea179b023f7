package dev.nestsim.experiments;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.Body;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The experiments API as a user sees it: one call for a sweep, watched to its end, cancelled, deleted. Runs on H2
 * ({@link ExperimentsApiH2Test}) and PostgreSQL ({@link ExperimentsApiPostgresTest}); each test makes its own VMs.
 */
abstract class ExperimentsApiContract extends ExperimentsApiSupport {

    @Test
    void aBadExperimentIsRefusedWholeNamingEveryProblemAndCreatesNothing() {
        String vm = anL1Vm("bad");
        String experiments = String.valueOf(count(""));
        long runs = ((Number) read(api.get("/api/v1/runs?size=1"), "$.totalElements")).longValue();
        String resources = api.counts();
        Body bad = anExperiment("bad", List.of(vm("ok", vm), Body.of("vmId", UUID.randomUUID().toString()),
                        Body.of("vmId", vm, "hostId", UUID.randomUUID().toString())),
                List.of(workload("no-such-workload"), Body.of("workload", "memcached", "parameters", Map.of("clientThreads", 99))))
                .with("replications", 0);

        MvcTestResult refused = api.post("/api/v1/experiments", bad);

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("replications", "targets[1].vmId", "targets[2]", "workloads[0].workload",
                "workloads[1].parameters.clientThreads");
        List<String> pointers = read(refused, "$.errors[*].pointer");
        assertThat(pointers).contains("/workloads/1/parameters/clientThreads", "/targets/1/vmId");
        assertThat(String.valueOf(count(""))).isEqualTo(experiments);
        assertThat(((Number) read(api.get("/api/v1/runs?size=1"), "$.totalElements")).longValue()).isEqualTo(runs);
        assertThat(api.counts()).isEqualTo(resources);
    }

    @Test
    void wellFormedButUnknownOrImpossibleCellsAre422() {
        String host = aBareHost("native-422");
        Body unknown = anExperiment("unknown", List.of(vm("gone", UUID.randomUUID().toString())), List.of(workload("device-notify")));
        Body nativeHypercall = anExperiment("hypercall", List.of(host("native", host)), List.of(workload("send-ipi"), workload("hypercall")));

        MvcTestResult first = api.post("/api/v1/experiments", unknown);
        MvcTestResult second = api.post("/api/v1/experiments", nativeHypercall);

        assertThat(first).hasStatus(422);
        assertThat((List<String>) read(first, "$.errors[*].field")).containsExactly("targets[0].vmId");
        assertThat(second).hasStatus(422);
        assertThat((List<String>) read(second, "$.errors[*].rule")).containsExactly("applicable-natively");
        assertThat((List<String>) read(second, "$.errors[*].field")).containsExactly("workloads[1].workload");
    }

    @Test
    void boundsOnCellsAndTotalWorkAndMissingPartsAre400() {
        String vm = anL1Vm("bounds");
        MvcTestResult empty = api.post("/api/v1/experiments", Body.of("name", " ", "targets", List.of(), "workloads", List.of()));
        MvcTestResult tooMuch = api.post("/api/v1/experiments", anExperiment("much", List.of(vm("a", vm)), List.of(workload("send-ipi")))
                .with("replications", 1000).with("workloads", java.util.Collections.nCopies(30, workload("send-ipi"))));
        MvcTestResult both = api.post("/api/v1/experiments", Body.of("preset", "asplos20", "targets", List.of(vm("a", vm))));
        MvcTestResult unknownPreset = api.post("/api/v1/experiments", Body.of("preset", "no-such-preset"));
        MvcTestResult unknownField = api.post("/api/v1/experiments", anExperiment("f", List.of(vm("a", vm).with("colour", "red")),
                List.of(workload("send-ipi"))));

        assertThat(empty).hasStatus(400);
        assertThat((List<String>) read(empty, "$.errors[*].field")).containsExactlyInAnyOrder("name", "targets", "workloads");
        assertThat(tooMuch).hasStatus(400);
        assertThat((List<String>) read(tooMuch, "$.errors[*].rule")).containsExactly("max-total-replications");
        assertThat(both).hasStatus(400);
        assertThat((List<String>) read(both, "$.errors[*].rule")).contains("preset-or-cells");
        assertThat(unknownPreset).hasStatus(422);
        assertThat((List<String>) read(unknownPreset, "$.errors[*].field")).containsExactly("preset");
        assertThat(unknownField).hasStatus(400);
    }

    @Test
    void aSmallExperimentGoesFromAcceptedToSucceededAndEachCellIsTheRunItWouldBeAlone() {
        String l1 = anL1Vm("life");
        String l2 = anL2Vm("life");
        String host = aBareHost("life-native");
        Body body = anExperiment("life", List.of(vm("L1", l1), vm("L2", l2), host("native", host)),
                List.of(workload("device-notify"), workload("send-ipi")));

        MvcTestResult created = api.post("/api/v1/experiments", body);

        assertThat(created).hasStatus(202).bodyJson().isLenientlyEqualTo("""
                {"name":"life","status":"QUEUED","seed":42,"replications":3,
                 "configurations":[{"name":"L1","vmId":"%s","provisioned":false},{"name":"L2"},{"name":"native","hostId":"%s"}],
                 "workloads":[{"workload":"device-notify","parameters":{}},{"workload":"send-ipi"}],
                 "progress":{"cellsDone":0,"cellsTotal":6,"replicationsTotal":6}}""".formatted(l1, host));
        String id = read(created, "$.id");
        JsonNode done = awaitStatus(id, "SUCCEEDED", "FAILED", "CANCELLED");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/progress/cellsDone").asInt()).isEqualTo(6);
        // microbenchmarks are analytic: each cell's run evaluates once, whatever the experiment's 3 replications
        assertThat(done.at("/progress/replicationsDone").asLong()).isEqualTo(6);
        assertThat(done.at("/progress/replicationsTotal").asLong()).isEqualTo(6);
        assertThat(done.at("/progress/percent").asDouble()).isEqualTo(100.0);
        assertThat(done.has("startedAt") && done.has("finishedAt")).isTrue();
        assertThat(done.at("/links/results").asString()).isEqualTo("/api/v1/experiments/" + id + "/results");
        Set<String> runIds = new HashSet<>();
        done.get("cells").forEach(c -> {
            assertThat(c.get("status").asString()).isEqualTo("SUCCEEDED");
            runIds.add(c.get("runId").asString());
        });
        assertThat(runIds).hasSize(6);
        JsonNode cell = done.get("cells").get(2);
        assertThat(cell.get("configuration").asString()).isEqualTo("L2");
        assertThat(cell.get("workload").asString()).isEqualTo("device-notify");
        String alone = submitRun(Body.of("target", Body.of("vmId", l2), "workload", "device-notify", "replications", 3, "seed", 42));
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(get("/api/v1/runs/" + alone).get("status").asString()));
        assertThat(resultApartFromItsRun(alone)).isEqualTo(resultApartFromItsRun(cell.get("runId").asString()));
    }

    @Test
    void aCellWhoseRunFailsMakesTheExperimentFailedNamingTheCellAndWhy() {
        String vm = anL1Vm("failing");
        String id = create(anExperiment("failing", List.of(vm("L1", vm)), List.of(workload("send-ipi"), workload("diagnostic-out-of-memory")))
                .with("replications", 1));

        JsonNode failed = awaitStatus(id, "FAILED", "SUCCEEDED", "CANCELLED");

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.at("/problem/type").asString()).isEqualTo("https://nestsim.dev/problems/experiment-failed");
        assertThat(failed.at("/problem/cell/position").asInt()).isEqualTo(1);
        assertThat(failed.at("/problem/cell/configuration").asString()).isEqualTo("L1");
        assertThat(failed.at("/problem/cell/workload").asString()).isEqualTo("diagnostic-out-of-memory");
        assertThat(failed.at("/problem/detail").asString()).contains("L1 x diagnostic-out-of-memory").contains("FAILED")
                .contains("more memory than the service's heap");
        assertThat(failed.has("finishedAt")).isTrue();
        assertThat(failed.at("/links/cancel").isMissingNode()).isTrue();
    }

    @Test
    void eventsOfAFinishedExperimentAndOfItsRunsAreStatusProgressAndEndThenTheStreamCloses() {
        String vm = anL1Vm("events");
        String id = create(anExperiment("events", List.of(vm("a", vm)), List.of(workload("send-ipi"))));
        String runId = awaitStatus(id, "SUCCEEDED").at("/cells/0/runId").asString();

        MvcTestResult events = mvc.get().uri("/api/v1/experiments/" + id + "/events").accept("text/event-stream").exchange(WAIT);
        MvcTestResult runEvents = mvc.get().uri("/api/v1/runs/" + runId + "/events").accept("text/event-stream").exchange(WAIT);

        assertThat(events).hasStatus(200).hasContentTypeCompatibleWith("text/event-stream");
        List<String> names = body(events).lines().filter(l -> l.startsWith("event:")).toList();
        assertThat(names).containsExactly("event:status", "event:progress", "event:end");
        assertThat(body(events)).contains("\"status\":\"SUCCEEDED\"").contains("\"cellsDone\":1");
        assertThat(runEvents).hasStatus(200);
        assertThat(body(runEvents).lines().filter(l -> l.startsWith("event:")).toList()).containsExactly("event:status", "event:progress", "event:end");
        assertThat(body(runEvents)).contains("\"done\":1").contains("\"total\":1");
        assertThat(api.get("/api/v1/experiments/" + UUID.randomUUID() + "/events")).hasStatus(404);
    }

    @Test
    void listsArePagedAndFilteredByStatusAndName() {
        String vm = anL1Vm("list");
        String name = "list-" + UUID.randomUUID();
        String id = create(anExperiment(name, List.of(vm("a", vm)), List.of(workload("send-ipi"))));
        awaitStatus(id, "SUCCEEDED");

        assertThat(count("&name=" + name)).isEqualTo(1);
        assertThat(count("&name=" + name + "&status=SUCCEEDED")).isEqualTo(1);
        assertThat(count("&name=" + name + "&status=RUNNING&status=QUEUED")).isZero();
        JsonNode page = get("/api/v1/experiments?size=1&name=" + name);
        assertThat(page.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(page.at("/items/0").has("cells")).isFalse();
        assertThat(api.get("/api/v1/experiments?size=1000")).hasStatus(400);
        assertThat(api.get("/api/v1/experiments?status=SLEEPING")).hasStatus(400);
        assertThat(api.get("/api/v1/experiments/" + UUID.randomUUID())).hasStatus(404);
    }

    @Test
    void cancellingStopsTheRunsAndLeavesTheRestUnsubmittedAndDeletingWhileRunningIs409() {
        String vm = anL1Vm("cancel");
        String id = create(aSlowExperiment("cancel", vm, 12));
        await().atMost(WAIT).until(() -> "RUNNING".equals(experiment(id).get("status").asString()));

        MvcTestResult whileRunning = api.delete("/api/v1/experiments/" + id);
        assertThat(whileRunning).hasStatus(409).hasContentType("application/problem+json");
        assertThat(body(whileRunning)).contains("RUNNING").contains("cancel it first");
        MvcTestResult cancelled = api.post("/api/v1/experiments/" + id + "/cancel", "");

        assertThat(cancelled).hasStatus(200).bodyJson().isLenientlyEqualTo("{\"status\":\"CANCELLED\"}");
        assertThat(api.post("/api/v1/experiments/" + id + "/cancel", "")).hasStatus(200);
        await().atMost(WAIT).until(() -> {
            List<String> statuses = new ArrayList<>();
            experiment(id).get("cells").forEach(c -> statuses.add(c.has("status") ? c.get("status").asString() : "UNSUBMITTED"));
            return statuses.stream().noneMatch(s -> s.equals("QUEUED") || s.equals("RUNNING"));
        });
        JsonNode after = experiment(id);
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        long unsubmitted = 0;
        for (JsonNode c : after.get("cells")) {
            unsubmitted += c.has("runId") ? 0 : 1;
        }
        assertThat(unsubmitted).as("at most max-in-flight cells were ever submitted").isGreaterThanOrEqualTo(12 - 8);
        assertThat(api.delete("/api/v1/experiments/" + id)).hasStatus(204);
        assertThat(api.get("/api/v1/experiments/" + id)).hasStatus(404);
        assertThat(api.get("/api/v1/vms/" + vm)).as("the user's target stays").hasStatus(200);
    }

    @Test
    void aFinishedExperimentCannotBeCancelledAndATargetInUseCannotBeDeleted() {
        String vm = anL1Vm("finished");
        String slowVm = anL1Vm("held");
        String id = create(anExperiment("finished", List.of(vm("a", vm)), List.of(workload("send-ipi"))));
        awaitStatus(id, "SUCCEEDED");
        String slow = create(aSlowExperiment("held", slowVm, 12));

        assertThat(api.post("/api/v1/experiments/" + id + "/cancel", "")).hasStatus(409);
        MvcTestResult deleteTarget = api.delete("/api/v1/vms/" + slowVm);
        assertThat(deleteTarget).hasStatus(409);
        assertThat(body(deleteTarget)).contains("experiment " + slow);
        api.post("/api/v1/experiments/" + slow + "/cancel", "");
    }

    @Test
    void theSameIdempotencyKeyAndBodyCreateOneExperiment() {
        String vm = anL1Vm("idem");
        String name = "idem-" + UUID.randomUUID();
        Body body = anExperiment(name, List.of(vm("a", vm)), List.of(workload("send-ipi")));
        String key = UUID.randomUUID().toString();

        MvcTestResult first = api.post("/api/v1/experiments", body, "Idempotency-Key", key);
        MvcTestResult again = api.post("/api/v1/experiments", body, "Idempotency-Key", key);
        MvcTestResult other = api.post("/api/v1/experiments", body.with("seed", 43), "Idempotency-Key", key);

        assertThat(first).hasStatus(202);
        assertThat(again).hasStatus(202);
        assertThat((String) read(again, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other).hasStatus(422);
        assertThat(count("&name=" + name)).isEqualTo(1);
    }

    @Test
    void theAsplos20PresetProvisionsEachConfigurationOnAHostOfItsOwnAndDeletingTheExperimentDeletesOnlyThose() {
        List<String> names = List.of("native", "L1", "L2 baseline", "L2 passthrough", "L2 DVH-VP", "L2 DVH", "L3 baseline", "L3 DVH");
        JsonNode presets = get("/api/v1/experiment-presets");
        assertThat(presets.at("/items/0/name").asString()).isEqualTo("asplos20");
        assertThat(presets.at("/items/0/replications").asInt()).isEqualTo(10);
        assertThat(presets.at("/items/0/applications").size()).isEqualTo(7);
        String userVm = anL1Vm("preset-user");
        long hosts = api.count("hosts");
        long hypervisors = api.count("hypervisors");
        long vms = api.count("vms");

        String id = create(Body.of("preset", "asplos20", "replications", 1));
        api.post("/api/v1/experiments/" + id + "/cancel", "");
        JsonNode experiment = experiment(id);

        assertThat(experiment.get("name").asString()).isEqualTo("asplos20");
        assertThat(experiment.get("preset").asString()).isEqualTo("asplos20");
        List<String> configured = new ArrayList<>();
        experiment.get("configurations").forEach(c -> {
            configured.add(c.get("name").asString());
            assertThat(c.get("provisioned").asBoolean()).isTrue();
        });
        assertThat(configured).containsExactlyElementsOf(names);
        assertThat(experiment.get("workloads").size()).isEqualTo(11);
        assertThat(experiment.at("/progress/cellsTotal").asInt()).as("native runs no hypercall").isEqualTo(8 * 11 - 1);
        assertThat(api.count("hosts")).isEqualTo(hosts + 8);
        assertThat(api.count("hypervisors")).isEqualTo(hypervisors + 4 + 2 * 2);
        assertThat(api.count("vms")).isEqualTo(vms + 7);
        int[] onlineCpus = {4, 6, 8, 8, 8, 8, 10, 10};
        int[] levels = {0, 1, 2, 2, 2, 2, 3, 3};
        String[] io = {null, "VIRTIO", "VIRTIO", "PASSTHROUGH", "VIRTUAL_PASSTHROUGH", "VIRTUAL_PASSTHROUGH", "VIRTIO", "VIRTUAL_PASSTHROUGH"};
        for (int i = 0; i < names.size(); i++) {
            JsonNode c = experiment.get("configurations").get(i);
            String hostId = i == 0 ? c.get("hostId").asString() : get("/api/v1/vms/" + c.get("vmId").asString()).get("hostId").asString();
            JsonNode host = get("/api/v1/hosts/" + hostId);
            assertThat(host.get("onlineCpus").asInt()).as(names.get(i)).isEqualTo(onlineCpus[i]);
            assertThat(host.get("profile").asString()).isEqualTo("asplos20-testbed");
            assertThat(host.get("kernel").asString()).isEqualTo("linux-4.18");
            if (i > 0) {
                JsonNode vm = get("/api/v1/vms/" + c.get("vmId").asString());
                assertThat(vm.get("level").asInt()).as(names.get(i)).isEqualTo(levels[i]);
                assertThat(vm.get("io").asString()).as(names.get(i)).isEqualTo(io[i]);
            }
        }
        String ownedVm = experiment.at("/configurations/1/vmId").asString();
        MvcTestResult deleteOwned = api.delete("/api/v1/vms/" + ownedVm);
        assertThat(deleteOwned).hasStatus(409);
        assertThat(body(deleteOwned)).contains("experiment " + id);
        await().atMost(WAIT).until(() -> api.delete("/api/v1/experiments/" + id).getResponse().getStatus() == 204);
        assertThat(api.count("hosts")).isEqualTo(hosts);
        assertThat(api.count("hypervisors")).isEqualTo(hypervisors);
        assertThat(api.count("vms")).isEqualTo(vms);
        assertThat(api.get("/api/v1/vms/" + userVm)).hasStatus(200);
    }

    @Test
    void resultsHoldEveryCellAsItsRunReportsItAsJsonAndCsvAndTheComparisonGivesASpeedupWithItsInterval() {
        String l1 = anL1Vm("results");
        String l2 = anL2Vm("results");
        Body rr = Body.of("workload", "memcached", "parameters", Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005, "clientsPerThread", 5));
        String id = create(anExperiment("results", List.of(vm("L1", l1), vm("L2 baseline", l2)), List.of(workload("device-notify"), rr)));
        awaitStatus(id, "SUCCEEDED");

        JsonNode results = get("/api/v1/experiments/" + id + "/results");
        assertThat(results.get("cells").size()).isEqualTo(4);
        JsonNode cell = results.get("cells").get(3);
        assertThat(cell.get("configuration").asString()).isEqualTo("L2 baseline");
        assertThat(cell.get("workload").asString()).isEqualTo("memcached");
        JsonNode alone = get("/api/v1/runs/" + cell.get("runId").asString() + "/result");
        assertThat(cell.get("metrics")).isEqualTo(alone.get("metrics"));
        assertThat(cell.at("/normalizedToNative/mean").asDouble()).isEqualTo(alone.at("/normalizedToNative/mean").asDouble());
        assertThat(cell.at("/normalizedToNative/halfWidth").asDouble()).isEqualTo(alone.at("/normalizedToNative/halfWidth").asDouble());

        MvcTestResult csv = api.get("/api/v1/experiments/" + id + "/results?format=csv");
        assertThat(csv).hasStatus(200).hasContentType("text/csv");
        List<String> lines = body(csv).lines().toList();
        assertThat(lines.get(0)).isEqualTo("experiment_id,configuration,workload,run_id,status,run_level,name,unit,level,reason,mean,half_width,confidence,n");
        int metrics = 0;
        for (JsonNode c : results.get("cells")) {
            metrics += c.get("metrics").size() + (c.has("normalizedToNative") ? 1 : 0);
        }
        assertThat(lines).hasSize(1 + metrics);
        assertThat(lines).anyMatch(l -> l.startsWith(id + ",L2 baseline,memcached," + cell.get("runId").asString() + ",SUCCEEDED,2,throughput,"));
        assertThat(api.get("/api/v1/experiments/" + id + "/results?format=xml")).hasStatus(400);

        JsonNode comparison = get("/api/v1/experiments/" + id + "/comparison?baseline=L2 baseline&against=L1");
        assertThat(comparison.get("commonRandomNumbers").asBoolean()).isTrue();
        assertThat(comparison.get("intervalMethod").asString()).startsWith("paired by replication");
        JsonNode micro = comparison.get("workloads").get(0);
        assertThat(micro.get("method").asString()).isEqualTo("exact");
        assertThat(micro.get("speedup").asDouble()).as("L1 takes fewer cycles than L2").isGreaterThan(1.0)
                .isCloseTo(micro.at("/baselineCell/primary/mean").asDouble() / micro.at("/againstCell/primary/mean").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
        JsonNode app = comparison.get("workloads").get(1);
        assertThat(app.get("method").asString()).as("both cells kept their replications' values").isEqualTo("paired");
        assertThat(app.get("metric").asString()).isEqualTo("throughput");
        double ratio = app.at("/againstCell/primary/mean").asDouble() / app.at("/baselineCell/primary/mean").asDouble();
        assertThat(app.get("speedup").asDouble()).isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(app.get("lower").asDouble()).isLessThan(ratio);
        assertThat(app.get("upper").asDouble()).isGreaterThan(ratio);
        MvcTestResult unknown = api.get("/api/v1/experiments/" + id + "/comparison?baseline=nope");
        assertThat(unknown).hasStatus(400);
        assertThat((List<String>) read(unknown, "$.errors[*].field")).containsExactlyInAnyOrder("against", "baseline");
    }

    @Test
    void topologiesAreProvisionedByTheExperimentRefusedPartByPartAndDeletedWithIt() {
        Body l2 = Body.of("name", "L2 DVH", "host", Body.of("profile", "asplos20-testbed", "onlineCpus", 8, "kernel", "linux-4.18", "dvh", Body.ALL_DVH),
                "hypervisors", List.of(Body.of("vcpus", 6, "memoryGib", 24, "viommu", "STATIC", "dvh", Body.ALL_DVH)),
                "vm", Body.of("vcpus", 4, "memoryGib", 12, "io", "VIRTUAL_PASSTHROUGH", "dvh", Body.ALL_DVH));
        Body bare = Body.of("name", "native", "host", Body.of("profile", "asplos20-testbed", "onlineCpus", 4));
        Body undelivered = Body.of("name", "no dvh", "host", Body.of("profile", "asplos20-testbed"),
                "hypervisors", List.of(Body.of("vcpus", 6, "memoryGib", 24)), "vm", Body.of("vcpus", 4, "memoryGib", 12, "dvh", Body.ALL_DVH));
        Body unknownKernel = Body.of("name", "kernel", "host", Body.of("profile", "asplos20-testbed", "kernel", "linux-9.9"));
        Body missingSize = Body.of("name", "size", "host", Body.of("profile", "asplos20-testbed"), "vm", Body.of("vcpus", 4));
        String before = api.counts();

        MvcTestResult refused = api.post("/api/v1/experiments", Body.of("name", "topologies", "topologies",
                List.of(l2, bare, undelivered, unknownKernel, missingSize), "workloads", List.of(workload("send-ipi")), "replications", 2));

        assertThat(refused).hasStatus(400);
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).contains("topologies[3].host.kernel", "topologies[4].vm.memoryGib").anyMatch(f -> f.startsWith("topologies[2].vm"));
        assertThat(fields).noneMatch(f -> f.startsWith("topologies[0]") || f.startsWith("topologies[1]"));
        assertThat(api.counts()).as("nothing provisioned").isEqualTo(before);

        String id = create(Body.of("name", "topologies", "topologies", List.of(l2, bare), "workloads",
                List.of(workload("send-ipi"), workload("device-notify")), "replications", 2, "seed", 5));
        JsonNode done = awaitStatus(id, "SUCCEEDED", "FAILED", "CANCELLED");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/configurations/0/provisioned").asBoolean()).isTrue();
        assertThat(done.at("/configurations/1/hostId").isMissingNode()).isFalse();
        JsonNode vm = get("/api/v1/vms/" + done.at("/configurations/0/vmId").asString());
        assertThat(vm.get("level").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/hosts/" + vm.get("hostId").asString()).get("onlineCpus").asInt()).isEqualTo(8);
        assertThat(done.at("/progress/cellsTotal").asInt()).isEqualTo(4);
        assertThat(api.delete("/api/v1/experiments/" + id)).hasStatus(204);
        assertThat(api.counts()).as("deleted with the experiment").isEqualTo(before);
    }

    String submitRun(Body run) {
        MvcTestResult submitted = api.post("/api/v1/runs", run);
        assertThat(submitted).as(body(submitted)).hasStatus(202);
        return read(submitted, "$.id");
    }

    JsonNode resultApartFromItsRun(String runId) {
        ObjectNode result = (ObjectNode) get("/api/v1/runs/" + runId + "/result");
        result.remove("runId");
        return result;
    }
}
