package dev.nestsim.model.workload;

import dev.nestsim.model.workload.apps.WorkloadModel;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.results.Outcome;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An application workload run as a discrete-event simulation (docs/workloads.md): independent replications on
 * the leaf's path, each with its native counterpart (the same workload on the bare host with as many CPUs as the
 * leaf has vCPUs) driven by the same random numbers, summarised as estimates with 95% confidence intervals.
 * Immutable apart from a memo of native replications that never changes a result; safe to share between threads.
 */
final class SimulatedWorkload implements WorkloadRunner {


    private final WorkloadDescriptor descriptor;
    private final CascadeEngine engine;
    private final WorkloadModel model;
    private final NativeRuns natives = new NativeRuns();

    SimulatedWorkload(WorkloadDescriptor descriptor, CascadeEngine engine, WorkloadModel model) {
        this.descriptor = descriptor;
        this.engine = engine;
        this.model = model;
    }

    @Override
    public WorkloadDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @throws IllegalArgumentException when the path ends at a hypervisor without a VM, or {@code replications} is
     *                                  outside 1 to the descriptor's maximum
     */
    @Override
    public WorkloadResult run(Path path, Map<String, Double> parameters, long seed, int replications, RunMonitor monitor) {
        if (replications < 1 || replications > descriptor.maxReplications()) {
            throw new IllegalArgumentException("replications must be between 1 and " + descriptor.maxReplications()
                    + " for " + descriptor.name() + ", was " + replications);
        }
        Platform platform = Platform.of(engine, path);
        Platform nativeHost = path.isNative() ? platform : Platform.nativeHost(engine, path.host(), platform.cpus());
        Map<String, Double> values = Workloads.withDefaults(descriptor, parameters);
        List<Outcome> outcomes = new ArrayList<>(replications);
        List<Outcome> nativeOutcomes = new ArrayList<>(replications);
        for (int r = 0; r < replications; r++) {
            if (monitor.cancelled()) {
                throw new CancelledException(r);
            }
            int replication = r;
            Outcome nativeOutcome = natives.get(nativeHost, values, seed, r,
                    () -> model.replicate(nativeHost, values, new RandomStreams(seed, replication)));
            Outcome outcome = path.isNative() ? nativeOutcome : model.replicate(platform, values, new RandomStreams(seed, r));
            outcomes.add(outcome);
            nativeOutcomes.add(nativeOutcome);
            monitor.replicationDone(r + 1, replications);
            monitor.eventsSimulated(outcome.events());
        }
        return Summary.of(descriptor, model, path.level(), values, seed, outcomes, nativeOutcomes);
    }

    WorkloadModel model() {
        return model;
    }
}
