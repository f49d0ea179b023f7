package dev.nestsim.api;

import static dev.nestsim.support.ApiClient.read;
import static dev.nestsim.support.Body.aHost;
import static dev.nestsim.support.Body.aVmOnHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * README, "Several problems in one request": a problem of the request on its own (400: its query, its JSON, its fields;
 * then 428: a missing If-Match) beats a problem of the request against the state (404, 412, 422, 409), and the problems
 * of one stage are listed together.
 */
@ApiTest
class ProblemPrecedenceTest {

    @Autowired
    MockMvcTester mvc;

    ApiClient api;
    String vm;

    @BeforeEach
    void aVm() {
        api = new ApiClient(mvc);
        String host = api.host(aHost("precedence-" + UUID.randomUUID()));
        vm = api.vm(aVmOnHost("precedence-vm", host));
    }

    @Test
    void anUnknownQueryParameterBeatsABadBodyAndAnUnknownId() {
        assertThat(rule(api.post("/api/v1/runs?bogus=1", "{\"bogus\":1}"))).isEqualTo("400 unknown-parameter");
        assertThat(rule(api.get("/api/v1/vms/" + UUID.randomUUID() + "?bogus=1"))).isEqualTo("400 unknown-parameter");
    }

    @Test
    void anInvalidFieldBeatsAMissingIfMatchForPutAndPatchAlike() {
        Body invalid = Body.of("vcpus", 0);
        assertThat(rule(api.patch("/api/v1/vms/" + vm, invalid, null))).isEqualTo("400 min");
        assertThat(rule(api.put("/api/v1/vms/" + vm, aVmOnHost("precedence-vm", "00000000-0000-0000-0000-000000000000").with("vcpus", 0), null)))
                .startsWith("400 ");
        assertThat(rule(api.patch("/api/v1/vms/" + vm, Body.of("bogus", 1), null))).isEqualTo("400 unknown-field");
        assertThat(rule(api.patch("/api/v1/vms/" + vm, Body.of("name", "fine"), null))).isEqualTo("428 ");
    }

    @Test
    void anInvalidFieldBeatsAStaleIfMatchAndAStaleIfMatchBeatsARule() {
        assertThat(rule(api.patch("/api/v1/vms/" + vm, Body.of("vcpus", 0), "\"999\""))).isEqualTo("400 min");
        assertThat(rule(api.patch("/api/v1/vms/" + vm, Body.of("vcpus", 400), "\"999\""))).isEqualTo("412 ");
    }

    @Test
    void aRunWithInvalidFieldsAndUnknownReferencesIsOne400ListingBoth() {
        MvcTestResult refused = api.post("/api/v1/runs", Body.of("target", Body.of("vmId", UUID.randomUUID().toString()),
                "workload", "nope", "replications", 0));

        assertThat(refused).hasStatus(400);
        assertThat(read(refused, "$.errors[*].rule").toString()).contains("replications-range", "known-workload", "target-exists");
    }

    /** Status and the first error's rule ({@code "428 "} when it lists none). */
    private static String rule(MvcTestResult result) {
        String body = ApiClient.body(result);
        String first = body.contains("\"errors\"") ? ApiClient.<String>read(result, "$.errors[0].rule") : "";
        return result.getResponse().getStatus() + " " + first;
    }
}
