package dev.nestsim.api;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classes of problem that made generated clients and strict validators fail on the description, each a check over
 * every operation and schema the application serves (so a new endpoint is held to them too). Spectral checks the
 * committed copy in the build as well ({@code .ci/lint-openapi}).
 */
@ApiTest
class OpenApiContractHygieneTest {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Autowired
    MockMvcTester mvc;

    JsonNode spec;

    @BeforeEach
    void readTheServedDescription() {
        spec = JsonMapper.builder().build().readTree(body(mvc.get().uri("/v3/api-docs").exchange()));
    }

    @Test
    void theLicenseHasItsSpdxIdentifierAndThereIsAContact() {
        assertThat(spec.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
        assertThat(spec.at("/info/contact/name").asString()).isNotBlank();
    }

    @Test
    void everyEnumIsANamedComponentAndNoPropertyDeclaresOneInline() {
        List<String> inline = new ArrayList<>();
        walk(spec, "", (pointer, node) -> {
            if (node.has("enum") && !pointer.matches("/components/schemas/[^/]+")) {
                inline.add(pointer);
            }
        });
        assertThat(inline).isEmpty();
        assertThat(spec.at("/components/schemas").propertyNames()).contains("DvhMechanism", "IoModel", "ViommuMode", "RunStatus",
                "KernelGeneration", "TimerOffload", "GuestEvent");
    }

    @Test
    void aNameThatMayNotBeBlankIsPublishedAsAtLeastOneCharacter() {
        for (String schema : List.of("HostRequest", "HypervisorRequest", "VmRequest", "HostPatch", "HypervisorPatch", "VmPatch")) {
            assertThat(spec.at("/components/schemas/" + schema + "/properties/name/minLength").asInt()).as(schema).isEqualTo(1);
            assertThat(spec.at("/components/schemas/" + schema + "/properties/name/maxLength").asInt()).as(schema).isEqualTo(100);
        }
    }

    @Test
    void aReferenceNeverStandsBesideATypeThatAValidatorWouldReadAsBothAtOnce() {
        List<String> beside = new ArrayList<>();
        walk(spec, "", (pointer, node) -> {
            if (node.has("$ref") && (node.has("type") || node.has("nullable"))) {
                beside.add(pointer);
            }
        });
        assertThat(beside).isEmpty();
        assertThat(spec.at("/components/schemas/RunResult/properties/normalizedToNative/oneOf/1/type").asString()).isEqualTo("null");
    }

    @Test
    void everyPatchTakesAMergePatchSchemaOfItsOwnWithNothingRequired() {
        List<String> wrong = new ArrayList<>();
        operations((path, method, operation) -> {
            if (!method.equals("patch")) {
                return;
            }
            for (JsonNode media : operation.at("/requestBody/content")) {
                String ref = media.at("/schema/$ref").asString();
                JsonNode schema = spec.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
                if (!ref.endsWith("Patch") || schema.has("required")) {
                    wrong.add(path + " " + ref);
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(spec.at("/paths/~1api~1v1~1hosts~1{id}/patch/requestBody/content").isEmpty()).isFalse();
        // a member the caller did not set is not sent: a patch member may be null (restore the default), so a client keeps it unset
        assertThat(spec.at("/components/schemas/VmPatch/properties/dvh/type").toString()).contains("null");
        assertThat(spec.at("/components/schemas/VmPatch/properties/io/oneOf/1/type").asString()).isEqualTo("null");
        assertThat(spec.at("/components/schemas/VmPatch/properties/memoryGib/type").asString()).isEqualTo("integer");
    }

    @Test
    void theExactlyOneOfBodiesSayItInTheirSchema() {
        for (String name : List.of("Parent", "RunTarget")) {
            assertThat(spec.at("/components/schemas/" + name + "/minProperties").asInt()).as(name).isEqualTo(1);
            assertThat(spec.at("/components/schemas/" + name + "/maxProperties").asInt()).as(name).isEqualTo(1);
        }
    }

    @Test
    void everyStringIntegerAndArrayHasItsBounds() {
        List<String> unbounded = new ArrayList<>();
        walk(spec, "", (pointer, node) -> {
            String type = node.path("type").isArray() ? node.path("type").get(0).asString() : node.path("type").asString("");
            boolean bounded = switch (type) {
                case "string" -> node.has("maxLength") || node.has("enum") || node.has("const");
                case "integer" -> node.has("minimum") && node.has("maximum");
                case "array" -> node.has("maxItems");
                default -> true;
            };
            if (!bounded && !pointer.contains("/example")) {
                unbounded.add(pointer);
            }
        });
        assertThat(unbounded).isEmpty();
        assertThat(spec.at("/components/schemas/HostRequest/properties/name/maxLength").asInt()).isEqualTo(100);
        assertThat(spec.at("/components/schemas/PageResponseHost/properties/items/maxItems").asInt()).isEqualTo(PageResponse.MAX_SIZE);
        assertThat(spec.at("/components/schemas/Problem/properties/errors/maxItems").asInt()).isEqualTo(Problems.MAX_ERRORS);
    }

    @Test
    void ifMatchIsRequiredWhereItsAbsenceIsA428() {
        List<String> optional = new ArrayList<>();
        operations((path, method, operation) -> {
            if (!operation.at("/responses/428").isMissingNode()) {
                boolean required = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    required |= parameter.path("name").asString().equals("If-Match") && parameter.path("required").asBoolean();
                }
                if (!required) {
                    optional.add(method + " " + path);
                }
            }
        });
        assertThat(optional).isEmpty();
    }

    @Test
    void everyOperationIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        operations((path, method, operation) -> {
            if (operation.path("description").asString("").isBlank()) {
                undescribed.add(method + " " + path);
            }
        });
        assertThat(undescribed).isEmpty();
    }

    @Test
    void tagsComeInTheOrderAUserWorks() {
        List<String> tags = new ArrayList<>();
        spec.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
        assertThat(tags).startsWith(ContractHygiene.TAG_ORDER.toArray(String[]::new));
    }

    @Test
    void everyErrorStatusShowsAnExampleOfItsOwnStatus() {
        List<String> wrong = new ArrayList<>();
        operations((path, method, operation) -> operation.path("responses").properties().forEach(response -> {
            JsonNode problem = response.getValue().at("/content/application~1problem+json");
            if (problem.isMissingNode()) {
                return;
            }
            JsonNode example = problem.path("example");
            if (example.path("status").asInt() != Integer.parseInt(response.getKey())
                    || !example.path("type").asString().equals(ProblemType.forStatus(example.path("status").asInt()).uri().toString())
                    && response.getKey().matches("404|412|428|500")) {
                wrong.add(method + " " + path + " " + response.getKey());
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aConflictShowsTheTypeOfConflictThatOperationAnswers() {
        assertThat(spec.at("/paths/~1api~1v1~1hosts~1{id}/delete/responses/409/content/application~1problem+json/example/type").asString())
                .isEqualTo(ProblemType.CONFLICT_WITH_CHILDREN.uri().toString());
        assertThat(spec.at("/paths/~1api~1v1~1runs~1{id}~1result/get/responses/409/content/application~1problem+json/example/type").asString())
                .isEqualTo(ProblemType.RUN_NOT_SUCCEEDED.uri().toString());
        assertThat(spec.at("/paths/~1api~1v1~1runs~1{id}~1cancel/post/responses/409/content/application~1problem+json/example/type").asString())
                .isEqualTo(ProblemType.CONFLICT.uri().toString());
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    visitor.visit(path.getKey(), method, path.getValue().get(method));
                }
            }
        }
    }

    /** Every object of the document with its JSON Pointer, examples excluded (their values are data, not schemas). */
    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(pointer, node);
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getKey().equals("example") && !member.getKey().equals("examples")) {
                    walk(member.getValue(), pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1"), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
