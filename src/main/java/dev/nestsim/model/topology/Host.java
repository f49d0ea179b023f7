package dev.nestsim.model.topology;

import dev.nestsim.model.hardware.HostHardware;
import java.util.Objects;

/**
 * A physical host and its host hypervisor, L0.
 *
 * @param name     the user's name for it, used in explanations and errors
 * @param hardware cores, clock, memory, NIC, features
 * @param l0       the host hypervisor's settings ({@code dvh}: the mechanisms L0 supports)
 */
public record Host(String name, HostHardware hardware, HypervisorSettings l0) {

    public Host {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(l0, "l0");
    }
}
