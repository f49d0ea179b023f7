package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.results.Outcome;
import java.util.Map;

/** {@code hackbench <groups> process <loops>} ({@link HackbenchSim}); its completion time is the primary metric. */
public final class HackbenchModel implements WorkloadModel {

    @Override
    public Outcome replicate(Platform platform, Map<String, Double> parameters, RandomStreams streams) {
        Sim sim = new Sim(platform, streams, ModelParameters.MAX_EVENTS_PER_REPLICATION);
        return new HackbenchSim(sim, ModelParameters.integer(parameters, "groups"))
                .run(parameters.get("warmupSeconds"), parameters.get("durationSeconds"));
    }

    /** Every sender sends {@code loops} messages to each of its group's 20 receivers. */
    @Override
    public double totalUnits(Map<String, Double> parameters) {
        return parameters.get("groups") * (HackbenchSim.TASKS_PER_GROUP / 2.0) * HackbenchSim.MESSAGES_PER_SENDER_LOOP
                * parameters.get("loops");
    }

    @Override
    public boolean hasLatency() {
        return false;
    }
}
