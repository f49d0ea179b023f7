package dev.nestsim.provisioning;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.ALL_DVH;
import static dev.nestsim.support.Body.aDvhHost;
import static dev.nestsim.support.Body.aHost;
import static dev.nestsim.support.Body.aHypervisorIn;
import static dev.nestsim.support.Body.aHypervisorOnHost;
import static dev.nestsim.support.Body.aVmIn;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.api.Problems;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Path;
import dev.nestsim.support.ApiClient;
import dev.nestsim.support.Body;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The provisioning API as a user sees it: the paper's topologies, every rule, updates and deletes. Runs on
 * H2 ({@link ProvisioningApiH2Test}) and PostgreSQL ({@link ProvisioningApiPostgresTest}); each test makes
 * its own hosts, so tests never depend on each other's data.
 */
abstract class ProvisioningApiContract {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TopologyService topology;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    /** The paper's deepest configuration: L3 with all four DVH mechanisms, over two guest hypervisors. */
    record L3Dvh(String host, String l1, String l2, String vm) {
    }

    L3Dvh l3WithAllDvh(String prefix) {
        String host = api.host(aDvhHost(prefix + "-host"));
        String l1 = api.hypervisor(aHypervisorOnHost(prefix + "-l1", host).with("viommu", "STATIC").with("dvh", ALL_DVH));
        String l2 = api.hypervisor(aHypervisorIn(prefix + "-l2", l1).with("viommu", "STATIC").with("dvh", ALL_DVH));
        String vm = api.vm(aVmIn(prefix + "-vm", l2).with("io", "VIRTUAL_PASSTHROUGH").with("dvh", ALL_DVH));
        return new L3Dvh(host, l1, l2, vm);
    }

    @Test
    void aHostFromTheTestbedProfileHasItsHardwareAndKvmDefaults() {
        MvcTestResult created = api.post("/api/v1/hosts", aHost("testbed"));

        assertThat(created).hasStatus(201);
        String id = read(created, "$.id");
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/hosts/" + id);
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat(created).bodyJson().isLenientlyEqualTo("""
                {"name":"testbed","profile":"asplos20-testbed","level":0,"cores":20,"clockGhz":2.2,"memoryGib":192,
                 "nic":{"gbps":10.0,"sriovVfs":63},
                 "features":{"vmcsShadowing":true,"apicv":true,"postedInterrupts":true,"vtdPostedInterrupts":true,"ept":true,
                             "tscDeadlineTimer":true,"preemptionTimer":true,"iommu":true},
                 "dvh":[],"haltPollNs":200000,"timerOffload":"PREEMPTION_TIMER","exposeVmcsShadowing":true,"postedInterrupts":true,"version":0}""");
        assertThat(api.get("/api/v1/hosts/" + id)).hasStatus(200).bodyJson().extractingPath("$.name").isEqualTo("testbed");
    }

    @Test
    void hardwareFieldsOverrideTheProfileFeatureByFeature() {
        String id = api.host(aHost("no-shadowing").with("features", Map.of("vmcsShadowing", false)).with("cores", 8));

        MvcTestResult host = api.get("/api/v1/hosts/" + id);
        assertThat(host).bodyJson().extractingPath("$.features.vmcsShadowing").isEqualTo(false);
        assertThat(host).bodyJson().extractingPath("$.features.apicv").isEqualTo(true);
        assertThat(host).bodyJson().extractingPath("$.cores").isEqualTo(8);
        assertThat(host).bodyJson().extractingPath("$.memoryGib").isEqualTo(192);
    }

