package dev.nestsim.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every response an API test receives is checked against the committed contract, {@code openapi/openapi.yaml}: its
 * status must be documented for the operation, its content type must be one the operation documents for that status,
 * the headers the contract marks required must be there and match their schemas, and a JSON body must validate
 * against the response's schema (OpenAPI 3.1, JSON Schema 2020-12, with networknt's json-schema-validator). A mismatch
 * fails the test that made the request. Requests outside the contract (unknown paths, methods a path does not
 * document, Swagger UI, actuator) are not checked.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ResponsesMatchTheSpec implements ResultHandler {

    static final Path SPEC = Path.of("openapi", "openapi.yaml");
    static final String SPEC_URI = "https://nestsim.test/openapi.json";

    private final JsonNode spec;
    private final SchemaRegistry registry;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    public ResponsesMatchTheSpec() {
        try {
            spec = YAMLMapper.builder().build().readTree(Files.readString(SPEC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String document = json.writeValueAsString(spec);
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(SPEC_URI, document)));
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            routes.add(new Route(path.getKey(), Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"))));
        }
        // literal paths before templated ones: /runs/{id}/result before /runs/{id}/{anything}
        routes.sort(Comparator.comparingLong(r -> r.template().chars().filter(c -> c == '{').count()));
    }

    @Bean
    MockMvcBuilderCustomizer validateEveryResponseAgainstTheSpec() {
        return builder -> builder.alwaysDo(this);
    }

    @Override
    public void handle(MvcResult result) {
        MockHttpServletRequest request = result.getRequest();
        String path = request.getRequestURI();
        Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        String method = request.getMethod().toLowerCase();
        if (route == null || !spec.path("paths").path(route.template()).has(method)) {
            return;
        }
        List<String> problems = problems(route.template(), method, result.getResponse());
        if (!problems.isEmpty()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + path + " does not match openapi/openapi.yaml ("
                    + method + " " + route.template() + "):\n  " + String.join("\n  ", problems));
        }
    }

    private List<String> problems(String template, String method, MockHttpServletResponse response) {
        List<String> problems = new ArrayList<>();
        String status = String.valueOf(response.getStatus());
        JsonNode responses = spec.path("paths").path(template).path(method).path("responses");
        String key = responses.has(status) ? status : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
        JsonNode documented = responses.path(key);
        if (documented.isMissingNode()) {
            problems.add("status " + status + " is not documented; documented: " + responses.propertyNames());
            return problems;
        }
        String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + key;
        headers(documented, pointer, response, problems);
        body(documented, pointer, response, problems);
        return problems;
    }

    private void headers(JsonNode documented, String pointer, MockHttpServletResponse response, List<String> problems) {
        for (Map.Entry<String, JsonNode> header : documented.path("headers").properties()) {
            String value = response.getHeader(header.getKey());
            if (value == null) {
                if (header.getValue().path("required").asBoolean()) {
                    problems.add("header " + header.getKey() + " is required and missing");
                }
                continue;
            }
            JsonNode schema = header.getValue().path("schema");
            JsonNode instance = schema.path("type").asString("").equals("integer") && value.matches("-?\\d{1,18}")
                    ? json.getNodeFactory().numberNode(Long.parseLong(value)) : json.getNodeFactory().stringNode(value);
            validate(pointer + "/headers/" + escape(header.getKey()) + "/schema", instance, "header " + header.getKey(), problems);
        }
    }

    private void body(JsonNode documented, String pointer, MockHttpServletResponse response, List<String> problems) {
        byte[] body = response.getContentAsByteArray();
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body.length > 0) {
                problems.add("the contract documents no body, the response has " + body.length + " bytes of " + response.getContentType());
            }
            return;
        }
        if (body.length == 0 && response.getContentType() == null) {
            problems.add("the contract documents a body of " + content.propertyNames() + ", the response has none");
            return;
        }
        String type = response.getContentType() == null ? "" : response.getContentType().split(";")[0].trim().toLowerCase();
        String media = content.propertyNames().stream().filter(m -> m.equalsIgnoreCase(type)).findFirst().orElse(null);
        if (media == null) {
            problems.add("content type " + response.getContentType() + " is not documented; documented: " + content.propertyNames());
            return;
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            JsonNode instance;
            try {
                instance = json.readTree(new String(body, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                problems.add("the body is not JSON: " + e.getMessage());
                return;
            }
            validate(pointer + "/content/" + escape(media) + "/schema", instance, "body", problems);
        } else if (content.path(media).path("schema").has("maxLength")
                && new String(body, StandardCharsets.UTF_8).length() > content.path(media).path("schema").path("maxLength").asInt()) {
            problems.add("the " + media + " body is longer than its maxLength");
        }
    }

    private void validate(String pointer, JsonNode instance, String what, List<String> problems) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(SPEC_URI + "#" + p)));
        for (Error error : schema.validate(instance)) {
            problems.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage() + " (" + error.getSchemaLocation() + ")");
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private record Route(String template, Pattern pattern) {
    }
}
