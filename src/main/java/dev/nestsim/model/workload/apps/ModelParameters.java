package dev.nestsim.model.workload.apps;

import dev.nestsim.model.workload.machine.Sim;
import java.util.Map;

/**
 * What every simulated application reads from its validated, defaulted parameters beside its own: the event budget of
 * a replication, and where each guest hypervisor takes its device's interrupts.
 */
public final class ModelParameters {

    /** A replication stops at this many simulated events, a guard far above any permitted run's need. */
    public static final long MAX_EVENTS_PER_REPLICATION = 40_000_000;

    /** The parameter that says where each guest hypervisor takes its device's interrupts. */
    public static final String HYPERVISOR_IRQ_VCPU = "hypervisorIrqVcpu";

    private ModelParameters() {
    }

    /** {@link #HYPERVISOR_IRQ_VCPU}'s value, or a spare vCPU for a workload without it. */
    public static int hypervisorIrqVcpu(Map<String, Double> parameters) {
        Double value = parameters.get(HYPERVISOR_IRQ_VCPU);
        return value == null ? Sim.SPARE_VCPU : (int) Math.round(value);
    }

    /** A whole-number parameter's value. */
    public static int integer(Map<String, Double> parameters, String name) {
        return (int) Math.round(parameters.get(name));
    }
}
