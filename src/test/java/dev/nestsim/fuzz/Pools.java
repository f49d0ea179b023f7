package dev.nestsim.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the fuzzer knows of the service's state, to aim past the first checks: the ids of the hosts, guest hypervisors,
 * VMs and runs it created (minus those it deleted), their versions (for {@code If-Match}), the catalogue's profile and
 * workload names and the workloads' parameter names, and the {@code Idempotency-Key}s it used.
 */
final class Pools {

    final Map<String, List<String>> ids = new HashMap<>();
    final Map<String, Long> versions = new HashMap<>();
    final List<String> profiles = new ArrayList<>();
    final List<String> workloads = new ArrayList<>();
    final List<String> parameterNames = new ArrayList<>();
    final List<String> usedKeys = new ArrayList<>();

    Pools() {
        for (String kind : List.of("hosts", "hypervisors", "vms", "runs")) {
            ids.put(kind, new ArrayList<>());
        }
    }

    void add(String kind, String id) {
        List<String> known = ids.get(kind);
        if (known != null && !known.contains(id)) {
            known.add(id);
        }
    }

    void remove(String kind, String id) {
        List<String> known = ids.get(kind);
        if (known != null) {
            known.remove(id);
        }
    }

    /** A known id of the kind, or a fresh random UUID when none is known. */
    String id(String kind, Random random) {
        List<String> known = ids.getOrDefault(kind, List.of());
        return known.isEmpty() ? new java.util.UUID(random.nextLong(), random.nextLong()).toString() : known.get(random.nextInt(known.size()));
    }

    /** The kind of resource a path's {@code {id}} names: its first segment after {@code /api/v1/}. */
    static String kindOf(String path) {
        String rest = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length()) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
