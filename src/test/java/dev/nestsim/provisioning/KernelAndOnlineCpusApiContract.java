package dev.nestsim.provisioning;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.aHost;
import static dev.nestsim.support.Body.aHypervisorIn;
import static dev.nestsim.support.Body.aHypervisorOnHost;
import static dev.nestsim.support.Body.aVmIn;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.Body;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Kernel generations and online CPUs through the API (issue 12): a host's {@code kernel} and {@code onlineCpus}, a guest
 * hypervisor's own {@code kernel} and the {@code effectiveKernel} it inherits, both in paths, and the host's children
 * fitting in its online CPUs. Runs on H2 ({@link KernelAndOnlineCpusApiH2Test}) and PostgreSQL
 * ({@link KernelAndOnlineCpusApiPostgresTest}); each test makes its own hosts.
 */
abstract class KernelAndOnlineCpusApiContract {

    static final String ALLOWED = "linux-4.18, linux-5.3, linux-5.10";

    @Autowired
    MockMvcTester mvc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    static Body customHardware(String name) {
        return Body.of("name", name, "cores", 8, "clockGhz", 2.1, "memoryGib", 64, "nic", Map.of("gbps", 10, "sriovVfs", 8),
                "features", Map.of("vmcsShadowing", true, "apicv", true, "postedInterrupts", true, "vtdPostedInterrupts", true,
                        "ept", true, "tscDeadlineTimer", true, "preemptionTimer", true, "iommu", true));
    }

