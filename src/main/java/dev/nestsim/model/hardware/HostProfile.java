package dev.nestsim.model.hardware;

import java.util.Objects;

/**
 * A named, real host configuration a user can provision from.
 *
 * @param name              stable identifier, for example {@code asplos20-testbed}
 * @param title             one line for people
 * @param cpuModel          the processor, for example "2 x Intel Xeon Silver 4114"
 * @param microarchitecture Intel's code name, for example "Skylake-SP"
 * @param sockets           processor sockets
 * @param hardware          cores, clock, memory, NIC and features
 * @param source            where the figures and the feature set come from
 * @param defaultKernel     the kernel generation a host of this profile runs at L0 unless it names one: the paper's
 *                          testbed runs Linux 4.18 as the paper did, every other profile a current kernel
 */
public record HostProfile(String name, String title, String cpuModel, String microarchitecture,
                          int sockets, HostHardware hardware, String source, KernelGeneration defaultKernel) {

    public HostProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(defaultKernel, "defaultKernel");
        if (sockets < 1 || hardware.cores() % sockets != 0) {
            throw new IllegalArgumentException("sockets must divide cores: " + sockets + " sockets, " + hardware.cores() + " cores");
        }
    }
}
