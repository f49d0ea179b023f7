package dev.nestsim.fuzz;

import dev.nestsim.fuzz.OpenApiOperations.Operation;
import dev.nestsim.fuzz.OpenApiOperations.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests generated from the OpenAPI description, most of them then mutated. A request starts valid by the schema:
 * path ids and body references from what the fuzzer created ({@link Pools}), enum values, numbers within their bounds,
 * required fields always, optional ones at random, the right media type, a current {@code If-Match}. Then, two times in
 * three, one {@link Mutation} breaks it: a field of the wrong type, out of bounds, null, missing or unknown, a hostile
 * string, a malformed body, a bad id, query or header, another method.
 */
final class RequestGenerator {

    /** How a request is broken. */
    enum Mutation {
        NONE, PATH_ID, QUERY_VALUE, QUERY_RAW, FIELD_TYPE, FIELD_BOUNDARY, FIELD_STRING, FIELD_NULL, DROP_FIELD, UNKNOWN_FIELD, RAW_BODY,
        CONTENT_TYPE, ACCEPT, METHOD, IF_MATCH, IDEMPOTENCY_KEY, ODD_PATH, HEADER
    }

    /** Stands for a lone high surrogate, escaped in the JSON text as {@code \ud800} (Jackson would not write one). */
    private static final String LONE_SURROGATE = "@@LONE-SURROGATE@@";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Object> WRONG_TYPES = List.of("text", "", "  ", 7, -1, 2.5, true, List.of(), List.of(1, "a"), Map.of(), Map.of("x", 1));
    private static final List<Object> BOUNDARIES = List.of(0, -1, -0.0, 2147483647, 2147483648L, -2147483649L, Long.MAX_VALUE, 9007199254740992L,
            1e308, -1e308, 4.9e-324, 1e20, 0.5, 101, 1025, 65537, 10000001);
    private static final List<String> EVIL_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "tab\there", "line\nbreak", "\u007f", "\u0085",
            LONE_SURROGATE, "x" + LONE_SURROGATE + "y", "\uD83D\uDE00 emoji", "é", "' OR 1=1 --", "%00", "../../etc/passwd", "<script>",
            "${jndi:ldap://x}", "null", "NaN", "Infinity", "-1", "linux-4.19", "VIRTUAL_TIMER", "virtual_timer", "x".repeat(101), "y".repeat(5000));
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "123", "00000000-0000-0000-0000-000000000000", "%00", "%ZZ", "%C3%28",
            "..%2F..", "a%2Fb", "%20", "x".repeat(300), "%E2%82", "é", "{id}", "null", "00000000-0000-0000-0000-00000000000g", UUID.randomUUID() + "x");
    private static final List<String> RAW_QUERIES = List.of("=1", "page=%zz", "size=%C3%28", "page=1e3", "page=-0", "size=", "page=99999999999999999999",
            "size=1.5", "status=running", "status=", "level=abc", "runLevel=9", "a&&b==c", "%", "name=%00", "name=%0A", "page=0x10",
            "size=100&size=1", "page=21474837&size=100", "trace=maybe", "traceNodes=-5", "format=xml", "format=", "event=hypercall", "name[]=1");
    private static final List<String> ODD_PATHS = List.of("/error", "/api/v1", "/api/v1/", "/api/v2/hosts", "//api/v1/hosts", "/api/v1/hosts/",
            "/api/v1/hosts/..;/vms", "/api/v1/%2e%2e/hosts", "/api/v1/hosts%00", "/api/v1/hosts/%", "/api/v1/unknown", "/api/v1/runs/x/y/z",
            "/api/v1/hosts;jsessionid=1", "/api/v1/host-profiles/%FF", "/api/v1/workloads/" + "w".repeat(500), "/favicon.ico");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=ISO-8859-1", "application/json;charset=utf-16", "garbage", "application/merge-patch+json", "application/json",
            "*/*", "");
    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "text/csv", "image/png", "*/*;q=0", "garbage",
            "application/problem+json", "application/json;q=0");
    private static final List<String[]> HEADERS = List.of(new String[] {"X-Padding", "p".repeat(9000)}, new String[] {"Expect", "100-continue"},
            new String[] {"Content-Encoding", "gzip"}, new String[] {"Range", "bytes=0-1"}, new String[] {"If-None-Match", "*"},
            new String[] {"Origin", "http://evil.example"}, new String[] {"Accept-Charset", "ebcdic"}, new String[] {"X-Forwarded-Prefix", "/../x"},
            new String[] {"Accept-Language", "éé"}, new String[] {"Authorization", "Bearer x"}, new String[] {"Cookie", "JSESSIONID=1; a=\\"});
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE");

    private final OpenApiOperations api;
    private final Random random;
    private final Pools pools;

    RequestGenerator(OpenApiOperations api, Random random, Pools pools) {
        this.api = api;
        this.random = random;
        this.pools = pools;
    }

    FuzzRequest next() {
        Operation op = pick(api.operations());
        while (op.method().equals("DELETE") && random.nextInt(3) > 0) {
            op = pick(api.operations());
        }
        Mutation mutation = random.nextInt(3) == 0 ? Mutation.NONE : pick(List.of(Mutation.values()));
        String method = op.method();
        String path = path(op, mutation == Mutation.PATH_ID);
        String query = query(op, mutation);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", op.path().endsWith("/result") && random.nextBoolean() ? "text/csv" : "application/json, application/problem+json");
        Object body = op.bodySchema() == null ? null : value(op.bodySchema(), "", 0);
        if (body != null) {
            headers.put("Content-Type", op.mediaType());
        }
        if (method.equals("PATCH") || method.equals("PUT") || method.equals("DELETE") && random.nextBoolean()) {
            Long version = pools.versions.get(idIn(path));
            headers.put("If-Match", version == null ? "\"0\"" : "\"" + version + "\"");
        }
        if (method.equals("POST") && random.nextInt(4) == 0) {
            String key = UUID.randomUUID().toString();
            pools.usedKeys.add(key);
            headers.put("Idempotency-Key", key);
        }
        byte[] raw = null;
        switch (mutation) {
            case FIELD_TYPE -> body = replaceSomeValue(body, () -> pick(WRONG_TYPES));
            case FIELD_BOUNDARY -> body = replaceSomeValue(body, () -> pick(BOUNDARIES));
            case FIELD_STRING -> body = replaceSomeValue(body, () -> pick(EVIL_STRINGS));
            case FIELD_NULL -> body = replaceSomeValue(body, () -> null);
            case DROP_FIELD -> dropSomeField(body);
            case UNKNOWN_FIELD -> addUnknownField(body);
            case RAW_BODY -> raw = rawBody(body);
            case CONTENT_TYPE -> headers.put("Content-Type", pick(CONTENT_TYPES));
            case ACCEPT -> headers.put("Accept", pick(ACCEPTS));
            case METHOD -> method = pick(METHODS);
            case IF_MATCH -> headers.put("If-Match", pick(List.of("*", "\"999999\"", "garbage", "W/\"1\"", "\"1\", \"2\"", "", "\"-1\"")));
            case IDEMPOTENCY_KEY -> headers.put("Idempotency-Key", pools.usedKeys.isEmpty() || random.nextBoolean()
                    ? pick(List.of("has space", "k".repeat(300), "é", "a\tb")) : pick(pools.usedKeys));
            case ODD_PATH -> path = pick(ODD_PATHS);
            case HEADER -> {
                String[] header = pick(HEADERS);
                headers.put(header[0], header[1]);
            }
            default -> {
            }
        }
        if (mutation == Mutation.IF_MATCH && headers.get("If-Match").isEmpty()) {
            headers.remove("If-Match");
        }
        if (raw == null && body != null) {
            raw = json(body);
        } else if (raw == null && mutation == Mutation.METHOD && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            raw = "{}".getBytes(StandardCharsets.UTF_8);
            headers.putIfAbsent("Content-Type", "application/json");
        }
        return new FuzzRequest(op.name(), mutation.name(), method, path + query, headers, raw);
    }

    private String path(Operation op, boolean badId) {
        String path = op.path();
        if (path.contains("{id}")) {
            path = path.replace("{id}", badId ? pick(BAD_IDS) : random.nextInt(10) == 0 ? UUID.randomUUID().toString()
                    : pools.id(Pools.kindOf(op.path()), random));
        }
        if (path.contains("{name}")) {
            List<String> names = op.path().contains("host-profiles") ? pools.profiles : pools.workloads;
            path = path.replace("{name}", badId ? pick(BAD_IDS) : names.isEmpty() || random.nextInt(10) == 0 ? "unknown" : pick(names));
        }
        return path;
    }

    private String query(Operation op, Mutation mutation) {
        List<String> pairs = new ArrayList<>();
        List<Parameter> query = op.parameters().stream().filter(p -> p.in().equals("query")).toList();
        for (Parameter p : query) {
            if (p.required() || random.nextInt(3) == 0) {
                pairs.add(encode(p.name()) + "=" + encode(String.valueOf(value(p.schema(), p.name(), 0))));
            }
        }
        if (mutation == Mutation.QUERY_VALUE && !query.isEmpty()) {
            Parameter p = pick(query);
            Object bad = random.nextBoolean() ? pick(BOUNDARIES) : pick(EVIL_STRINGS).replace(LONE_SURROGATE, "%ED%A0%80");
            pairs.add(encode(p.name()) + "=" + (bad instanceof String s && s.startsWith("%ED") ? s : encode(String.valueOf(bad))));
        }
        if (mutation == Mutation.QUERY_RAW) {
            pairs.add(pick(RAW_QUERIES));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A value valid by the schema, as far as the fuzzer can tell (ids from the pools, names from the catalogues). */
    private Object value(Map<String, Object> declared, String field, int depth) {
        Map<String, Object> schema = api.resolve(declared);
        for (String choice : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.get(choice) instanceof List<?> alternatives && !alternatives.isEmpty()) {
                Map<String, Object> alternative = OpenApiOperations.map(alternatives.get(random.nextInt(alternatives.size())));
                return "null".equals(alternative.get("type")) ? null : value(alternative, field, depth);
            }
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, field, depth);
            case "integer" -> integer(schema, field);
            case "number" -> number(schema);
            case "boolean" -> random.nextBoolean();
            default -> string(schema, field);
        };
    }

    private Object object(Map<String, Object> schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth > 4) {
            return object;
        }
        List<?> required = schema.get("required") instanceof List<?> r ? r : List.of();
        Map<String, Object> properties = OpenApiOperations.map(schema.get("properties"));
        if (properties.containsKey("hostId") && properties.containsKey("hypervisorId") || properties.containsKey("hostId") && properties.containsKey("vmId")) {
            String one = pick(new ArrayList<>(properties.keySet()));
            object.put(one, value(OpenApiOperations.map(properties.get(one)), one, depth + 1));
            return object;
        }
        properties.forEach((name, property) -> {
            if (required.contains(name) || random.nextInt(3) == 0) {
                object.put(name, value(OpenApiOperations.map(property), name, depth + 1));
            }
        });
        if (schema.get("additionalProperties") instanceof Map<?, ?> && !pools.parameterNames.isEmpty()) {
            for (int i = random.nextInt(3); i > 0; i--) {
                object.put(pick(pools.parameterNames), Math.round(random.nextDouble() * 100) / 10.0);
            }
        }
        return object;
    }

    private Object array(Map<String, Object> schema, String field, int depth) {
        Map<String, Object> items = api.resolve(OpenApiOperations.map(schema.get("items")));
        List<Object> array = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            Object item = value(items, field, depth + 1);
            if (!Boolean.TRUE.equals(schema.get("uniqueItems")) || !array.contains(item)) {
                array.add(item);
            }
        }
        return array;
    }

    private Object integer(Map<String, Object> schema, String field) {
        long min = schema.get("minimum") instanceof Number n ? n.longValue() : 0;
        long max = schema.get("maximum") instanceof Number n ? n.longValue() : min + 20;
        if (field.equals("replications")) {
            max = min + 2;
        }
        long span = Math.min(max - min, 64);
        return min + (long) (random.nextDouble() * (span + 1));
    }

    private Object number(Map<String, Object> schema) {
        double min = schema.get("minimum") instanceof Number n ? n.doubleValue() : 0;
        double max = schema.get("maximum") instanceof Number n ? n.doubleValue() : min + 10;
        return Math.round((min + random.nextDouble() * (max - min)) * 100) / 100.0;
    }

    private Object string(Map<String, Object> schema, String field) {
        if ("uuid".equals(schema.get("format"))) {
            return switch (field) {
                case "hostId" -> pools.id("hosts", random);
                case "hypervisorId", "parentHypervisorId" -> pools.id("hypervisors", random);
                case "vmId" -> pools.id("vms", random);
                case "runId" -> pools.id("runs", random);
                default -> UUID.randomUUID().toString();
            };
        }
        return switch (field) {
            case "profile" -> pools.profiles.isEmpty() ? "asplos20-testbed" : pick(pools.profiles);
            case "workload" -> pools.workloads.isEmpty() ? "device-notify" : pick(pools.workloads);
            case "name" -> "fz-" + random.nextInt(1000);
            default -> "s" + random.nextInt(100);
        };
    }

    /** Replaces one value somewhere in the body (the body itself when it is not an object). */
    private Object replaceSomeValue(Object body, java.util.function.Supplier<Object> replacement) {
        List<Map<String, Object>> holders = holders(body);
        if (holders.isEmpty()) {
            return replacement.get();
        }
        Map<String, Object> holder = pick(holders);
        if (holder.isEmpty()) {
            holder.put("name", replacement.get());
        } else {
            holder.put(pick(new ArrayList<>(holder.keySet())), replacement.get());
        }
        return body;
    }

    private void dropSomeField(Object body) {
        List<Map<String, Object>> holders = holders(body).stream().filter(m -> !m.isEmpty()).toList();
        if (!holders.isEmpty()) {
            Map<String, Object> holder = pick(holders);
            holder.remove(pick(new ArrayList<>(holder.keySet())));
        }
    }

    private void addUnknownField(Object body) {
        List<Map<String, Object>> holders = holders(body);
        if (!holders.isEmpty()) {
            pick(holders).put(pick(List.of("unknown", "id", "version", "createdAt", "level", "status", "Name", "name ")), pick(WRONG_TYPES));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> holders(Object value) {
        List<Map<String, Object>> holders = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            holders.add((Map<String, Object>) map);
            map.values().forEach(v -> holders.addAll(holders(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> holders.addAll(holders(v)));
        }
        return holders;
    }

    private byte[] rawBody(Object body) {
        byte[] valid = body == null ? "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8) : json(body);
        return switch (random.nextInt(10)) {
            case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(Math.max(1, valid.length)));
            case 1 -> new byte[0];
            case 2 -> pick(List.of("null", "[]", "\"text\"", "42", "true", "{}", "{\"a\":1,\"a\":2}", "{,}", "{\"name\":}")).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 4 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"name\":\"x\",\"cores\":1" + "0".repeat(400) + "}").getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"name\":\"x\",\"clockGhz\":1e999999}").getBytes(StandardCharsets.UTF_8);
            case 7 -> randomBytes(1 + random.nextInt(200));
            case 8 -> ("{\"x\":" + "{\"y\":".repeat(3000) + "1" + "}".repeat(3001)).getBytes(StandardCharsets.UTF_8);
            default -> ("{\"name\":\"" + "z".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] json(Object body) {
        return JSON.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
    }

    private static String idIn(String path) {
        String[] segments = path.split("/");
        return segments.length > 4 ? segments[4] : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