    @Test
    void aHostRunsItsProfilesDefaultKernelWithEveryCoreOnline() {
        MvcTestResult testbed = api.post("/api/v1/hosts", aHost("k-testbed"));
        MvcTestResult sapphire = api.post("/api/v1/hosts", Body.of("name", "k-spr", "profile", "sapphire-rapids-8480"));
        MvcTestResult custom = api.post("/api/v1/hosts", customHardware("k-custom"));

        assertThat(testbed).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"cores\":20,\"kernel\":\"linux-4.18\",\"onlineCpus\":20}");
        assertThat(sapphire).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"cores\":112,\"kernel\":\"linux-5.10\",\"onlineCpus\":112}");
        assertThat(custom).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"cores\":8,\"kernel\":\"linux-5.10\",\"onlineCpus\":8}");
    }

    @Test
    void aHostKeepsTheKernelAndOnlineCpusItNamesAndShowsThemInItsPath() {
        String host = api.host(aHost("tb").with("kernel", "linux-5.3").with("onlineCpus", 8));

        assertThat(api.get("/api/v1/hosts/" + host)).bodyJson().isLenientlyEqualTo(
                "{\"profile\":\"asplos20-testbed\",\"cores\":20,\"kernel\":\"linux-5.3\",\"onlineCpus\":8}");
        assertThat(api.get("/api/v1/hosts/" + host + "/path")).bodyJson().isLenientlyEqualTo(
                "{\"levels\":[{\"level\":0,\"kind\":\"HOST\",\"kernel\":\"linux-5.3\",\"onlineCpus\":8}]}");
        assertThat(api.get("/api/v1/hosts?name=tb&profile=asplos20-testbed")).bodyJson()
                .extractingPath("$.items[?(@.id == '" + host + "')].kernel").asArray().containsExactly("linux-5.3");
    }

    @Test
    void onlineCpusMayBeAnythingFromOneToTheCores() {
        assertThat(api.post("/api/v1/hosts", aHost("one-cpu").with("onlineCpus", 1))).hasStatus(201)
                .bodyJson().extractingPath("$.onlineCpus").isEqualTo(1);
        assertThat(api.post("/api/v1/hosts", aHost("all-cpus").with("onlineCpus", 20))).hasStatus(201)
                .bodyJson().extractingPath("$.onlineCpus").isEqualTo(20);
        assertThat(api.post("/api/v1/hosts", customHardware("custom-all").with("onlineCpus", 8))).hasStatus(201);
        assertThat(api.post("/api/v1/hosts", customHardware("custom-over").with("onlineCpus", 9))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").asString().contains("the host's 8 cores", "was 9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown kernel           | {"name":"x","profile":"asplos20-testbed","kernel":"linux-6.1"}  | kernel     | known-kernel
            the enum constant name   | {"name":"x","profile":"asplos20-testbed","kernel":"LINUX_4_18"} | kernel     | known-kernel
            empty kernel             | {"name":"x","profile":"asplos20-testbed","kernel":""}           | kernel     | known-kernel
            no CPU online            | {"name":"x","profile":"asplos20-testbed","onlineCpus":0}        | onlineCpus | online-cpus-range
            negative online CPUs     | {"name":"x","profile":"asplos20-testbed","onlineCpus":-4}       | onlineCpus | online-cpus-range
            more online than cores   | {"name":"x","profile":"asplos20-testbed","onlineCpus":21}       | onlineCpus | online-cpus-range
            more than the own cores  | {"name":"x","profile":"asplos20-testbed","cores":8,"onlineCpus":10} | onlineCpus | online-cpus-range
            """)
    void aBadKernelOrOnlineCpusIsA400NamingTheFieldAndTheRuleAndCreatesNothing(String label, String body, String field, String rule) {
        String before = api.counts();

        MvcTestResult result = api.post("/api/v1/hosts", body);

        assertThat(result).hasStatus(400).hasContentType("application/problem+json");
        assertThat(result).bodyJson().isLenientlyEqualTo("{\"errors\":[{\"field\":\"" + field + "\",\"pointer\":\"/" + field
                + "\",\"rule\":\"" + rule + "\"}]}");
        assertThat(read(result, "$.errors[0].message").toString()).as(label)
                .contains(rule.equals("known-kernel") ? ALLOWED : "onlineCpus must be between 1 and the host's");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void anUnknownKernelIsReportedWithTheOtherInvalidFieldsAtOnce() {
        MvcTestResult result = api.post("/api/v1/hosts", Body.of("name", " ", "profile", "asplos20-testbed", "kernel", "linux-2.6"));

        assertThat(result).hasStatus(400);
        List<String> fields = read(result, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("name", "kernel");
    }

    @Test
    void aPatchSetsOrRestoresTheKernelAndOnlineCpus() {
        String host = api.host(aHost("patch-k"));
        String path = "/api/v1/hosts/" + host;

        assertThat(api.patch(path, "{\"kernel\":\"linux-5.3\",\"onlineCpus\":6}", "\"0\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-5.3\",\"onlineCpus\":6,\"cores\":20,\"version\":1}");
        assertThat(api.patch(path, "{\"name\":\"renamed\"}", "\"1\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-5.3\",\"onlineCpus\":6}");
        assertThat(api.patch(path, "{\"kernel\":null,\"onlineCpus\":null}", "\"2\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-4.18\",\"onlineCpus\":20}");
    }

    @Test
    void aBadPatchIsRefusedAndChangesNothing() {
        String host = api.host(aHost("patch-bad").with("onlineCpus", 10));
        String path = "/api/v1/hosts/" + host;

        MvcTestResult kernel = api.patch(path, "{\"kernel\":\"linux-9\"}", "\"0\"");
        MvcTestResult online = api.patch(path, "{\"onlineCpus\":21}", "\"0\"");
        MvcTestResult cores = api.patch(path, "{\"cores\":8}", "\"0\"");

        assertThat(kernel).hasStatus(400).bodyJson().isLenientlyEqualTo("{\"errors\":[{\"pointer\":\"/kernel\",\"rule\":\"known-kernel\"}]}");
        assertThat(online).hasStatus(400).bodyJson().isLenientlyEqualTo(
                "{\"errors\":[{\"pointer\":\"/onlineCpus\",\"rule\":\"online-cpus-range\"}]}");
        assertThat(cores).hasStatus(400).bodyJson().isLenientlyEqualTo(
                "{\"errors\":[{\"pointer\":\"/onlineCpus\",\"rule\":\"online-cpus-range\"}]}");
        assertThat(read(cores, "$.errors[0].message").toString()).contains("the host's 8 cores, was 10");
        assertThat(api.get(path)).bodyJson().isLenientlyEqualTo(
                "{\"cores\":20,\"kernel\":\"linux-4.18\",\"onlineCpus\":10,\"version\":0}");
        assertThat(api.patch(path, "{\"cores\":8,\"onlineCpus\":null}", "\"0\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"cores\":8,\"onlineCpus\":8}");
    }

    @Test
    void aPatchToAnotherProfileTakesItsDefaultKernelAndCoresUnlessItNamesThem() {
        String host = api.host(aHost("reprofile").with("kernel", "linux-5.3").with("onlineCpus", 8));
        String path = "/api/v1/hosts/" + host;

        assertThat(api.patch(path, "{\"profile\":\"haswell-e5-2660v3\"}", "\"0\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"profile\":\"haswell-e5-2660v3\",\"kernel\":\"linux-5.10\",\"onlineCpus\":20}");
        assertThat(api.patch(path, "{\"profile\":\"asplos20-testbed\",\"kernel\":\"linux-5.3\",\"onlineCpus\":4}", "\"1\""))
                .hasStatus(200).bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-5.3\",\"onlineCpus\":4}");
    }

    @Test
    void aPutWithoutThemRestoresTheDefaults() {
        String host = api.host(aHost("put-k").with("kernel", "linux-5.10").with("onlineCpus", 8));

        MvcTestResult put = api.put("/api/v1/hosts/" + host, aHost("put-k"), "\"0\"");

        assertThat(put).hasStatus(200).bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-4.18\",\"onlineCpus\":20}");
    }

    @Test
    void theHostsChildrenMustFitInItsOnlineCpusNotInItsCores() {
        String host = api.host(aHost("budget").with("onlineCpus", 6));
        api.vm(aVmOnHost("first", host));

        MvcTestResult second = api.post("/api/v1/vms", aVmOnHost("second", host));
        MvcTestResult hypervisor = api.post("/api/v1/hypervisors", aHypervisorOnHost("too-big", host).with("vcpus", 3));

        assertThat(second).hasStatus(422).bodyJson().isLenientlyEqualTo(
                "{\"errors\":[{\"pointer\":\"/vcpus\",\"rule\":\"fits-parent-vcpus\"}]}");
        assertThat(read(second, "$.errors[0].message").toString()).contains("2 free", "onlineCpus, 6 of its 20 cores");
        assertThat(hypervisor).hasStatus(422).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("fits-parent-vcpus");
        assertThat(api.post("/api/v1/vms", aVmOnHost("fits", host).with("vcpus", 2))).hasStatus(201);
    }

    @Test
    void aDeeperChildFitsItsParentHypervisorWhateverTheHostsOnlineCpus() {
        String host = api.host(aHost("deep-budget").with("onlineCpus", 8));
        String l1 = api.hypervisor(aHypervisorOnHost("l1", host));

        assertThat(api.post("/api/v1/vms", aVmIn("l2", l1).with("vcpus", 8))).hasStatus(201);
    }

    @Test
    void loweringOnlineCpusBelowWhatTheChildrenUseConflictsAndNamesThem() {
        String host = api.host(aHost("shrink-online"));
        api.hypervisor(aHypervisorOnHost("l1", host));
        String path = "/api/v1/hosts/" + host;

        MvcTestResult online = api.patch(path, "{\"onlineCpus\":6}", "\"0\"");
        MvcTestResult cores = api.patch(path, "{\"cores\":6,\"onlineCpus\":null}", "\"0\"");

        for (MvcTestResult result : List.of(online, cores)) {
            assertThat(result).hasStatus(409).hasContentType("application/problem+json");
            assertThat(result).bodyJson().isLenientlyEqualTo("{\"errors\":[{\"pointer\":\"/onlineCpus\",\"rule\":\"fits-parent-vcpus\"}]}");
            assertThat(read(result, "$.errors[0].message").toString()).startsWith("hypervisor 'l1' (L1) depends on it")
                    .contains("6 free", "onlineCpus, 6 of its");
        }
        assertThat(api.get(path)).bodyJson().isLenientlyEqualTo("{\"cores\":20,\"onlineCpus\":20,\"version\":0}");
        assertThat(api.patch(path, "{\"onlineCpus\":8}", "\"0\"")).hasStatus(200);
    }

    @Test
    void aGuestHypervisorRunsItsParentsKernelUnlessItNamesOne() {
        String host = api.host(aHost("inherit"));
        MvcTestResult l1 = api.post("/api/v1/hypervisors", aHypervisorOnHost("l1", host));
        String l1Id = read(l1, "$.id");
        MvcTestResult l2 = api.post("/api/v1/hypervisors", aHypervisorIn("l2", l1Id).with("kernel", "linux-5.10"));
        String l2Id = read(l2, "$.id");
        String l3 = api.hypervisor(aHypervisorIn("l3", l2Id).with("vcpus", 5).with("memoryGib", 16));
        String vm = api.vm(aVmIn("leaf", l3).with("memoryGib", 8));

        assertThat(l1).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"kernel\":null,\"effectiveKernel\":\"linux-4.18\"}");
        assertThat(body(l1)).contains("\"kernel\":null");
        assertThat(l2).hasStatus(201).bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-5.10\",\"effectiveKernel\":\"linux-5.10\"}");
        assertThat(api.get("/api/v1/hypervisors/" + l3)).bodyJson().isLenientlyEqualTo("{\"kernel\":null,\"effectiveKernel\":\"linux-5.10\"}");
        assertThat(api.get("/api/v1/hypervisors?hostId=" + host)).bodyJson().isLenientlyEqualTo("""
                {"items":[{"name":"l1","effectiveKernel":"linux-4.18"},{"name":"l2","effectiveKernel":"linux-5.10"},
                          {"name":"l3","effectiveKernel":"linux-5.10"}]}""");
        MvcTestResult path = api.get("/api/v1/vms/" + vm + "/path");
        assertThat(path).bodyJson().isLenientlyEqualTo("""
                {"levels":[{"level":0,"kind":"HOST","kernel":"linux-4.18","onlineCpus":20},{"level":1,"kernel":"linux-4.18"},
                           {"level":2,"kernel":"linux-5.10"},{"level":3,"kernel":"linux-5.10"},{"level":4,"kind":"VM"}]}""");
        assertThat((Map<String, Object>) read(path, "$.levels[4]")).doesNotContainKeys("kernel", "onlineCpus");
        assertThat((List<?>) read(path, "$.levels[?(@.onlineCpus)]")).hasSize(1);
        assertThat(api.get("/api/v1/hypervisors/" + l3 + "/path")).bodyJson()
                .extractingPath("$.levels[*].kernel").asArray().containsExactly("linux-4.18", "linux-4.18", "linux-5.10", "linux-5.10");
    }

    @Test
    void aHostsNewKernelReachesTheGuestHypervisorsThatInheritIt() {
        String host = api.host(aHost("follow"));
        String l1 = api.hypervisor(aHypervisorOnHost("l1", host));
        String l2 = api.hypervisor(aHypervisorIn("l2", l1).with("kernel", "linux-5.10"));

        assertThat(api.patch("/api/v1/hosts/" + host, "{\"kernel\":\"linux-5.3\"}", "\"0\"")).hasStatus(200);

        assertThat(api.get("/api/v1/hypervisors/" + l1)).bodyJson().isLenientlyEqualTo("{\"kernel\":null,\"effectiveKernel\":\"linux-5.3\"}");
        assertThat(api.get("/api/v1/hypervisors/" + l2)).bodyJson().isLenientlyEqualTo(
                "{\"kernel\":\"linux-5.10\",\"effectiveKernel\":\"linux-5.10\"}");
    }

    @Test
    void aHypervisorPatchSetsItsKernelAndNullClearsIt() {
        String host = api.host(aHost("hv-patch").with("kernel", "linux-5.10"));
        String hv = api.hypervisor(aHypervisorOnHost("h", host));
        String path = "/api/v1/hypervisors/" + hv;

        assertThat(api.patch(path, "{\"kernel\":\"linux-4.18\"}", "\"0\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-4.18\",\"effectiveKernel\":\"linux-4.18\",\"version\":1}");
        assertThat(api.patch(path, "{\"vcpus\":6}", "\"1\"")).hasStatus(200)
                .bodyJson().isLenientlyEqualTo("{\"kernel\":\"linux-4.18\",\"vcpus\":6}");
        MvcTestResult cleared = api.patch(path, "{\"kernel\":null}", "\"2\"");
        assertThat(cleared).hasStatus(200).bodyJson().isLenientlyEqualTo("{\"effectiveKernel\":\"linux-5.10\",\"version\":3}");
        assertThat(body(cleared)).contains("\"kernel\":null");
        assertThat(api.put(path, aHypervisorOnHost("h", host).with("kernel", "linux-5.3"), "\"3\"")).hasStatus(200)
                .bodyJson().extractingPath("$.kernel").isEqualTo("linux-5.3");
        assertThat(api.put(path, aHypervisorOnHost("h", host), "\"4\"")).hasStatus(200)
                .bodyJson().extractingPath("$.effectiveKernel").isEqualTo("linux-5.10");
    }

    @Test
    void aHypervisorWithAnUnknownKernelIsA400AndNothingIsCreatedOrChanged() {
        String host = api.host(aHost("hv-bad"));
        String hv = api.hypervisor(aHypervisorOnHost("h", host));
        String before = api.counts();

        MvcTestResult create = api.post("/api/v1/hypervisors", aHypervisorOnHost("x", host).with("vcpus", 2).with("kernel", "linux-4.19"));
        MvcTestResult patch = api.patch("/api/v1/hypervisors/" + hv, "{\"kernel\":\"5.10\"}", "\"0\"");

        for (MvcTestResult result : List.of(create, patch)) {
            assertThat(result).hasStatus(400).bodyJson().isLenientlyEqualTo(
                    "{\"errors\":[{\"field\":\"kernel\",\"pointer\":\"/kernel\",\"rule\":\"known-kernel\"}]}");
            assertThat(read(result, "$.errors[0].message").toString()).contains(ALLOWED);
        }
        assertThat(api.counts()).isEqualTo(before);
        assertThat(api.get("/api/v1/hypervisors/" + hv)).bodyJson().isLenientlyEqualTo("{\"kernel\":null,\"version\":0}");
    }

    @Test
    void theCatalogueShowsEachProfilesDefaultKernel() {
        MvcTestResult list = api.get("/api/v1/host-profiles");

        assertThat(list).bodyJson().isLenientlyEqualTo("""
                {"items":[{"name":"asplos20-testbed","defaultKernel":"linux-4.18"},{"name":"sandy-bridge-e5-2450","defaultKernel":"linux-5.10"},
                          {"name":"haswell-e5-2660v3","defaultKernel":"linux-5.10"},{"name":"sapphire-rapids-8480","defaultKernel":"linux-5.10"}]}""");
        assertThat(api.get("/api/v1/host-profiles/asplos20-testbed")).bodyJson().extractingPath("$.defaultKernel").isEqualTo("linux-4.18");
    }
}
