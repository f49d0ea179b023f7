package dev.nestsim.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.Body;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API under requests generated from {@code openapi/openapi.yaml} and mutated ({@link RequestGenerator}), sent over a
 * socket to the running service, one at a time. Every answer: no 5xx; an error is {@code application/problem+json} with a
 * nestsim type and its own status; a refused request that would change state (any method but GET) stored nothing (the
 * {@link StoredState} after it equals the one before). The seed is random per run and printed with any failure; rerun one
 * with {@code -Dfuzz.seed=N}. On H2 ({@link ApiFuzzH2Test}) and, shorter, PostgreSQL ({@link ApiFuzzPostgresTest}).
 */
abstract class ApiFuzzContract {

    private static final int MAX_REPORTED = 40;
    /** Tomcat's default server.max-http-request-header-size. */
    private static final int MAX_HEAD_BYTES = 8 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ApiFuzzContract.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** How many requests one run sends. */
    abstract int requests();

    @Test
    void generatedAndMutatedRequestsNeverGetA5xxAlwaysGetAProblemAndChangeNothingWhenRefused() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Pools pools = seedPools();
        RequestGenerator generator = new RequestGenerator(OpenApiOperations.load(Path.of("openapi/openapi.yaml")), new Random(seed), pools);
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int refusedChanges = 0;
        StoredState state = StoredState.of(jdbc);
        state.versionsInto(pools.versions);
        for (int i = 0; i < requests(); i++) {
            if (replenish(pools)) {
                state = StoredState.of(jdbc);
                state.versionsInto(pools.versions);
            }
            FuzzRequest request = generator.next();
            RawHttp.Response response;
            try {
                response = RawHttp.send(port, request);
            } catch (RawHttp.ClosedMidRequest e) {
                if (e.headBytes() > MAX_HEAD_BYTES) {
                    // Tomcat refuses a head above server.max-http-request-header-size (8 KiB) with a 400 and closes at once (RFC 9112
                    // section 9.6 allows it); when it closes before the body is read, the reset can destroy the 400 in flight
                    statuses.merge(request.method() + " closed", 1, Integer::sum);
                } else {
                    failures.putIfAbsent("no answer " + request.operation() + " " + request.mutation(), request.describe() + ": " + e);
                }
                continue;
            } catch (IOException e) {
                failures.putIfAbsent("no answer " + request.operation() + " " + request.mutation(), request.describe() + ": " + e);
                continue;
            }
            statuses.merge(request.method() + " " + response.status(), 1, Integer::sum);
            String problem = problemOf(request, response);
            if (problem != null) {
                failures.putIfAbsent(response.status() + " " + request.operation() + " " + request.mutation(), problem + "\n    " + request.describe()
                        + "\n    answered " + response.status() + " " + response.contentType() + " " + clip(response.text()));
            }
            if (request.changesState()) {
                StoredState after = StoredState.of(jdbc);
                if (response.status() >= 400) {
                    refusedChanges++;
                    if (!after.equals(state)) {
                        failures.putIfAbsent("changed " + request.operation() + " " + request.mutation(), "a refused request changed what is stored: "
                                + after.differenceFrom(state) + "\n    " + request.describe() + "\n    answered " + response.status() + " " + clip(response.text()));
                    }
                } else {
                    learn(pools, request, response);
                }
                state = after;
                state.versionsInto(pools.versions);
            }
        }
        log.info("fuzz: seed {}, {} requests, {} refused changes, statuses {}", seed, requests(), refusedChanges, statuses);
        assertThat(failures).as(() -> "seed " + seed + " (-Dfuzz.seed=" + seed + "), statuses " + statuses + ", " + failures.size()
                + " kinds of failure:\n" + String.join("\n", failures.values().stream().limit(MAX_REPORTED).toList())).isEmpty();
        assertThat(refusedChanges).as("refused changes, statuses %s", statuses).isGreaterThan(requests() / 5);
        assertThat(statuses.entrySet().stream().filter(e -> e.getKey().matches("(POST|PUT|PATCH|DELETE) 2\\d\\d")).mapToInt(Map.Entry::getValue).sum())
                .as("accepted changes (the generator reaches past validation), statuses %s", statuses).isGreaterThan(requests() / 100);
    }

    /** Why the answer breaks the contract, or null. */
    private static String problemOf(FuzzRequest request, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "a " + response.status();
        }
        if (response.status() < 400) {
            return null;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "an error that is not application/problem+json";
        }
        if (request.method().equals("HEAD")) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != response.status() || !problem.path("type").asString("").startsWith("https://nestsim.dev/problems/")
                    || problem.path("title").asString("").isEmpty()) {
                return "a problem without its status, a nestsim type or a title";
            }
        } catch (RuntimeException notJson) {
            return "a problem that is not JSON: " + notJson.getMessage();
        }
        return null;
    }

    /** Remembers what an accepted request created or deleted. */
    private static void learn(Pools pools, FuzzRequest request, RawHttp.Response response) {
        String kind = Pools.kindOf(request.target());
        if ((response.status() == 201 || response.status() == 202) && request.method().equals("POST") && response.contentType().contains("json")) {
            try {
                JsonNode created = JSON.readTree(response.body());
                if (created.hasNonNull("id") && (request.target().startsWith("/api/v1/" + kind + "?") || request.target().equals("/api/v1/" + kind))) {
                    pools.add(kind, created.get("id").asString());
                }
            } catch (RuntimeException notJson) {
                // nothing to learn
            }
        }
        if (request.method().equals("DELETE") && response.status() == 204) {
            String[] segments = request.target().split("[/?]");
            if (segments.length > 4) {
                pools.remove(kind, segments[4]);
            }
        }
    }

    /** The catalogues' names, and a small topology to aim at ({@link #topology}). */
    private Pools seedPools() throws IOException {
        Pools pools = new Pools();
        JsonNode profiles = get("/api/v1/host-profiles");
        profiles.get("items").forEach(p -> pools.profiles.add(p.get("name").asString()));
        JsonNode workloads = get("/api/v1/workloads");
        workloads.get("items").forEach(w -> {
            pools.workloads.add(w.get("name").asString());
            w.path("parameters").forEach(p -> pools.parameterNames.add(p.get("name").asString()));
        });
        topology(pools);
        return pools;
    }

    /** When the fuzzer's deletes have emptied a pool, a new topology to aim at (not counted as a generated request); true then. */
    private boolean replenish(Pools pools) throws IOException {
        if (pools.ids.get("hosts").isEmpty() || pools.ids.get("hypervisors").isEmpty() || pools.ids.get("vms").size() < 2) {
            topology(pools);
            return true;
        }
        return false;
    }

    /** A DVH host, an L1 guest hypervisor providing every mechanism, VMs at L1 and L2, and a run on the L1 VM. */
    private void topology(Pools pools) throws IOException {
        String host = create(pools, "hosts", Body.aDvhHost("fz-host"));
        String hv = create(pools, "hypervisors", Body.aHypervisorOnHost("fz-l1", host).with("viommu", "STATIC").with("dvh", Body.ALL_DVH));
        create(pools, "vms", Body.aVmIn("fz-l2", hv));
        String vm = create(pools, "vms", Body.aVmOnHost("fz-l1vm", host));
        create(pools, "runs", Body.of("target", Body.of("vmId", vm), "workload", "device-notify", "replications", 1, "seed", 1));
    }

    private JsonNode get(String path) throws IOException {
        RawHttp.Response response = RawHttp.send(port, new FuzzRequest("seed", "none", "GET", path, Map.of("Accept", "application/json"), null));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String create(Pools pools, String kind, Body body) throws IOException {
        RawHttp.Response response = RawHttp.send(port, new FuzzRequest("seed", "none", "POST", "/api/v1/" + kind,
                Map.of("Content-Type", "application/json"), body.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.text()).isBetween(201, 202);
        String id = JSON.readTree(response.body()).get("id").asString();
        pools.add(kind, id);
        return id;
    }

    private static String clip(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
