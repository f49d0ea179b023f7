package dev.nestsim.calibrations;

import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.Body;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Calibrations through the API (issue 16): fit and store, read, list, idempotent create, refused outputs naming the line,
 * predictions beside the reference, delete. Runs on H2 ({@link CalibrationsApiH2Test}) and PostgreSQL
 * ({@link CalibrationsApiPostgresTest}); every test names its calibrations uniquely.
 */
abstract class CalibrationsApiContract {

    @Autowired
    MockMvcTester mvc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Body aCalibration(String name) {
        return Body.of("name", name, "clockGhz", 2.2, "kernel", "linux-4.18", "l1VmexitOutput", VmexitOutputTest.NEW_STYLE);
    }

    @Test
    void aPastedOutputIsFittedStoredAndReadBack() {
        String name = unique("testbed");
        MvcTestResult created = api.post("/api/v1/calibrations", aCalibration(name));

        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        String id = read(created, "$.id");
        assertThat(location).isEqualTo("/api/v1/calibrations/" + id);
        assertThat(created).bodyJson().isLenientlyEqualTo("{\"name\":\"" + name + "\",\"clockGhz\":2.2,\"kernel\":\"linux-4.18\"}");
        List<Map<String, Object>> fitted = read(created, "$.fit.parameters[?(@.fitted == true)]");
        assertThat(fitted).extracting(p -> p.get("name")).contains("HYPERCALL_HANDLER", "CPUID_HANDLER", "ICR_HANDLER");
        List<Map<String, Object>> threadWake = read(created, "$.fit.parameters[?(@.name == 'THREAD_WAKE')]");
        assertThat(threadWake.get(0)).containsEntry("fitted", false).containsEntry("low", null);
        assertThat((String) threadWake.get(0).get("note")).contains("keeps the reference value");
        List<Double> relative = read(created, "$.fit.tests[*].relativeResidual");
        assertThat(relative).hasSize(9).allSatisfy(r -> assertThat(Math.abs(r)).isLessThan(0.02));
        List<String> ignored = read(created, "$.fit.outputs[0].ignored");
        assertThat(ignored).contains("mov_dr", "mmio-no-eventfd:pci-mem");
        List<String> skipped = read(created, "$.fit.outputs[0].skipped");
        assertThat(skipped).containsExactly("x2apic_self_ipi_sti_hlt");
        List<Object> l2 = read(created, "$.fit.l2Predictions[?(@.name == 'vmcall')].calibrated");
        assertThat(l2).hasSize(1);

        MvcTestResult got = api.get(location);
        assertThat(got).hasStatus(200);
        assertThat((Object) read(got, "$.fit.values.HYPERCALL_HANDLER")).isEqualTo(read(created, "$.fit.values.HYPERCALL_HANDLER"));
        assertThat((Integer) read(api.get("/api/v1/calibrations?name=" + name), "$.totalElements")).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingMore() {
        String name = unique("retry");
        String key = UUID.randomUUID().toString();
        MvcTestResult first = api.post("/api/v1/calibrations", aCalibration(name), "Idempotency-Key", key);
        MvcTestResult second = api.post("/api/v1/calibrations", aCalibration(name), "Idempotency-Key", key);

        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201);
        assertThat((String) read(second, "$.id")).isEqualTo(read(first, "$.id"));
        assertThat((Integer) read(api.get("/api/v1/calibrations?name=" + name), "$.totalElements")).isEqualTo(1);
        assertThat(api.post("/api/v1/calibrations", aCalibration(name))).hasStatus(409)
                .bodyJson().extractingPath("$.errors[0].rule").isEqualTo("unique-name");
    }

    @Test
    void aLineThatLooksLikeAResultButIsNotIsRefusedWithItsNumberAndNothingIsStored() {
        String name = unique("garbage");
        String text = "enabling apic\npaging enabled\ncpuid abc\nvmcall 1554\n";
        MvcTestResult refused = api.post("/api/v1/calibrations", aCalibration(name).with("l1VmexitOutput", text)
                .with("l2VmexitOutput", "vmcall 33000\ntscdeadline 12 34\n"));

        assertThat(refused).hasStatus(400);
        assertThat(refused).bodyJson().isLenientlyEqualTo("""
                {"errors":[{"field":"l1VmexitOutput","pointer":"/l1VmexitOutput","rule":"vmexit-result-line"},
                           {"field":"l2VmexitOutput","pointer":"/l2VmexitOutput","rule":"vmexit-result-line"}]}""");
        assertThat((String) read(refused, "$.errors[0].message")).contains("line 3", "'cpuid abc'", "whole number");
        assertThat((String) read(refused, "$.errors[1].message")).contains("line 2", "'tscdeadline 12 34'");
        assertThat((Integer) read(api.get("/api/v1/calibrations?name=" + name), "$.totalElements")).isEqualTo(0);
    }

