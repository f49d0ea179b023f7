package dev.nestsim.fuzz;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What requests store, read straight from the database: every host, guest hypervisor and VM with its version, every run
 * with what a request may change of it (its cancellation; status and progress move on their own as runs execute), the
 * paths runs hold and the remembered {@code Idempotency-Key}s. Two equal states: no request changed anything. The runs an
 * accepted experiment feeds into the queue on its own, as room frees up (each inserted with its cell's {@code run_id} in
 * one transaction), are the experiment's doing, not the request's: they and their paths are left out, while the
 * experiments themselves are compared like the other resources.
 */
record StoredState(List<Map<String, Object>> hosts, List<Map<String, Object>> hypervisors, List<Map<String, Object>> vms,
                   List<Map<String, Object>> runs, long runResources, List<Map<String, Object>> experiments,
                   List<Map<String, Object>> idempotencyKeys) {

    private static final String NOT_FED = " NOT IN (SELECT run_id FROM experiment_cells WHERE run_id IS NOT NULL)";

    static StoredState of(JdbcTemplate jdbc) {
        return new StoredState(jdbc.queryForList("SELECT id, version FROM hosts ORDER BY id"),
                jdbc.queryForList("SELECT id, version FROM hypervisors ORDER BY id"),
                jdbc.queryForList("SELECT id, version FROM vms ORDER BY id"),
                jdbc.queryForList("SELECT id, cancel_requested FROM runs WHERE id" + NOT_FED + " ORDER BY id"),
                jdbc.queryForObject("SELECT COUNT(*) FROM run_resources WHERE run_id" + NOT_FED, Long.class),
                jdbc.queryForList("SELECT id FROM experiments ORDER BY id"),
                jdbc.queryForList("SELECT idempotency_key FROM idempotency_keys ORDER BY idempotency_key"));
    }

    /** The versions of hosts, guest hypervisors and VMs by id, for {@code If-Match}. */
    void versionsInto(Map<String, Long> versions) {
        versions.clear();
        for (List<Map<String, Object>> rows : List.of(hosts, hypervisors, vms)) {
            rows.forEach(row -> versions.put(String.valueOf(row.get("id")), ((Number) row.get("version")).longValue()));
        }
    }

    /** What differs from {@code other}, in a few words. */
    String differenceFrom(StoredState other) {
        StringBuilder diff = new StringBuilder();
        compare("hosts", hosts, other.hosts, diff);
        compare("hypervisors", hypervisors, other.hypervisors, diff);
        compare("vms", vms, other.vms, diff);
        compare("runs", runs, other.runs, diff);
        compare("experiments", experiments, other.experiments, diff);
        compare("idempotency keys", idempotencyKeys, other.idempotencyKeys, diff);
        if (runResources != other.runResources) {
            diff.append("run_resources ").append(other.runResources).append(" -> ").append(runResources).append("; ");
        }
        return diff.toString();
    }

    private static void compare(String what, List<Map<String, Object>> now, List<Map<String, Object>> before, StringBuilder diff) {
        if (!now.equals(before)) {
            diff.append(what).append(": ").append(before.size()).append(" rows -> ").append(now.size()).append(" rows; ");
        }
    }
}
