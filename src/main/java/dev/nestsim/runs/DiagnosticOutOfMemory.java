package dev.nestsim.runs;

import dev.nestsim.model.topology.Path;
import dev.nestsim.model.workload.RunMonitor;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.WorkloadRunner;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic workload, in the catalogue only when {@code nestsim.runs.diagnostic-workload=true}: its first replication
 * fails as a simulation that exhausted the heap does, with an {@link OutOfMemoryError} (thrown, not provoked, so that
 * nothing else in the JVM runs short), for the tests of what a run that runs out of memory becomes.
 */
final class DiagnosticOutOfMemory implements WorkloadRunner {

    static final String NAME = "diagnostic-out-of-memory";

    private static final WorkloadDescriptor DESCRIPTOR = new WorkloadDescriptor(NAME, WorkloadKind.APPLICATION,
            "Diagnostic, off by default (nestsim.runs.diagnostic-workload): its first replication fails with OutOfMemoryError, as a "
                    + "simulation that exhausts the heap does; for tests of that failure",
            "checksum", "1", true, List.of(), 10);

    @Override
    public WorkloadDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public WorkloadResult run(Path path, Map<String, Double> parameters, long seed, int replications, RunMonitor monitor) {
        throw new OutOfMemoryError("Java heap space");
    }
}
