package dev.nestsim.model.hardware;

/**
 * A host's network interface.
 *
 * @param gbps     line rate in Gbit/s, 0.1 to 800
 * @param sriovVfs SR-IOV virtual functions available for passthrough, 0 to 1024 (0: no SR-IOV)
 */
public record Nic(double gbps, int sriovVfs) {

    public Nic {
        if (!(gbps >= 0.1 && gbps <= 800)) {
            throw new IllegalArgumentException("nic.gbps must be between 0.1 and 800, was " + gbps);
        }
        if (sriovVfs < 0 || sriovVfs > 1024) {
            throw new IllegalArgumentException("nic.sriovVfs must be between 0 and 1024, was " + sriovVfs);
        }
    }
}
