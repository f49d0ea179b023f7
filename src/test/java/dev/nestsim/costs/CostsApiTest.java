package dev.nestsim.costs;

import static dev.nestsim.support.ApiClient.body;
import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.ALL_DVH;
import static dev.nestsim.support.Body.aDvhHost;
import static dev.nestsim.support.Body.aHypervisorIn;
import static dev.nestsim.support.Body.aHypervisorOnHost;
import static dev.nestsim.support.Body.aVmIn;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Microbenchmarks and exit costs through the API, on the paper's topologies. */
@ApiTest
class CostsApiTest {

    @Autowired
    MockMvcTester mvc;

    ApiClient api;
    String host;
    String l1Vm;
    String l2Base;
    String l2Dvh;
    String l3Base;
    String l3Dvh;
    String l2Hypervisor;

    @BeforeEach
    void provisionThePapersTopologies() {
        api = new ApiClient(mvc);
        host = api.host(aDvhHost("costs-l1"));
        l1Vm = api.vm(aVmOnHost("l1-vm", host).with("io", "VIRTIO"));
        String h2 = api.host(aDvhHost("costs-l2"));
        String hv = api.hypervisor(aHypervisorOnHost("l1-base", h2).with("vcpus", 6).with("memoryGib", 24));
        l2Base = api.vm(aVmIn("l2-base", hv));
        String h3 = api.host(aDvhHost("costs-l2-dvh"));
        String hvDvh = api.hypervisor(aHypervisorOnHost("l1-dvh", h3).with("vcpus", 6).with("memoryGib", 24).with("viommu", "STATIC").with("dvh", ALL_DVH));
        l2Dvh = api.vm(aVmIn("l2-dvh", hvDvh).with("io", "VIRTUAL_PASSTHROUGH").with("dvh", ALL_DVH));
        String h4 = api.host(aDvhHost("costs-l3"));
        String hv1 = api.hypervisor(aHypervisorOnHost("l1-base3", h4));
        l2Hypervisor = api.hypervisor(aHypervisorIn("l2-base3", hv1));
        l3Base = api.vm(aVmIn("l3-base", l2Hypervisor));
        String h5 = api.host(aDvhHost("costs-l3-dvh"));
        String hv1d = api.hypervisor(aHypervisorOnHost("l1-dvh3", h5).with("viommu", "STATIC").with("dvh", ALL_DVH));
        String hv2d = api.hypervisor(aHypervisorIn("l2-dvh3", hv1d).with("viommu", "STATIC").with("dvh", ALL_DVH));
        l3Dvh = api.vm(aVmIn("l3-dvh", hv2d).with("io", "VIRTUAL_PASSTHROUGH").with("dvh", ALL_DVH));
    }

    private double cycles(String vm, String name) {
        MvcTestResult result = api.get("/api/v1/vms/" + vm + "/microbenchmarks?name=" + name);
        assertThat(result).hasStatus(200);
        return ((Number) read(result, "$.items[0].cycles")).doubleValue();
    }

    @Test
    void everyMicrobenchmarkIsListedWithItsNativeAndL1Comparison() {
        MvcTestResult result = api.get("/api/v1/vms/" + l2Base + "/microbenchmarks");

        assertThat(result).hasStatus(200);
        List<String> names = read(result, "$.items[*].name");
        assertThat(names).contains("hypercall", "device-notify", "program-timer", "send-ipi", "ipi-halt", "cpuid", "vmcall",
                "inl_from_kernel", "inl_from_qemu", "ipi", "ipi_halt", "self_ipi_sti_hlt", "tscdeadline", "tscdeadline_immed");
        assertThat((Integer) read(result, "$.level")).isEqualTo(2);
        assertThat((Integer) read(result, "$.items[?(@.name=='device-notify')].l1Vm.level").toString().length()).isPositive();
        List<Integer> l1Levels = read(result, "$.items[*].l1Vm.level");
        assertThat(l1Levels).containsOnly(1);
        List<Boolean> hypercallNative = read(result, "$.items[?(@.name=='hypercall')].nativeHost.applicable");
        assertThat(hypercallNative).containsExactly(false);
        List<List<Integer>> exits = read(result, "$.items[?(@.name=='hypercall')].exitsPerLevel");
        assertThat(exits.get(0)).as("L2's VMCALL; on the testbed's Linux 4.18, L1's trapped CPL check and its VMRESUME")
                .containsExactly(0, 2, 1);
        List<String> reasonsAtL0 = read(result, "$.items[?(@.name=='hypercall')].exitProfile.levels[0].reasons[*].reason");
        assertThat(reasonsAtL0).containsExactly("VMCALL", "VMREAD", "VMRESUME");
    }

