package dev.nestsim.model.workload;

import java.util.List;
import java.util.Objects;

/**
 * A workload in the catalogue: what it is, what it reports and which parameters it takes.
 *
 * @param name            the name users pass ({@code memcached}, {@code netperf-tcp-rr}, {@code device-notify})
 * @param kind            microbenchmark or application
 * @param description     what it runs, as in the paper's artifact
 * @param primaryMetric   the metric normalised to native ({@code cycles}, {@code throughput}, {@code completionTime})
 * @param primaryUnit     its unit
 * @param higherIsBetter  true for throughput, false for cycles or completion time
 * @param parameters      the parameters it accepts
 * @param maxReplications the most replications a run may ask for
 */
public record WorkloadDescriptor(String name, WorkloadKind kind, String description, String primaryMetric,
                                 String primaryUnit, boolean higherIsBetter, List<WorkloadParameter> parameters,
                                 int maxReplications) {

    public WorkloadDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        parameters = List.copyOf(parameters);
        if (maxReplications < 1) {
            throw new IllegalArgumentException("maxReplications must be at least 1");
        }
    }
}
