package dev.nestsim.api;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed contract {@code openapi/openapi.yaml} is what the running application serves. When the API
 * changes on purpose, regenerate it with {@code ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true}.
 */
@ApiTest
class OpenApiSpecTest {

    static final Path SPEC = Path.of("openapi", "openapi.yaml");

    @Autowired
    MockMvcTester mvc;

    @Test
    void theCommittedSpecIsTheOneTheApplicationServes() throws IOException {
        MvcTestResult served = mvc.get().uri("/v3/api-docs.yaml").exchange();
        assertThat(served).hasStatus(200);
        String live = body(served);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(SPEC.getParent());
            Files.writeString(SPEC, live);
        }

        assertThat(SPEC).as("openapi/openapi.yaml is missing; create it with ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true").exists();
        assertThat(Files.readString(SPEC)).as("openapi/openapi.yaml differs from the API the application serves; if the change is "
                + "intended, regenerate it with ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true and commit it").isEqualTo(live);
    }

    @Test
    void everyOperationThatCanFailDocumentsItsErrorsAsProblems() {
        JsonNode spec = JsonMapper.builder().build().readTree(body(mvc.get().uri("/v3/api-docs").exchange()));
        assertThat(spec.at("/info/title").asString()).isEqualTo("nestsim");
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            if (!path.getKey().matches("/api/v1/(hosts|hypervisors|vms|runs|metrics|workloads/).*")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                boolean problem = operation.getValue().get("responses").properties().stream()
                        .anyMatch(r -> r.getKey().startsWith("4") && r.getValue().at("/content/application~1problem+json").isObject());
                if (!problem) {
                    undocumented.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void swaggerUiIsServedAtItsUsualAddressEvenToClientsThatDoNotFollowRedirects() {
        MvcTestResult entry = mvc.get().uri("/swagger-ui.html").exchange();

        assertThat(entry).hasStatus(200).hasContentType("text/html;charset=UTF-8");
        assertThat(body(entry)).contains("<meta http-equiv=\"refresh\" content=\"0; url=swagger-ui/index.html\">");
        assertThat(mvc.get().uri("/swagger-ui/index.html").exchange()).hasStatus(200);
        assertThat(mvc.get().uri("/v3/api-docs/swagger-config").exchange()).hasStatus(200);
    }
}
