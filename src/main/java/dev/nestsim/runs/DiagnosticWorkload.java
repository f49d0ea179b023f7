package dev.nestsim.runs;

import dev.nestsim.model.topology.Path;
import dev.nestsim.model.workload.CancelledException;
import dev.nestsim.model.workload.Estimate;
import dev.nestsim.model.workload.Metric;
import dev.nestsim.model.workload.RunMonitor;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.WorkloadParameter;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic workload, in the catalogue only when {@code nestsim.runs.diagnostic-workload=true}: it simulates
 * nothing, it waits {@code millisPerReplication} per replication (checking cancellation between them), so that
 * tests and demonstrations can hold a run RUNNING, kill the service under it, cancel it or shut down around it.
 * Its result is a function of the seed, the level and the parameters only, like every workload's.
 */
final class DiagnosticWorkload implements WorkloadRunner {

    static final String NAME = "diagnostic-sleep";
    static final WorkloadParameter MILLIS = WorkloadParameter.real("millisPerReplication", "ms",
            "How long each replication waits", 100, 0, 5000);

    private static final WorkloadDescriptor DESCRIPTOR = new WorkloadDescriptor(NAME, WorkloadKind.APPLICATION,
            "Diagnostic, off by default (nestsim.runs.diagnostic-workload): waits millisPerReplication per replication and reports a "
                    + "value derived from the seed; for tests of cancellation, crashes and shutdown",
            "checksum", "1", true, List.of(MILLIS), 1000);

    @Override
    public WorkloadDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public WorkloadResult run(Path path, Map<String, Double> parameters, long seed, int replications, RunMonitor monitor) {
        Map<String, Double> all = Workloads.withDefaults(DESCRIPTOR, parameters);
        long millis = Math.round(all.get(MILLIS.name()));
        for (int done = 0; done < replications; done++) {
            if (monitor.cancelled()) {
                throw new CancelledException(done);
            }
            pause(millis, done);
            monitor.replicationDone(done + 1, replications);
        }
        Metric checksum = new Metric("checksum", "1", null, Estimate.exact((seed % 1000) + path.level() / 10.0 + millis / 1e4, replications));
        Metric wait = new Metric("wait", "ms/replication", path.level(), Estimate.exact(millis, replications));
        return new WorkloadResult(NAME, path.level(), all, seed, replications, checksum, Estimate.exact(1.0, replications),
                List.of(checksum, wait));
    }

    private static void pause(long millis, int done) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(done);
        }
    }
}
