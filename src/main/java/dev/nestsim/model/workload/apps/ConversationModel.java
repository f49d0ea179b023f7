package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.results.Outcome;
import java.util.Map;
import java.util.function.Function;

/** A request/response workload ({@link ConversationSim}) with the profile its parameters give. */
public final class ConversationModel implements WorkloadModel {

    private final Function<Map<String, Double>, ConversationProfile> profile;
    private final String totalParameter;

    /** @param totalParameter the parameter holding the run's total units for a completion-time workload, or {@code null} */
    public ConversationModel(Function<Map<String, Double>, ConversationProfile> profile, String totalParameter) {
        this.profile = profile;
        this.totalParameter = totalParameter;
    }

    /** The simulated time a replication measured by units may take at most. */
    static final double MAX_SIMULATED_SECONDS = 600;

    @Override
    public Outcome replicate(Platform platform, Map<String, Double> parameters, RandomStreams streams) {
        Sim sim = new Sim(platform, streams, ModelParameters.MAX_EVENTS_PER_REPLICATION,
                ModelParameters.hypervisorIrqVcpu(parameters));
        ConversationSim simulation = new ConversationSim(sim, profile.apply(parameters));
        if (parameters.containsKey("measuredTransactions")) {
            return simulation.runByUnits(parameters.get("warmupTransactions"), parameters.get("measuredTransactions"),
                    MAX_SIMULATED_SECONDS);
        }
        return simulation.run(parameters.get("warmupSeconds"), parameters.get("durationSeconds"));
    }

    @Override
    public double totalUnits(Map<String, Double> parameters) {
        return totalParameter == null ? 0 : parameters.get(totalParameter);
    }
}
