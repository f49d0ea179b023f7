package dev.nestsim.experiments;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An experiment to create, as asked for; {@link ExperimentService#create} checks every field and reports every problem
 * at once.
 *
 * @param name         what to call it; {@code null} for a preset's name
 * @param preset       a preset of {@link Presets}, or {@code null} for the configurations and workloads given here
 * @param targets      the configurations: existing VMs or hosts
 * @param workloads    the workloads, each run on every configuration
 * @param replications replications of every cell, or {@code null} for the default
 * @param seed         the seed of every cell's run, or {@code null} to have one chosen (and recorded)
 */
public record ExperimentSpec(String name, String preset, List<TargetSpec> targets, List<WorkloadSpec> workloads, Integer replications,
                             Long seed) {

    /**
     * One configuration: exactly one of a VM and a host.
     *
     * @param name   its name in the results; {@code null} for the VM's or host's name
     * @param vmId   a VM to run in
     * @param hostId a host to run on natively
     */
    public record TargetSpec(String name, UUID vmId, UUID hostId) {
    }

    /**
     * One workload with its parameters.
     *
     * @param workload   a workload of the catalogue
     * @param parameters values for some of its parameters, or {@code null}
     */
    public record WorkloadSpec(String workload, Map<String, Double> parameters) {
    }
}