    @Test
    void aCustomHostNeedsEveryHardwareFieldAndHearsOfAllMissingOnes() {
        String before = api.counts();

        MvcTestResult result = api.post("/api/v1/hosts", Body.of("name", "custom", "cores", 4, "nic", Map.of("gbps", 1)));

        assertThat(result).hasStatus(400).hasContentType("application/problem+json");
        List<String> pointers = read(result, "$.errors[*].pointer");
        assertThat(pointers).contains("/clockGhz", "/memoryGib", "/nic/sriovVfs", "/features/vmcsShadowing", "/features/iommu")
                .doesNotContain("/cores", "/nic/gbps").hasSize(11);
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void aCustomHostWithAllHardwareIsCreated() {
        Map<String, Object> features = Map.of("vmcsShadowing", false, "apicv", false, "postedInterrupts", false, "vtdPostedInterrupts", false,
                "ept", true, "tscDeadlineTimer", true, "preemptionTimer", true, "iommu", true);
        String id = api.host(Body.of("name", "old", "cores", 8, "clockGhz", 2.1, "memoryGib", 16, "nic", Map.of("gbps", 10, "sriovVfs", 0),
                "features", features));

        assertThat(api.get("/api/v1/hosts/" + id)).bodyJson().extractingPath("$.postedInterrupts").isEqualTo(false);
    }

    @Test
    void anUnknownProfileIs422ListingTheKnownOnes() {
        MvcTestResult result = api.post("/api/v1/hosts", Body.of("name", "x", "profile", "skylake"));

        assertThat(result).hasStatus(422).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/profile");
        assertThat(body(result)).contains("asplos20-testbed", "sandy-bridge-e5-2450", "haswell-e5-2660v3", "sapphire-rapids-8480");
    }

    @Test
    void theL3DvhPathHasAllFourMechanismsInForceAndIsMigratable() {
        L3Dvh t = l3WithAllDvh("paper");

        MvcTestResult path = api.get("/api/v1/vms/" + t.vm() + "/path");

        assertThat(path).hasStatus(200).bodyJson().isLenientlyEqualTo("""
                {"level":3,"dvhInForce":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"],"liveMigratable":true,
                 "levels":[{"level":0,"kind":"HOST","name":"paper-host"},
                           {"level":1,"kind":"HYPERVISOR","name":"paper-l1","vmcsShadowing":"HARDWARE","viommu":"STATIC"},
                           {"level":2,"kind":"HYPERVISOR","name":"paper-l2","vmcsShadowing":"EMULATED","viommu":"STATIC"},
                           {"level":3,"kind":"VM","name":"paper-vm","io":"VIRTUAL_PASSTHROUGH","postedInterrupts":true,
                            "dvhInForce":["VIRTUAL_PASSTHROUGH","VIRTUAL_TIMER","VIRTUAL_IPI","VIRTUAL_IDLE"]}]}""");
        assertThat(read(path, "$.levels[*].id").toString()).contains(t.host(), t.l1(), t.l2(), t.vm());
        assertThat(api.get("/api/v1/vms/" + t.vm())).bodyJson().isLenientlyEqualTo(
                "{\"level\":3,\"hostId\":\"" + t.host() + "\",\"parent\":{\"hypervisorId\":\"" + t.l2() + "\"}}");
        assertThat(api.get("/api/v1/hypervisors/" + t.l2() + "/path")).hasStatus(200).bodyJson().extractingPath("$.level").isEqualTo(2);
        assertThat(api.get("/api/v1/hosts/" + t.host() + "/path")).hasStatus(200).bodyJson().extractingPath("$.level").isEqualTo(0);
    }

    @Test
    void theTopologyServiceBuildsTheModelPathOtherFeaturesSimulateOn() {
        L3Dvh t = l3WithAllDvh("model-path");

        Path vm = topology.pathOfVm(UUID.fromString(t.vm()));
        Path l2 = topology.pathOfHypervisor(UUID.fromString(t.l2()));
        Path host = topology.nativePathOfHost(UUID.fromString(t.host()));

        assertThat(vm.level()).isEqualTo(3);
        assertThat(vm.hypervisors()).extracting(GuestHypervisor::name).containsExactly("model-path-l1", "model-path-l2");
        assertThat(vm.leaf().name()).isEqualTo("model-path-vm");
        assertThat(vm.dvhInForceAt(3)).containsExactly(DvhMechanism.values());
        assertThat(vm.host().hardware()).isEqualTo(HostProfiles.ASPLOS20_TESTBED.hardware());
        assertThat(l2.hasLeaf()).isFalse();
        assertThat(l2.level()).isEqualTo(2);
        assertThat(host.isNative()).isTrue();
        assertThatThrownBy(() -> topology.pathOfVm(UUID.fromString(t.l1()))).isInstanceOf(Problems.NotFoundException.class);
    }

    @Test
    void physicalPassthroughBlocksLiveMigration() {
        String host = api.host(aHost("pt-host"));
        String l1 = api.hypervisor(aHypervisorOnHost("pt-l1", host).with("viommu", "STATIC"));
        String vm = api.vm(aVmIn("pt-vm", l1).with("io", "PASSTHROUGH"));

        MvcTestResult path = api.get("/api/v1/vms/" + vm + "/path");

        assertThat(path).bodyJson().extractingPath("$.liveMigratable").isEqualTo(false);
        assertThat(path).bodyJson().extractingPath("$.liveMigration").asString().startsWith("not live-migratable").contains("pt-vm");
    }

    @Test
    void aDvhMechanismMissingOnTheWayNamesTheHypervisorThatLacksIt() {
        String host = api.host(aDvhHost("dvh-gap"));
        String l1 = api.hypervisor(aHypervisorOnHost("l1-base", host).with("vcpus", 6).with("memoryGib", 24));
        String before = api.counts();

        MvcTestResult result = api.post("/api/v1/vms", aVmIn("wants-timer", l1).with("dvh", List.of("VIRTUAL_TIMER")));

        assertThat(result).hasStatus(422).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString()
                .startsWith("hypervisor 'l1-base' (L1) does not provide VIRTUAL_TIMER");
        assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/dvh");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        String host = api.host(aHost("many-wrongs"));
        String l1 = api.hypervisor(aHypervisorOnHost("l1-plain", host).with("vcpus", 6).with("memoryGib", 24));

        MvcTestResult result = api.post("/api/v1/vms", aVmIn("greedy", l1).with("vcpus", 7).with("memoryGib", 25)
                .with("io", "PASSTHROUGH").with("dvh", List.of("VIRTUAL_IPI")));

        assertThat(result).hasStatus(422);
        List<String> rules = read(result, "$.errors[*].rule");
        assertThat(rules).containsExactlyInAnyOrder("fits-parent-vcpus", "fits-parent-memory", "dvh-provided-by-path", "dvh-provided-by-path",
                "assignment-needs-viommu");
    }

    @Test
    void guestHypervisorsNestToL4AndAnL5OneIsRefusedAtTheDefaultDepth() {
        String host = api.host(aHost("deep"));
        String parent = api.hypervisor(aHypervisorOnHost("deep1", host).with("memoryGib", 64));
        for (int level = 2; level <= 4; level++) {
            parent = api.hypervisor(aHypervisorIn("deep" + level, parent).with("vcpus", 8 - level).with("memoryGib", 64 >> (level - 1)));
        }

        MvcTestResult l5 = api.post("/api/v1/hypervisors", aHypervisorIn("deep5", parent).with("vcpus", 1).with("memoryGib", 1));

        assertThat(l5).hasStatus(422).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("depth-limit");
        assertThat(l5).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/parent");
        assertThat(api.vm(aVmIn("l5-vm", parent).with("vcpus", 1).with("memoryGib", 1))).isNotBlank();
    }

    @Test
    void siblingsTogetherMustFitTheirParent() {
        String host = api.host(aHost("siblings").with("cores", 10));
        api.vm(aVmOnHost("a", host).with("vcpus", 6));

        assertThat(api.post("/api/v1/vms", aVmOnHost("b", host).with("vcpus", 5))).hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].message").asString().contains("4 free");
        assertThat(api.post("/api/v1/vms", aVmOnHost("c", host).with("vcpus", 4))).hasStatus(201);
    }

