package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.machine.Sim;
import dev.nestsim.model.workload.results.Outcome;
import java.util.Map;

/** netperf TCP_STREAM or TCP_MAERTS ({@link StreamSim}); throughput in Mbit/s of goodput. */
public final class StreamModel implements WorkloadModel {

    private final boolean serverSends;

    public StreamModel(boolean serverSends) {
        this.serverSends = serverSends;
    }

    @Override
    public Outcome replicate(Platform platform, Map<String, Double> parameters, RandomStreams streams) {
        Sim sim = new Sim(platform, streams, ModelParameters.MAX_EVENTS_PER_REPLICATION,
                ModelParameters.hypervisorIrqVcpu(parameters));
        return new StreamSim(sim, serverSends, ModelParameters.integer(parameters, "sendBytes"))
                .run(parameters.get("warmupSeconds"), parameters.get("durationSeconds"));
    }

    @Override
    public boolean hasLatency() {
        return false;
    }
}