    @Test
    void otherRefusalsNameTheirFieldAndRule() {
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("k")).with("kernel", "linux-6.1"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].rule").isEqualTo("known-kernel");
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("none")).with("l1VmexitOutput", "enabling apic\nmov_dr 1104\n")))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("vmexit-results");
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("h")).with("holdOut", List.of("wbinvd")))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("holdOut[0]");
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("n")).with("native", Map.of("vmcall", 100)))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].rule").isEqualTo("known-native-test");
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("c")).without("clockGhz"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("clockGhz");
    }

    /** Were a 500 (found by the fuzzer): a null native figure or held-out name failed in a copy before the checks could name it. */
    @Test
    void aNullNativeFigureOrHeldOutNameIsRefusedWithItsField() {
        Map<String, Object> nullCpuid = new java.util.HashMap<>();
        nullCpuid.put("cpuid", null);
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("nn")).with("native", nullCpuid))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("native.cpuid");
        java.util.List<String> nullName = new java.util.ArrayList<>();
        nullName.add(null);
        assertThat(api.post("/api/v1/calibrations", aCalibration(unique("nh")).with("holdOut", nullName))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("holdOut[0]");
    }

    @Test
    void aHeldOutTestIsReportedAsAPrediction() {
        MvcTestResult created = api.post("/api/v1/calibrations", aCalibration(unique("held")).with("holdOut", List.of("inl_from_qemu"))
                .with("native", Map.of("cpuid", 120)));

        assertThat(created).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"holdOut\":[\"inl_from_qemu\"],\"native\":{\"cpuid\":120.0}}");
        List<Boolean> held = read(created, "$.fit.tests[?(@.name == 'inl_from_qemu')].heldOut");
        assertThat(held).containsExactly(true);
        List<Integer> levels = read(created, "$.fit.tests[?(@.name == 'cpuid')].level");
        assertThat(levels).containsExactlyInAnyOrder(0, 1);
        List<String> fittedBy = read(created, "$.fit.parameters[?(@.name == 'USERSPACE_EXIT')].note");
        assertThat(fittedBy.get(0)).contains("keeps the reference value");
    }

    @Test
    void predictionsShowEveryLevelBaselineAndDvhBesideTheReference() {
        String id = read(api.post("/api/v1/calibrations", aCalibration(unique("pred"))), "$.id");
        MvcTestResult predictions = api.get("/api/v1/calibrations/" + id + "/predictions");

        assertThat(predictions).hasStatus(200);
        List<String> configurations = read(predictions, "$.configurations[*].configuration");
        List<Integer> levels = read(predictions, "$.configurations[*].level");
        assertThat(configurations).containsExactly("NATIVE", "BASELINE", "DVH", "BASELINE", "DVH", "BASELINE", "DVH");
        assertThat(levels).containsExactly(0, 1, 1, 2, 2, 3, 3);
        List<Double> l3 = read(predictions, "$.configurations[5].items[?(@.name == 'device-notify')].calibrated");
        List<Double> l3Dvh = read(predictions, "$.configurations[6].items[?(@.name == 'device-notify')].calibrated");
        assertThat(l3Dvh.get(0)).isLessThan(l3.get(0) / 5);
        List<Object> nativeVmcall = read(predictions, "$.configurations[0].items[?(@.name == 'vmcall')]");
        assertThat(nativeVmcall).isEmpty();
    }

    @Test
    void aCalibrationIsDeletedAndThenGone() {
        String id = read(api.post("/api/v1/calibrations", aCalibration(unique("gone"))), "$.id");

        assertThat(api.delete("/api/v1/calibrations/" + id)).hasStatus(204);
        assertThat(api.get("/api/v1/calibrations/" + id)).hasStatus(404);
        assertThat(api.delete("/api/v1/calibrations/" + id)).hasStatus(404);
    }

    /** vmexit.flat's new-style output with every result line's cycles times {@code factor}: a slower machine. */
    static String slower(double factor) {
        StringBuilder out = new StringBuilder();
        for (String line : VmexitOutputTest.NEW_STYLE.split("\n")) {
            String[] t = line.trim().split(" ");
            boolean result = t.length == 2 && t[1].matches("[0-9]+") && !line.startsWith(" ");
            out.append(result ? t[0] + " " + Math.round(Long.parseLong(t[1]) * factor) : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void aHostOnACalibrationComputesWithItAndItsRunsKeepTheValues() {
        String calibration = unique("slow");
        String calibrationId = read(api.post("/api/v1/calibrations", aCalibration(calibration).with("l1VmexitOutput", slower(1.4))), "$.id");
        String onIt = api.host(Body.aHost(unique("on-cal")).with("calibration", calibration));
        String plain = api.host(Body.aHost(unique("plain")));
        String vmOnIt = api.vm(Body.aVmOnHost("vm", onIt));
        String plainVm = api.vm(Body.aVmOnHost("vm", plain));

        assertThat((String) read(api.get("/api/v1/hosts/" + onIt), "$.calibration")).isEqualTo(calibrationId);
        double calibrated = ((Number) read(api.get("/api/v1/vms/" + vmOnIt + "/microbenchmarks?name=vmcall"), "$.items[0].cycles")).doubleValue();
        double reference = ((Number) read(api.get("/api/v1/vms/" + plainVm + "/microbenchmarks?name=vmcall"), "$.items[0].cycles")).doubleValue();
        assertThat(calibrated).isCloseTo(1.4 * 1554, org.assertj.core.api.Assertions.within(0.02 * 1.4 * 1554));
        assertThat(reference).isCloseTo(1554, org.assertj.core.api.Assertions.within(1.0));
        double exitCost = ((Number) read(api.get("/api/v1/vms/" + vmOnIt + "/exit-costs?event=HYPERCALL"), "$.items[0].cycles")).doubleValue();
        assertThat(exitCost).isGreaterThan(1.3 * 1554);

        MvcTestResult run = api.post("/api/v1/runs", Body.of("target", Body.of("vmId", vmOnIt), "workload", "vmcall", "replications", 1));
        assertThat(run).hasStatus(202);
        MvcTestResult stored = api.get("/api/v1/runs/" + read(run, "$.id"));
        assertThat((String) read(stored, "$.configuration.calibration.id")).isEqualTo(calibrationId);
        assertThat((Object) read(stored, "$.configuration.calibration.values.HYPERCALL_HANDLER"))
                .isEqualTo(read(api.get("/api/v1/calibrations/" + calibrationId), "$.fit.values.HYPERCALL_HANDLER"));

        MvcTestResult inUse = api.delete("/api/v1/calibrations/" + calibrationId);
        assertThat(inUse).hasStatus(409);
        assertThat((String) read(inUse, "$.detail")).contains("host 'on-cal-");
        String runId = read(run, "$.id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> "SUCCEEDED".equals(read(api.get("/api/v1/runs/" + runId), "$.status")));
        double ran = ((Number) read(api.get("/api/v1/runs/" + runId + "/result"), "$.primary.mean")).doubleValue();
        assertThat(ran).as("the run computed with the calibration").isCloseTo(calibrated, org.assertj.core.api.Assertions.within(1.0));

        assertThat(api.patch("/api/v1/hosts/" + onIt, Body.of("calibration", null), api.etag("/api/v1/hosts/" + onIt))).hasStatus(200)
                .bodyJson().doesNotHavePath("$.calibration");
        assertThat(api.delete("/api/v1/calibrations/" + calibrationId)).hasStatus(204);
        assertThat(((Number) read(api.get("/api/v1/runs/" + runId + "/result"), "$.primary.mean")).doubleValue())
                .as("history does not change when the calibration goes").isEqualTo(ran);
        assertThat((String) read(api.get("/api/v1/runs/" + runId), "$.configuration.calibration.name")).isEqualTo(calibration);
    }

    @Test
    void aHostNamingNoSuchCalibrationIsRefused() {
        assertThat(api.post("/api/v1/hosts", Body.aHost(unique("h")).with("calibration", "no-such-calibration"))).hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].rule").isEqualTo("known-calibration");
    }

    @Test
    void aHostShowsItsCalibrationsIdNameAndKernelAndRefusesAnotherKernelsCalibration() {
        String calibration = unique("k418");
        String calibrationId = read(api.post("/api/v1/calibrations", aCalibration(calibration)), "$.id");
        String before = api.counts();

        MvcTestResult otherKernel = api.post("/api/v1/hosts", Body.aHost(unique("k510")).with("kernel", "linux-5.10").with("calibration", calibration));
        assertThat(otherKernel).hasStatus(422).bodyJson().isLenientlyEqualTo("""
                {"errors":[{"field":"calibration","pointer":"/calibration","rule":"calibration-kernel"}]}""");
        assertThat((String) read(otherKernel, "$.errors[0].message")).contains("'" + calibration + "'", "linux-4.18", "linux-5.10");
        assertThat(api.counts()).as("nothing created").isEqualTo(before);

        String name = unique("on-k418");
        MvcTestResult created = api.post("/api/v1/hosts", Body.aHost(name).with("calibration", calibrationId));
        assertThat(created).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"calibration\":\"" + calibrationId + "\",\"calibrationName\":\""
                + calibration + "\",\"calibrationKernel\":\"linux-4.18\",\"kernel\":\"linux-4.18\"}");
        String host = read(created, "$.id");
        assertThat(api.get("/api/v1/hosts?name=" + name)).bodyJson().isLenientlyEqualTo("{\"items\":[{\"id\":\"" + host
                + "\",\"calibration\":\"" + calibrationId + "\",\"calibrationName\":\"" + calibration + "\",\"calibrationKernel\":\"linux-4.18\"}]}");

        String etag = api.etag("/api/v1/hosts/" + host);
        MvcTestResult patched = api.patch("/api/v1/hosts/" + host, Body.of("kernel", "linux-5.3"), etag);
        assertThat(patched).as("a patch that moves L0 off the calibration's kernel").hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].rule").isEqualTo("calibration-kernel");
        assertThat((String) read(patched, "$.errors[0].message")).contains("linux-4.18", "linux-5.3");
        MvcTestResult put = api.put("/api/v1/hosts/" + host, Body.aHost(name).with("kernel", "linux-5.10").with("calibration", calibration), etag);
        assertThat(put).hasStatus(422).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("calibration-kernel");
        assertThat((String) read(api.get("/api/v1/hosts/" + host), "$.kernel")).as("nothing changed").isEqualTo("linux-4.18");
        assertThat(api.patch("/api/v1/hosts/" + host, Body.of("kernel", "linux-5.3", "calibration", null), etag)).hasStatus(200)
                .bodyJson().doesNotHavePath("$.calibrationName").doesNotHavePath("$.calibrationKernel");
    }

    @Test
    void anExperimentsTopologyComputesWithTheCalibrationItNamesAndAnUnknownOneCreatesNothing() {
        String calibration = unique("topology");
        api.post("/api/v1/calibrations", aCalibration(calibration).with("l1VmexitOutput", slower(1.4)));
        Body vm = Body.of("vcpus", 4, "memoryGib", 12);
        Body onIt = Body.of("name", "calibrated", "host", Body.of("profile", "asplos20-testbed", "calibration", calibration), "vm", vm);
        Body plain = Body.of("name", "reference", "host", Body.of("profile", "asplos20-testbed"), "vm", vm);
        Body otherKernel = Body.of("name", "5.10", "host", Body.of("profile", "asplos20-testbed", "kernel", "linux-5.10", "calibration", calibration),
                "vm", vm);
        Body unknown = Body.of("name", "unknown", "host", Body.of("profile", "asplos20-testbed", "calibration", "no-such-calibration"), "vm", vm);
        String before = api.counts();
        long experiments = ((Number) read(api.get("/api/v1/experiments?size=1"), "$.totalElements")).longValue();

        MvcTestResult refused = api.post("/api/v1/experiments", Body.of("name", "refused", "topologies", List.of(unknown, plain, otherKernel),
                "workloads", List.of(Body.of("workload", "vmcall")), "replications", 1));

        assertThat(refused).hasStatus(422).bodyJson().isLenientlyEqualTo("""
                {"errors":[{"field":"topologies[0].host.calibration","rule":"known-calibration"},
                           {"field":"topologies[2].host.calibration","rule":"calibration-kernel"}]}""");
        assertThat(api.counts()).as("nothing provisioned").isEqualTo(before);
        assertThat(((Number) read(api.get("/api/v1/experiments?size=1"), "$.totalElements")).longValue()).isEqualTo(experiments);

        MvcTestResult created = api.post("/api/v1/experiments", Body.of("name", unique("calibrated"), "topologies", List.of(onIt, plain),
                "workloads", List.of(Body.of("workload", "vmcall")), "replications", 1, "seed", 3));
        assertThat(created).hasStatus(202);
        String id = read(created, "$.id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(read(api.get("/api/v1/experiments/" + id), "$.status")));
        assertThat((String) read(api.get("/api/v1/experiments/" + id), "$.status")).isEqualTo("SUCCEEDED");
        MvcTestResult results = api.get("/api/v1/experiments/" + id + "/results");
        double calibrated = ((Number) ((List<?>) read(results, "$.cells[?(@.configuration == 'calibrated')].primary.mean")).get(0)).doubleValue();
        double reference = ((Number) ((List<?>) read(results, "$.cells[?(@.configuration == 'reference')].primary.mean")).get(0)).doubleValue();
        assertThat(reference).isCloseTo(1554, org.assertj.core.api.Assertions.within(1.0));
        assertThat(calibrated).as("the topology's host computes with the calibration")
                .isCloseTo(1.4 * 1554, org.assertj.core.api.Assertions.within(0.02 * 1.4 * 1554));
        String vmId = read(api.get("/api/v1/experiments/" + id), "$.configurations[0].vmId");
        String hostId = read(api.get("/api/v1/vms/" + vmId), "$.hostId");
        assertThat((String) read(api.get("/api/v1/hosts/" + hostId), "$.calibrationName")).isEqualTo(calibration);
        assertThat(api.delete("/api/v1/experiments/" + id)).hasStatus(204);
        assertThat(api.counts()).as("deleted with the experiment").isEqualTo(before);
    }
}
