package dev.nestsim.model.workload;

import dev.nestsim.model.workload.apps.ModelParameters;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.results.LatencySummary;
import dev.nestsim.model.workload.results.Outcome;
import dev.nestsim.model.hardware.HostHardware;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A bounded memo of native replications, so that the configurations compared against the same native host with
 * the same seed simulate the native counterpart once. A replication is a pure function of its key, so whether a
 * value comes from here or is recomputed never changes a result. Parameters that only place a guest hypervisor's
 * work ({@link ApplicationWorkloads#HYPERVISOR_IRQ_VCPU}) are left out of the key: the bare host has no hypervisor,
 * so runs that differ only in them share their native replications. Each entry is an {@link Outcome}, which keeps a
 * {@link LatencySummary} rather than its samples: a few hundred bytes whatever the replication's length, so the
 * {@value #CAPACITY} entries stay under a megabyte. Thread-safe.
 */
final class NativeRuns {

    static final int CAPACITY = 512;

    private record Key(HostHardware hardware, int cpus, Map<String, Double> parameters, long seed, int replication) {
    }

    private final Map<Key, Outcome> memo = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Outcome> eldest) {
            return size() > CAPACITY;
        }
    };

    Outcome get(Platform platform, Map<String, Double> parameters, long seed, int replication, Supplier<Outcome> compute) {
        Map<String, Double> nativeParameters = new TreeMap<>(parameters);
        nativeParameters.remove(ModelParameters.HYPERVISOR_IRQ_VCPU);
        Key key = new Key(platform.path().host().hardware(), platform.cpus(), nativeParameters, seed, replication);
        synchronized (memo) {
            Outcome known = memo.get(key);
            if (known != null) {
                return known;
            }
        }
        Outcome computed = compute.get();
        synchronized (memo) {
            memo.putIfAbsent(key, computed);
        }
        return computed;
    }
}
