package dev.nestsim.runs;

import java.util.Map;
import java.util.UUID;

/**
 * A run to submit, as asked for; {@link RunService#submit} checks every field and reports every problem at once.
 *
 * @param vmId         the VM to run on, or {@code null}
 * @param hostId       the host to run on natively, or {@code null}; exactly one of the two
 * @param workload     a workload of the catalogue
 * @param parameters   values for some of its parameters, or {@code null}; the others take their defaults
 * @param replications independent replications, or {@code null} for {@value RunService#DEFAULT_REPLICATIONS} (or the workload's maximum, if lower)
 * @param seed         the seed, 0 to {@value RunService#MAX_SEED}, or {@code null} to have one chosen (and recorded)
 */
public record RunSpec(UUID vmId, UUID hostId, String workload, Map<String, Double> parameters, Integer replications, Long seed) {
}
