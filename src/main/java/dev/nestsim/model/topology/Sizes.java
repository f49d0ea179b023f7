package dev.nestsim.model.topology;

/** Bounds on the sizes of VMs and guest hypervisors, for validation at the edges too. */
public final class Sizes {

    public static final int MAX_VCPUS = 1024;
    public static final int MAX_MEMORY_GIB = 65536;

    private Sizes() {
    }

    static void checkVcpus(int vcpus) {
        if (vcpus < 1 || vcpus > MAX_VCPUS) {
            throw new IllegalArgumentException("vcpus must be between 1 and " + MAX_VCPUS + ", was " + vcpus);
        }
    }

    static void checkMemoryGib(int memoryGib) {
        if (memoryGib < 1 || memoryGib > MAX_MEMORY_GIB) {
            throw new IllegalArgumentException("memoryGib must be between 1 and " + MAX_MEMORY_GIB + ", was " + memoryGib);
        }
    }
}
