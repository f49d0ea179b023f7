package dev.nestsim.model.topology;

import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.hardware.HostHardware;
import java.util.Objects;

/**
 * A physical host and its host hypervisor, L0.
 *
 * @param name       the user's name for it, used in explanations and errors
 * @param hardware   cores, clock, memory, NIC, features
 * @param l0         the host hypervisor's settings ({@code dvh}: the mechanisms L0 supports; {@code kernel}: its
 *                   generation, {@link HypervisorSettings#DEFAULT_KERNEL} when it names none)
 * @param onlineCpus the CPUs L0 brings online (its {@code maxcpus} boot option), 1 to {@code hardware.cores()}: the
 *                   NIC's receive queues, L0's interrupts and its I/O threads share them with the vCPUs
 */
public record Host(String name, HostHardware hardware, HypervisorSettings l0, int onlineCpus) {

    public Host {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(l0, "l0");
        if (onlineCpus < 1 || onlineCpus > hardware.cores()) {
            throw new IllegalArgumentException("onlineCpus must be between 1 and the host's " + hardware.cores()
                    + " cores, was " + onlineCpus);
        }
        if (l0.kernel() == null) {
            l0 = l0.withKernel(HypervisorSettings.DEFAULT_KERNEL);
        }
    }

    /** A host with every core online. */
    public Host(String name, HostHardware hardware, HypervisorSettings l0) {
        this(name, hardware, l0, hardware.cores());
    }

    /** The generation L0 runs. */
    public KernelGeneration kernel() {
        return l0.kernel();
    }

    /** The same host with {@code cpus} CPUs online. */
    public Host withOnlineCpus(int cpus) {
        return new Host(name, hardware, l0, cpus);
    }
}
