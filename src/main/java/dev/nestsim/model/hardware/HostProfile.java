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
 */
public record HostProfile(String name, String title, String cpuModel, String microarchitecture,
                          int sockets, HostHardware hardware, String source) {

    public HostProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hardware, "hardware");
        if (sockets < 1 || hardware.cores() % sockets != 0) {
            throw new IllegalArgumentException("sockets must divide cores: " + sockets + " sockets, " + hardware.cores() + " cores");
        }
    }
}
