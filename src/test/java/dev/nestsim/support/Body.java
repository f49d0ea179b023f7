package dev.nestsim.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A JSON object for a request body, built field by field; {@link #toString()} is its JSON. */
public final class Body {

    public static final List<String> ALL_DVH = List.of("VIRTUAL_PASSTHROUGH", "VIRTUAL_TIMER", "VIRTUAL_IPI", "VIRTUAL_IDLE");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Body() {
    }

    public static Body of(Object... namesAndValues) {
        Body body = new Body();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    /** A copy with {@code name} set to {@code value} ({@code null} writes a JSON null). */
    public Body with(String name, Object value) {
        Body copy = new Body();
        copy.fields.putAll(fields);
        copy.fields.put(name, value);
        return copy;
    }

    /** A copy without {@code name}. */
    public Body without(String name) {
        Body copy = new Body();
        copy.fields.putAll(fields);
        copy.fields.remove(name);
        return copy;
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        fields.forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    /** A value as Jackson writes it: a body as its map, a list with its bodies as maps. */
    private static Object plain(Object v) {
        if (v instanceof Body b) {
            return b.asMap();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(e -> e == null ? null : plain(e)).toList();
        }
        return v;
    }

    @Override
    public String toString() {
        return JSON.writeValueAsString(asMap());
    }

    // Fixtures: the paper's sizes (leaf 4 vCPUs / 12 GiB, its parent 6 / 24, above 8 / 36) unless a test says otherwise.

    public static Body aHost(String name) {
        return of("name", name, "profile", "asplos20-testbed");
    }

    public static Body aDvhHost(String name) {
        return aHost(name).with("dvh", ALL_DVH);
    }

    public static Body aHypervisorOnHost(String name, String hostId) {
        return of("name", name, "parent", of("hostId", hostId), "vcpus", 8, "memoryGib", 36);
    }

    public static Body aHypervisorIn(String name, String hypervisorId) {
        return of("name", name, "parent", of("hypervisorId", hypervisorId), "vcpus", 6, "memoryGib", 24);
    }

    public static Body aVmOnHost(String name, String hostId) {
        return of("name", name, "parent", of("hostId", hostId), "vcpus", 4, "memoryGib", 12);
    }

    public static Body aVmIn(String name, String hypervisorId) {
        return of("name", name, "parent", of("hypervisorId", hypervisorId), "vcpus", 4, "memoryGib", 12);
    }
}
