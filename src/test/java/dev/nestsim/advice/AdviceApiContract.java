package dev.nestsim.advice;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.Body;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The advisor as a user sees it, on a small space (depth 1, no DVH, no posted interrupts or VF: EMULATED or VIRTIO, halt polling on
 * or off) and a small memcached: asked, ranked, applied, cancelled, deleted. On an H2 database of its own ({@link AdviceApiH2Test})
 * and on PostgreSQL ({@link AdviceApiPostgresTest}); its runs go through JobRunr.
 */
abstract class AdviceApiContract {

    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> SMALL = Map.of("clientThreads", 1, "clientsPerThread", 4, "serverThreads", 1);

    @Autowired
    MockMvcTester mvc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    private static Body aSmallAdvice(Map<String, Object> constraints) {
        return Body.of("workload", "memcached", "parameters", SMALL, "host", Map.of("profile", "asplos20-testbed", "kernel", "linux-4.18",
                "onlineCpus", 6), "depth", 1, "constraints", constraints, "replications", 2, "seed", 11, "maxSimulated", 4);
    }

    private static Map<String, Object> smallSpace() {
        return Map.of("liveMigratable", true, "hostFeatures", List.of(), "availableDvh", List.of());
    }

    private JsonNode finished(String id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            String status = read(api.get("/api/v1/advice/" + id), "$.status");
            return !"QUEUED".equals(status) && !"RUNNING".equals(status);
        });
        return JSON.readTree(body(api.get("/api/v1/advice/" + id)));
    }

    private String create(Body advice) {
        MvcTestResult created = api.post("/api/v1/advice", advice);
        assertThat(created).hasStatus(202).containsHeader("Location");
        return read(created, "$.id");
    }

    @Test
    void theSmallSpaceRanksVirtioFirstWithTheFigureOfASameSeedRunAndBodiesThatProvisionIt() {
        JsonNode done = finished(create(aSmallAdvice(smallSpace())));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("infeasible").isNull()).isTrue();
        JsonNode recommendations = done.get("recommendations");
        assertThat(recommendations.size()).isEqualTo(4);
        JsonNode best = recommendations.get(0);
        assertThat(best.at("/configuration/io").asString()).isEqualTo("VIRTIO");
        for (int i = 1; i < recommendations.size(); i++) {
            assertThat(recommendations.get(i).at("/normalizedToNative/mean").asDouble())
                    .isLessThanOrEqualTo(recommendations.get(i - 1).at("/normalizedToNative/mean").asDouble());
            assertThat(recommendations.get(i).get("liveMigratable").asBoolean()).isTrue();
        }
        assertThat(done.get("paretoFront").toString()).contains("1");
        for (JsonNode why : done.get("why")) {
            // paired: the ratio of the two runs' mean primary metric; normalizedToNative is a mean of per-replication ratios to a
            // native that varies a little by replication, so the two agree to well within the interval, not to the last digit
            assertThat(why.get("method").asString()).isEqualTo("paired");
            assertThat(why.get("ratio").asDouble()).as(why.toString()).isCloseTo(why.at("/normalizedToNative/mean").asDouble()
                    / best.at("/normalizedToNative/mean").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
            assertThat(why.get("lower").asDouble()).isLessThan(why.get("ratio").asDouble());
            assertThat(why.get("upper").asDouble()).isGreaterThan(why.get("ratio").asDouble());
            assertThat(why.get("without")).isNotEqualTo(best.get("configuration"));
            assertThat(why.get("summary").asString()).startsWith("turning " + why.get("knob").asString() + " off");
        }

        String host = api.create("/api/v1/hosts", JSON.writeValueAsString(best.at("/provisioning/host")));
        Map<String, Object> vmBody = JSON.convertValue(best.at("/provisioning/vm"), Map.class);
        vmBody.put("parent", Map.of("hostId", host));
        String vm = api.create("/api/v1/vms", JSON.writeValueAsString(vmBody));
        MvcTestResult run = api.post("/api/v1/runs", Body.of("target", Body.of("vmId", vm), "workload", "memcached", "parameters", SMALL,
                "replications", best.at("/run/replications").asInt(), "seed", best.at("/run/seed").asLong()));
        assertThat(run).hasStatus(202);
        String runId = read(run, "$.id");
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(read(api.get("/api/v1/runs/" + runId), "$.status")));
        JsonNode result = JSON.readTree(body(api.get("/api/v1/runs/" + runId + "/result")));
        assertThat(result.at("/normalizedToNative/mean").asDouble()).as("the recommended figure is a same-seed run's on the provisioned VM")
                .isEqualTo(best.at("/normalizedToNative/mean").asDouble());
        JsonNode path = JSON.readTree(body(api.get("/api/v1/vms/" + vm)));
        assertThat(path.get("io").asString()).isEqualTo("VIRTIO");
    }

    @Test
    void constraintsNoConfigurationMeetsAreAnAnswerNotAnError() {
        Map<String, Object> impossible = new java.util.HashMap<>(smallSpace());
        impossible.put("minNormalizedToNative", 1.0);

        JsonNode done = finished(create(aSmallAdvice(impossible)));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("recommendations").size()).isZero();
        assertThat(done.get("infeasible").asString()).contains("minNormalizedToNative 1.0");
    }

    @Test
    void aBadRequestIsRefusedWholeNamingEveryFieldAndCreatesNothing() {
        long before = ((Number) read(api.get("/api/v1/advice?size=1"), "$.totalElements")).longValue();
        Body bad = Body.of("workload", "memcached", "parameters", Map.of("clientThreads", 99), "host", Map.of("profile", "asplos20-testbed",
                "onlineCpus", 0), "depth", 9, "constraints", Map.of("minNormalizedToNative", 1.5), "replications", 0, "maxSimulated", 99);

        MvcTestResult refused = api.post("/api/v1/advice", bad);

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).contains("parameters.clientThreads", "host.onlineCpus", "depth", "constraints.minNormalizedToNative", "replications",
                "maxSimulated");
        assertThat(((Number) read(api.get("/api/v1/advice?size=1"), "$.totalElements")).longValue()).isEqualTo(before);
    }

    @Test
    void aBadSpaceIsRefusedWholeNamingEveryFieldAndTheRuleAndCreatesNothing() {
        long before = ((Number) read(api.get("/api/v1/advice?size=1"), "$.totalElements")).longValue();
        Body bad = aSmallAdvice(smallSpace()).with("depth", 1).with("vm", Map.of("vcpus", 3)).with("space", Map.of(
                "guestKernels", List.of("linux-4.18", "linux-9.9", "linux-4.18"), "vmVcpus", List.of(2, 0, 65, 2, 4), "dvhPerLevel", true));

        MvcTestResult refused = api.post("/api/v1/advice", bad);

        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        List<String> fields = read(refused, "$.errors[*].field");
        List<String> rules = read(refused, "$.errors[*].rule");
        assertThat(fields).contains("space.guestKernels[1]", "space.guestKernels[2]", "space.guestKernels", "space.vmVcpus", "space.vmVcpus[1]",
                "space.vmVcpus[2]", "space.vmVcpus[3]", "space.dvhPerLevel", "vm.vcpus");
        assertThat(rules).contains("known-kernel", "distinct", "needs-guest-hypervisors", "size-range", "vcpus-range", "vcpus-in-space");
        assertThat(body(refused)).contains("must be one of linux-4.18, linux-5.3, linux-5.10, was 'linux-9.9'")
                .contains("only meaningful at depth >= 2").contains("must be between 1 and 64, was 65");
        List<String> pointers = read(refused, "$.errors[*].pointer");
        assertThat(pointers).contains("/space/guestKernels/1", "/space/vmVcpus/2");

        // every field well-formed, but three kernels by two sizes of today's 640 candidates at depth 2 is 3,840: over the cap
        Body tooBig = aSmallAdvice(Map.of()).with("depth", 2).with("host", Map.of("profile", "asplos20-testbed", "kernel", "linux-4.18",
                "onlineCpus", 8)).with("space", Map.of("guestKernels", List.of("linux-4.18", "linux-5.3", "linux-5.10"), "vmVcpus", List.of(2, 4)));
        MvcTestResult capped = api.post("/api/v1/advice", tooBig);
        assertThat(capped).hasStatus(400).hasContentType("application/problem+json");
        List<String> cappedFields = read(capped, "$.errors[*].field");
        assertThat(cappedFields).containsExactly("space");
        assertThat((String) read(capped, "$.errors[0].rule")).isEqualTo("space-size");
        assertThat((String) read(capped, "$.errors[0].message")).contains("3,840 candidates, 2,816 more than the cap of 1,024");
        assertThat(((Number) read(api.get("/api/v1/advice?size=1"), "$.totalElements")).longValue()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aKernelAndVcpuRecommendationsBodiesProvisionWhatItsFigureWasRunOn() {
        // depth 2, the small space with two guest kernels and a 2-vCPU VM: EMULATED or VIRTIO, halt polling on or off, per kernel
        Body advice = aSmallAdvice(smallSpace()).with("depth", 2).with("host", Map.of("profile", "asplos20-testbed", "kernel", "linux-4.18",
                "onlineCpus", 8)).with("maxSimulated", 2).with("space", Map.of("guestKernels", List.of("linux-4.18", "linux-5.10"), "vmVcpus", List.of(2)));
        String id = create(advice);
        JsonNode queued = JSON.readTree(body(api.get("/api/v1/advice/" + id)));
        assertThat(queued.get("searchSpace").toString()).as("stored with the advice")
                .isEqualTo("{\"guestKernels\":[\"linux-4.18\",\"linux-5.10\"],\"vmVcpus\":[2],\"dvhPerLevel\":false,\"widened\":true}");

        JsonNode done = finished(id);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/space/candidates").asInt()).isEqualTo(8);
        JsonNode best = done.get("recommendations").get(0);
        String kernel = best.at("/configuration/guestKernel").asString();
        assertThat(kernel).isIn("linux-4.18", "linux-5.10");
        assertThat(best.at("/configuration/vmVcpus").asInt()).isEqualTo(2);
        assertThat(best.get("requires").toString()).contains("L1 runs " + kernel);
        String other = kernel.equals("linux-4.18") ? "linux-5.10" : "linux-4.18";
        JsonNode kernelWhy = null;
        for (JsonNode why : done.get("why")) {
            if (why.get("knob").asString().equals("guestKernel " + kernel + " -> " + other)) {
                kernelWhy = why;
            }
        }
        assertThat(kernelWhy).as("the other kernel is an alternative like the knobs: %s", done.get("why")).isNotNull();
        assertThat(kernelWhy.at("/without/guestKernel").asString()).isEqualTo(other);
        assertThat(kernelWhy.get("summary").asString()).startsWith("guestKernel " + kernel + " -> " + other);
        assertThat(kernelWhy.get("method").asString()).isEqualTo("paired");

        JsonNode bodies = best.get("provisioning");
        assertThat(bodies.at("/hypervisors/0/kernel").asString()).isEqualTo(kernel);
        assertThat(bodies.at("/hypervisors/0/vcpus").asInt()).isEqualTo(4);
        assertThat(bodies.at("/vm/vcpus").asInt()).isEqualTo(2);
        String host = api.create("/api/v1/hosts", JSON.writeValueAsString(bodies.get("host")));
        Map<String, Object> hvBody = JSON.convertValue(bodies.at("/hypervisors/0"), Map.class);
        hvBody.put("parent", Map.of("hostId", host));
        String hv = api.create("/api/v1/hypervisors", JSON.writeValueAsString(hvBody));
        Map<String, Object> vmBody = JSON.convertValue(bodies.get("vm"), Map.class);
        vmBody.put("parent", Map.of("hypervisorId", hv));
        String vm = api.create("/api/v1/vms", JSON.writeValueAsString(vmBody));
        assertThat((String) read(api.get("/api/v1/hypervisors/" + hv), "$.effectiveKernel")).isEqualTo(kernel);
        assertThat(((Number) read(api.get("/api/v1/vms/" + vm), "$.vcpus")).intValue()).isEqualTo(2);
        MvcTestResult run = api.post("/api/v1/runs", Body.of("target", Body.of("vmId", vm), "workload", "memcached", "parameters", SMALL,
                "replications", best.at("/run/replications").asInt(), "seed", best.at("/run/seed").asLong()));
        assertThat(run).hasStatus(202);
        String runId = read(run, "$.id");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> "SUCCEEDED".equals(read(api.get("/api/v1/runs/" + runId), "$.status")));
        JsonNode result = JSON.readTree(body(api.get("/api/v1/runs/" + runId + "/result")));
        assertThat(result.at("/normalizedToNative/mean").asDouble()).as("the recommended figure is a same-seed run's on the provisioned path")
                .isEqualTo(best.at("/normalizedToNative/mean").asDouble());
    }

    @Test
    void deletingAnAdviceDeletesItsExperimentsAndWhatTheyProvisionedButNeverTheUsersHostNorTheRuns() {
        String host = api.host(Body.of("name", "advised-host", "profile", "asplos20-testbed", "kernel", "linux-4.18", "onlineCpus", 6));
        String resources = api.counts();
        String id = create(aSmallAdvice(smallSpace()).with("host", Map.of("hostId", host)));
        JsonNode done = finished(id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        List<String> experiments = new java.util.ArrayList<>();
        done.at("/space/experiments").forEach(e -> experiments.add(e.asString()));
        assertThat(experiments).isNotEmpty();
        assertThat(api.counts()).as("its experiments provisioned topologies of their own").isNotEqualTo(resources);
        String run = done.at("/recommendations/0/run/runId").asString();

        MvcTestResult deleted = mvc.delete().uri("/api/v1/advice/" + id).header("Idempotency-Key", java.util.UUID.randomUUID().toString()).exchange();

        assertThat(deleted).hasStatus(204);
        assertThat(api.get("/api/v1/advice/" + id)).hasStatus(404).hasContentType("application/problem+json");
        for (String experiment : experiments) {
            assertThat(api.get("/api/v1/experiments/" + experiment)).as("experiment %s", experiment).hasStatus(404);
        }
        assertThat(api.counts()).as("what the experiments provisioned is gone, the user's host stays").isEqualTo(resources);
        assertThat(api.get("/api/v1/hosts/" + host)).hasStatus(200);
        assertThat(api.get("/api/v1/runs/" + run)).as("the runs stay, with their results").hasStatus(200);
        assertThat(api.get("/api/v1/runs/" + run + "/result")).hasStatus(200);
        assertThat(api.delete("/api/v1/advice/" + id)).as("deleted once").hasStatus(404);
        assertThat(api.delete("/api/v1/advice/" + java.util.UUID.randomUUID())).hasStatus(404).hasContentType("application/problem+json");
    }

    @Test
    void aQueuedOrRunningAdviceIsNotDeletedUntilCancelledThenItGoesWithItsExperiment() {
        String resources = api.counts();
        String id = create(aSmallAdvice(smallSpace()).with("seed", 12));

        MvcTestResult refused = api.delete("/api/v1/advice/" + id);

        assertThat(refused).hasStatus(409).hasContentType("application/problem+json");
        assertThat((String) read(refused, "$.detail")).containsPattern("is (QUEUED|RUNNING): cancel it first");
        assertThat(api.get("/api/v1/advice/" + id)).as("nothing changed").hasStatus(200);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> read(api.get("/api/v1/advice/" + id), "$.progress.experimentId") != null
                        || !"QUEUED".equals(read(api.get("/api/v1/advice/" + id), "$.status")));
        String experiment = read(api.get("/api/v1/advice/" + id), "$.progress.experimentId");
        MvcTestResult cancelled = api.post("/api/v1/advice/" + id + "/cancel", Body.of());
        assertThat(cancelled).as(body(cancelled)).hasStatus(200);
        assertThat((String) read(cancelled, "$.status")).isEqualTo("CANCELLED");

        // its runs stop at their next replication: until then the experiment, and so the advice, is a 409 that changes nothing
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            int status = api.delete("/api/v1/advice/" + id).getResponse().getStatus();
            assertThat(status).isIn(204, 409);
            return status == 204;
        });

        assertThat(api.get("/api/v1/advice/" + id)).hasStatus(404);
        if (experiment != null) {
            assertThat(api.get("/api/v1/experiments/" + experiment)).hasStatus(404);
        }
        assertThat(api.counts()).isEqualTo(resources);
    }
}
