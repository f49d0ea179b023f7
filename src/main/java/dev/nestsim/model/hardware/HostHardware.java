package dev.nestsim.model.hardware;

import java.util.Objects;

/**
 * The hardware of a physical host.
 *
 * @param cores     physical cores in all sockets, 1 to 1024
 * @param clockGhz  base clock in GHz, 0.5 to 6; cycles convert to time at this rate
 * @param memoryGib memory in GiB, 1 to 65536
 * @param nic       the network interface
 * @param features  CPU and chipset virtualization features
 */
public record HostHardware(int cores, double clockGhz, int memoryGib, Nic nic, CpuFeatures features) {

    public static final int MAX_CORES = 1024;
    public static final int MAX_MEMORY_GIB = 65536;

    public HostHardware {
        if (cores < 1 || cores > MAX_CORES) {
            throw new IllegalArgumentException("cores must be between 1 and " + MAX_CORES + ", was " + cores);
        }
        if (!(clockGhz >= 0.5 && clockGhz <= 6.0)) {
            throw new IllegalArgumentException("clockGhz must be between 0.5 and 6, was " + clockGhz);
        }
        if (memoryGib < 1 || memoryGib > MAX_MEMORY_GIB) {
            throw new IllegalArgumentException("memoryGib must be between 1 and " + MAX_MEMORY_GIB + ", was " + memoryGib);
        }
        Objects.requireNonNull(nic, "nic");
        Objects.requireNonNull(features, "features");
    }

    /** Cycles per microsecond at the base clock. */
    public double cyclesPerMicrosecond() {
        return clockGhz * 1000.0;
    }
}