    @Test
    void thePapersFindingsHoldThroughTheApi() {
        for (String m : List.of("device-notify", "program-timer", "send-ipi")) {
            double l1 = cycles(l1Vm, m);
            assertThat(cycles(l2Base, m) / l1).as(m + " L2 baseline / L1").isGreaterThan(5);
            assertThat(cycles(l2Dvh, m) / l1).as(m + " L2 DVH / L1").isLessThan(1.6);
            assertThat(cycles(l3Dvh, m) / l1).as(m + " L3 DVH / L1").isLessThan(2.0);
            assertThat(cycles(l3Base, m) / cycles(l2Base, m)).as(m + " L3 / L2").isGreaterThan(3);
        }
        assertThat(cycles(l2Dvh, "hypercall") / cycles(l1Vm, "hypercall")).isGreaterThan(5);
    }

    @Test
    void theSameQuestionGetsTheSameAnswer() {
        String first = body(api.get("/api/v1/vms/" + l3Base + "/microbenchmarks?name=device-notify&trace=true"));
        String second = body(api.get("/api/v1/vms/" + l3Base + "/microbenchmarks?name=device-notify&trace=true"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aHostGivesTheNativeFigures() {
        MvcTestResult result = api.get("/api/v1/hosts/" + host + "/microbenchmarks");

        assertThat(result).hasStatus(200);
        assertThat((Integer) read(result, "$.level")).isZero();
        List<Boolean> hypercall = read(result, "$.items[?(@.name=='hypercall')].applicable");
        assertThat(hypercall).containsExactly(false);
        List<Integer> ipi = read(result, "$.items[?(@.name=='send-ipi')].cycles");
        assertThat(ipi.get(0)).isPositive().isLessThan((int) cycles(l1Vm, "send-ipi"));
    }

    @Test
    void exitCostsListEveryGuestEventWithItsHandlerAndATraceOnRequest() {
        MvcTestResult all = api.get("/api/v1/vms/" + l3Base + "/exit-costs");
        assertThat(all).hasStatus(200);
        List<String> events = read(all, "$.items[*].event");
        assertThat(events).contains("HYPERCALL", "DEVICE_NOTIFY", "TIMER_PROGRAM", "IPI_SEND", "INTERRUPT_DELIVERY", "EOI", "HALT",
                "EPT_VIOLATION").doesNotContain("VMREAD", "NESTED_VMEXIT", "IOMMU_MAP");

        MvcTestResult traced = api.get("/api/v1/vms/" + l3Base + "/exit-costs?event=HYPERCALL&trace=true&traceNodes=200");
        assertThat(traced).hasStatus(200);
        assertThat((Integer) read(traced, "$.items[0].handledAt")).isEqualTo(2);
        assertThat((String) read(traced, "$.items[0].trace.kind")).isEqualTo("EVENT");
        List<String> childNames = read(traced, "$.items[0].trace.children[*].name");
        assertThat(childNames).anySatisfy(n -> assertThat(n).contains("nested_vmx_vmexit"));
    }

    @Test
    void aGuestHypervisorsExitCostsIncludeItsVmxOperations() {
        MvcTestResult result = api.get("/api/v1/hypervisors/" + l2Hypervisor + "/exit-costs?event=VMREAD");

        assertThat(result).hasStatus(200);
        assertThat((Integer) read(result, "$.items[0].handledAt")).as("emulated shadowing: absorbed by L0").isZero();
        assertThat((Integer) read(result, "$.level")).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
            "microbenchmarks?name=no-such-thing, name",
            "exit-costs?event=NOPE, event",
            "exit-costs?level=9, level",
            "exit-costs?traceNodes=0, traceNodes",
            "exit-costs?trace=maybe, trace",
            "exit-costs?event=VMREAD, event"})
    void badParametersAre400ProblemsNamingTheParameter(String query, String field) {
        MvcTestResult result = api.get("/api/v1/vms/" + l2Base + "/" + query);

        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        List<String> fields = read(result, "$.errors[*].field");
        assertThat(fields).contains(field);
    }

    @Test
    void anUnknownVmIs404() {
        assertThat(api.get("/api/v1/vms/00000000-0000-0000-0000-000000000000/microbenchmarks")).hasStatus(404);
        assertThat(api.get("/api/v1/hosts/00000000-0000-0000-0000-000000000000/microbenchmarks")).hasStatus(404);
        assertThat(api.get("/api/v1/vms/00000000-0000-0000-0000-000000000000/exit-costs")).hasStatus(404);
    }
}
