package dev.nestsim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Spring's own errors come out as problem details too, with nestsim's types and the request path. */
@ApiTest
class ErrorResponsesTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(mvc.get().uri("/api/v1/nothing-here").exchange(), 404, "not-found", "/api/v1/nothing-here");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        assertProblem(mvc.delete().uri("/api/v1/host-profiles").exchange(), 405, "method-not-allowed", "/api/v1/host-profiles");
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        MvcTestResult result = mvc.post().uri("/api/v1/hosts").contentType(MediaType.TEXT_PLAIN).content("name=x").exchange();

        assertProblem(result, 415, "unsupported-media-type", "/api/v1/hosts");
    }

    @Test
    void askingForXmlIsA406Problem() {
        MvcTestResult result = mvc.get().uri("/api/v1/host-profiles").accept(MediaType.APPLICATION_XML).exchange();

        assertThat(result).hasStatus(406);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemType.BASE + "not-acceptable");
    }

    @Test
    void aMissingBodyIsA400Problem() {
        MvcTestResult result = mvc.post().uri("/api/v1/hosts").contentType(MediaType.APPLICATION_JSON).exchange();

        assertProblem(result, 400, "malformed-body", "/api/v1/hosts");
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400ProblemNamingIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/vms?page=first").exchange();

        assertProblem(result, 400, "invalid-request", "/api/v1/vms");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void aPageSizeAboveTheMaximumIsA400Problem() {
        MvcTestResult result = mvc.get().uri("/api/v1/hosts?size=101").exchange();

        assertProblem(result, 400, "invalid-request", "/api/v1/hosts");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/hosts?size=100").exchange()).hasStatus(200);
        assertThat(mvc.get().uri("/api/v1/hosts?page=-1").exchange()).hasStatus(400);
    }

    @Test
    void anIdThatIsNotAUuidIsA400Problem() {
        assertProblem(mvc.get().uri("/api/v1/vms/42").exchange(), 400, "invalid-request", "/api/v1/vms/42");
    }

    @Test
    void aMergePatchThatIsNotAnObjectIsA400Problem() {
        String host = new ApiClient(mvc).host(Body.aHost("patch-array"));

        MvcTestResult result = mvc.patch().uri("/api/v1/hosts/" + host)
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).header("If-Match", "\"0\"").content("[1]").exchange();

        assertProblem(result, 400, "invalid-request", "/api/v1/hosts/" + host);
    }

    private static void assertProblem(MvcTestResult result, int status, String type, String instance) {
        assertThat(result).hasStatus(status).hasContentType("application/problem+json");
        assertThat(result).bodyJson().isLenientlyEqualTo("{\"type\":\"" + ProblemType.BASE + type + "\",\"status\":" + status
                + ",\"instance\":\"" + instance + "\"}");
        assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank().doesNotContain("Exception");
    }
}