    @Test
    void passthroughVmsAnywhereOnAHostShareItsVirtualFunctions() {
        String host = api.host(aHost("one-vf").with("nic", Map.of("sriovVfs", 1)));
        String l1 = api.hypervisor(aHypervisorOnHost("vf-l1", host).with("viommu", "STATIC"));
        api.vm(aVmOnHost("first", host).with("vcpus", 1).with("memoryGib", 1).with("io", "PASSTHROUGH"));

        MvcTestResult second = api.post("/api/v1/vms", aVmIn("second", l1).with("io", "PASSTHROUGH"));

        assertThat(second).hasStatus(422).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("passthrough-needs-free-vf");
    }

    @Test
    void anUnknownParentInTheBodyIs422PointingAtIt() {
        MvcTestResult result = api.post("/api/v1/vms", aVmIn("orphan", "00000000-0000-0000-0000-000000000001"));

        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/parent/hypervisorId");
    }

    @ParameterizedTest(name = "{0} -> {2} at {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown field            | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"colour":"red"}        | 400 | /colour
            word for a number        | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":"four","memoryGib":12}                  | 400 | /vcpus
            number in a string       | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":"4","memoryGib":12}                     | 400 | /vcpus
            fraction for an integer  | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4.5,"memoryGib":12}                     | 400 | /vcpus
            negative vcpus           | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":-2,"memoryGib":12}                      | 400 | /vcpus
            missing memory           | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4}                                       | 400 | /memoryGib
            blank name               | {"name":" ","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12}                       | 400 | /name
            both parent ids          | {"name":"x","parent":{"hostId":"@HOST@","hypervisorId":"@HOST@"},"vcpus":4,"memoryGib":12} | 400 | /parent
            neither parent id        | {"name":"x","parent":{},"vcpus":4,"memoryGib":12}                                          | 400 | /parent
            no parent                | {"name":"x","vcpus":4,"memoryGib":12}                                                      | 400 | /parent
            parent id not a UUID     | {"name":"x","parent":{"hostId":"abc"},"vcpus":4,"memoryGib":12}                            | 400 | /parent/hostId
            unknown io model         | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"io":"FAST"}           | 400 | /io
            number for an enum       | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"io":1}                | 400 | /io
            number in the DVH list   | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"dvh":[1]}             | 400 | /dvh/0
            blank for a number       | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":"  ","memoryGib":12}                    | 400 | /vcpus
            empty for a number       | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":""}                       | 400 | /memoryGib
            NUL in the name          | {"name":"a\\u0000b","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12}                | 400 | /name
            newline in the name      | {"name":"a\\nb","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12}                    | 400 | /name
            lone high surrogate      | {"name":"a\\ud800","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12}                 | 400 | /name
            lone low surrogate       | {"name":"\\udc00b","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12}                 | 400 | /name
            unknown DVH mechanism    | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"dvh":["TURBO"]}       | 400 | /dvh/0
            null DVH mechanism       | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"dvh":[null]}          | 400 | /dvh/0
            repeated key             | {"name":"x","name":"y","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12}            | 400 | /name
            not JSON                 | not json                                                                                   | 400 | ``
            trailing garbage         | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12} x                     | 400 | ``
            more vCPUs than the host | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":21,"memoryGib":12}                      | 422 | /vcpus
            more memory than the host| {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":193}                      | 422 | /memoryGib
            DVH the host lacks       | {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"dvh":["VIRTUAL_IDLE"]} | 422 | /dvh
            virtual-passthrough w/o io| {"name":"x","parent":{"hostId":"@HOST@"},"vcpus":4,"memoryGib":12,"dvh":["VIRTUAL_PASSTHROUGH"]} | 422 | /io
            unknown parent host      | {"name":"x","parent":{"hostId":"00000000-0000-0000-0000-000000000000"},"vcpus":4,"memoryGib":12} | 422 | /parent/hostId
            """)
    void aBadVmIsRefusedWithAProblemAndChangesNothing(String label, String template, int status, String pointer) {
        String host = api.host(aHost("bad-input"));
        String before = api.counts();

        MvcTestResult result = api.post("/api/v1/vms", template.replace("@HOST@", host));

        assertThat(result).hasStatus(status).hasContentType("application/problem+json");
        assertThat(result).bodyJson().isLenientlyEqualTo("{\"status\":" + status + ",\"instance\":\"/api/v1/vms\"}");
        List<String> pointers = read(result, "$.errors[*].pointer");
        assertThat(pointers).as(label).contains(pointer);
        assertThat(api.counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUL               | a\\u0000b  | no-control-characters
            tab               | a\\tb      | no-control-characters
            DEL               | a\\u007fb  | no-control-characters
            C1 control        | a\\u0085b  | no-control-characters
            lone high         | a\\ud83d   | no-unpaired-surrogates
            lone low          | \\ude00b   | no-unpaired-surrogates
            reversed pair     | \\ude00\\ud83d | no-unpaired-surrogates
            """)
    void aNameWithControlCharactersOrUnpairedSurrogatesIsRefusedWithItsRuleOnEveryResource(String label, String name, String rule) {
        String host = api.host(aHost("names"));
        String hypervisor = api.hypervisor(aHypervisorOnHost("names-l1", host));
        String before = api.counts();
        String escaped = "\"" + name + "\"";

        for (MvcTestResult result : List.of(
                api.post("/api/v1/hosts", "{\"name\":" + escaped + ",\"profile\":\"asplos20-testbed\"}"),
                api.post("/api/v1/hypervisors", "{\"name\":" + escaped + ",\"parent\":{\"hostId\":\"" + host + "\"},\"vcpus\":6,\"memoryGib\":24}"),
                api.post("/api/v1/vms", "{\"name\":" + escaped + ",\"parent\":{\"hypervisorId\":\"" + hypervisor + "\"},\"vcpus\":4,\"memoryGib\":12}"),
                api.patch("/api/v1/hosts/" + host, "{\"name\":" + escaped + "}", api.etag("/api/v1/hosts/" + host)))) {
            assertThat(result).as(label).hasStatus(400).hasContentType("application/problem+json");
            assertThat(result).bodyJson().extractingPath("$.errors[0].rule").isEqualTo(rule);
            assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/name");
        }
        assertThat(api.counts()).isEqualTo(before);
        assertThat(api.get("/api/v1/hosts/" + host)).bodyJson().extractingPath("$.name").isEqualTo("names");
    }

    @Test
    void aNameOutsideTheBasicPlaneIsStoredAndReadBackAsGiven() {
        String name = "l1 \ud83d\ude00 caf\u00e9 \u4e2d";

        String host = api.host(aHost(name));

        assertThat(api.get("/api/v1/hosts/" + host)).bodyJson().extractingPath("$.name").isEqualTo(name);
        assertThat(mvc.get().uri("/api/v1/hosts").param("name", name).exchange()).bodyJson().extractingPath("$.totalElements").isEqualTo(1);
    }

    @Test
    void aNameFilterWithANulIsA400NotADatabaseError() {
        MvcTestResult result = mvc.get().uri("/api/v1/hosts").with(request -> {
            request.setQueryString("name=a%00b");
            request.setParameter("name", "a\u0000b");
            return request;
        }).exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("no-control-characters");
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String host = api.host(aHost("etag"));
        String vm = api.vm(aVmOnHost("v", host));
        String path = "/api/v1/vms/" + vm;

        assertThat(api.patch(path, Body.of("name", "w"), null)).hasStatus(428).hasContentType("application/problem+json");
        assertThat(api.patch(path, Body.of("name", "w"), "\"7\"")).hasStatus(412).hasContentType("application/problem+json");
        MvcTestResult patched = api.patch(path, Body.of("name", "w", "vcpus", 2), "\"0\"");

        assertThat(patched).hasStatus(200).bodyJson().isLenientlyEqualTo("{\"name\":\"w\",\"vcpus\":2,\"memoryGib\":12,\"version\":1}");
        assertThat(patched.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(api.patch(path, Body.of("name", "again"), "\"0\"")).hasStatus(412);
    }

    @Test
    void putReplacesWholeAndRestoresDefaultsOfOmittedFields() {
        String host = api.host(aHost("put"));
        String vm = api.vm(aVmOnHost("v", host).with("io", "EMULATED"));

        MvcTestResult put = api.put("/api/v1/vms/" + vm, aVmOnHost("v2", host).with("vcpus", 3), "\"0\"");

        assertThat(put).hasStatus(200).bodyJson().isLenientlyEqualTo("{\"name\":\"v2\",\"vcpus\":3,\"io\":\"VIRTIO\"}");
        assertThat(api.put("/api/v1/vms/" + vm, aVmOnHost("v3", host), null)).hasStatus(428);
    }

    @Test
    void aMergePatchNullRestoresTheDefault() {
        String host = api.host(aHost("null-default"));
        String hv = api.hypervisor(aHypervisorOnHost("h", host).with("haltPollNs", 0));

        MvcTestResult patched = api.patch("/api/v1/hypervisors/" + hv, "{\"haltPollNs\":null}", "\"0\"");

        assertThat(patched).hasStatus(200).bodyJson().extractingPath("$.haltPollNs").isEqualTo(200000);
    }

    @Test
    void theParentCannotChange() {
        String host = api.host(aHost("fixed-parent"));
        String other = api.host(aHost("other-parent"));
        String vm = api.vm(aVmOnHost("v", host));

        MvcTestResult result = api.patch("/api/v1/vms/" + vm, Body.of("parent", Body.of("hostId", other)), "\"0\"");

        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("parent-immutable");
        MvcTestResult put = api.put("/api/v1/vms/" + vm, aVmOnHost("v", other), "\"0\"");
        assertThat(put).hasStatus(422).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/parent");
        assertThat(api.get("/api/v1/vms/" + vm)).bodyJson().extractingPath("$.hostId").isEqualTo(host);
    }

    @Test
    void shrinkingAHypervisorBelowWhatItsChildrenUseConflictsAndNamesThem() {
        String host = api.host(aHost("shrink"));
        String hv = api.hypervisor(aHypervisorOnHost("big", host));
        api.vm(aVmIn("tenant", hv));

        MvcTestResult result = api.patch("/api/v1/hypervisors/" + hv, Body.of("vcpus", 2), "\"0\"");

        assertThat(result).hasStatus(409).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("VM 'tenant' (L2) depends on it");
        assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/vcpus");
        assertThat(api.get("/api/v1/hypervisors/" + hv)).bodyJson().extractingPath("$.vcpus").isEqualTo(8);
    }

    @Test
    void removingADvhMechanismADescendantUsesConflicts() {
        L3Dvh t = l3WithAllDvh("remove-dvh");

        MvcTestResult hv = api.patch("/api/v1/hypervisors/" + t.l1(), Body.of("dvh", List.of("VIRTUAL_PASSTHROUGH")), "\"0\"");
        MvcTestResult host = api.patch("/api/v1/hosts/" + t.host(), Body.of("dvh", List.of()), "\"0\"");

        assertThat(hv).hasStatus(409);
        assertThat(body(hv)).contains("hypervisor 'remove-dvh-l2' (L2) depends on it", "VM 'remove-dvh-vm' (L3) depends on it", "VIRTUAL_TIMER");
        assertThat(host).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("3 descendants depend");
    }

    @Test
    void anAllowedHostChangeKeepsItsChildren() {
        String host = api.host(aHost("rename"));
        api.vm(aVmOnHost("v", host));

        MvcTestResult result = api.patch("/api/v1/hosts/" + host, Body.of("name", "renamed", "features", Map.of("vmcsShadowing", false)), "\"0\"");

        assertThat(result).hasStatus(200).bodyJson().isLenientlyEqualTo("{\"name\":\"renamed\",\"features\":{\"vmcsShadowing\":false}}");
    }

    @Test
    void deletingSomethingWithChildrenConflictsAndSaysWhatIsLeft() {
        String host = api.host(aHost("parent"));
        String hv = api.hypervisor(aHypervisorOnHost("h", host));
        String vm = api.vm(aVmIn("v", hv));

        MvcTestResult hostDelete = api.delete("/api/v1/hosts/" + host);
        MvcTestResult hvDelete = api.delete("/api/v1/hypervisors/" + hv);

        assertThat(hostDelete).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("1 guest hypervisor");
        assertThat(hvDelete).hasStatus(409).bodyJson().extractingPath("$.detail").asString().contains("1 VM");
        assertThat(api.delete("/api/v1/vms/" + vm)).hasStatus(204);
        assertThat(api.delete("/api/v1/hypervisors/" + hv)).hasStatus(204);
        assertThat(api.delete("/api/v1/hosts/" + host)).hasStatus(204);
        assertThat(api.get("/api/v1/hosts/" + host)).hasStatus(404).hasContentType("application/problem+json");
    }

    @Test
    void listsArePagedInCreationOrderAndFiltered() {
        String host = api.host(aHost("lists"));
        List<String> vms = List.of(api.vm(aVmOnHost("v0", host).with("vcpus", 1)), api.vm(aVmOnHost("v1", host).with("vcpus", 1)),
                api.vm(aVmOnHost("v2", host).with("vcpus", 1).with("io", "EMULATED")));

        MvcTestResult page0 = api.get("/api/v1/vms?hostId=" + host + "&size=2");
        MvcTestResult page1 = api.get("/api/v1/vms?hostId=" + host + "&size=2&page=1");

        assertThat(page0).bodyJson().isLenientlyEqualTo("{\"page\":0,\"size\":2,\"totalElements\":3,\"totalPages\":2}");
        assertThat(read(page0, "$.items[*].id").toString()).contains(vms.get(0), vms.get(1));
        assertThat(read(page1, "$.items[0].id").toString()).isEqualTo(vms.get(2));
        assertThat(api.get("/api/v1/vms?hostId=" + host + "&io=EMULATED")).bodyJson().extractingPath("$.totalElements").isEqualTo(1);
        assertThat(api.get("/api/v1/hosts?name=lists")).bodyJson().extractingPath("$.items[0].id").isEqualTo(host);
    }

    @Test
    void unknownIdsInTheUrlAre404() {
        String unknown = "/00000000-0000-0000-0000-00000000dead";
        for (String path : List.of("/api/v1/hosts" + unknown, "/api/v1/hypervisors" + unknown, "/api/v1/vms" + unknown,
                "/api/v1/vms" + unknown + "/path", "/api/v1/hypervisors" + unknown + "/path", "/api/v1/host-profiles/nope")) {
            assertThat(api.get(path)).as(path).hasStatus(404).hasContentType("application/problem+json");
        }
    }

    @Test
    void theCatalogueListsTheTestbedFirst() {
        MvcTestResult list = api.get("/api/v1/host-profiles");

        assertThat(list).hasStatus(200);
        Map<String, Object> testbed = read(list, "$.items[0]");
        assertThat(testbed).containsAllEntriesOf(Map.of(
                "name", "asplos20-testbed", "cpuModel", "2 x Intel Xeon Silver 4114", "microarchitecture", "Skylake-SP", "sockets", 2,
                "cores", 20, "clockGhz", 2.2, "memoryGib", 192));
        assertThat((List<?>) read(list, "$.items")).hasSize(4);
        assertThat(api.get("/api/v1/host-profiles/haswell-e5-2660v3")).hasStatus(200)
                .bodyJson().extractingPath("$.features.vtdPostedInterrupts").isEqualTo(false);
    }
}
