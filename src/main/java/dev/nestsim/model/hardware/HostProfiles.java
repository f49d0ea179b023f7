package dev.nestsim.model.hardware;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of host profiles: the paper's testbed and other real Intel server generations with
 * their true virtualization feature sets. Feature availability by generation: VMCS shadowing from
 * Haswell; APICv with posted interrupts from Ivy Bridge-EP; VT-d posted interrupts from Broadwell-EP
 * (Intel VT-d specification rev. 2.3 and Linux {@code intel_irq_remapping} capability checks); the
 * VMX preemption timer, EPT and VT-d from Nehalem/Westmere; the TSC-deadline timer from Sandy Bridge.
 *
 * <p>The testbed runs Linux 4.18 at L0 unless a host names another kernel, as the paper ran it; the other
 * profiles a current kernel, Linux 5.10.
 */
public final class HostProfiles {

    /** The DVH paper's server (ASPLOS 2020, public artifact {@code columbia/dvh-asplos-ae}). */
    public static final HostProfile ASPLOS20_TESTBED = new HostProfile(
            "asplos20-testbed",
            "The DVH paper's testbed: 2 x Xeon Silver 4114, 192 GB, Intel X520 10 GbE with SR-IOV",
            "2 x Intel Xeon Silver 4114", "Skylake-SP", 2,
            new HostHardware(20, 2.2, 192, new Nic(10, 63), CpuFeatures.ALL),
            "Lim and Nieh, Optimizing Nested Virtualization Performance Using Direct Virtual Hardware, ASPLOS 2020, "
                    + "and its artifact github.com/columbia/dvh-asplos-ae (2 x Xeon Silver 4114, 10 cores each at 2.2 GHz, "
                    + "192 GB DDR4-2666, Intel X520 10 GbE: 82599, up to 63 VFs per port); features: Intel ARK, Xeon Silver 4114",
            KernelGeneration.LINUX_4_18);

    /** A Sandy Bridge-EN server as used by Dall et al. (ISCA 2016): no APICv, no VMCS shadowing. */
    public static final HostProfile SANDY_BRIDGE_E5_2450 = new HostProfile(
            "sandy-bridge-e5-2450",
            "Intel Xeon E5-2450 (Sandy Bridge-EN), 8 cores at 2.1 GHz: no APICv, no posted interrupts, no VMCS shadowing",
            "Intel Xeon E5-2450", "Sandy Bridge-EN", 1,
            new HostHardware(8, 2.1, 16, new Nic(10, 63),
                    new CpuFeatures(false, false, false, false, true, true, true, true)),
            "Dall et al., ARM Virtualization: Performance and Architectural Implications, ISCA 2016 (x86 server: Xeon E5-2450, "
                    + "8 cores at 2.1 GHz, 16 GB, 10 GbE); features: Intel ARK E5-2450 (VT-x with EPT, VT-d); "
                    + "VMCS shadowing arrived with Haswell and APICv with Ivy Bridge-EP",
            KernelGeneration.LINUX_5_10);

    /** A Haswell-EP server: VMCS shadowing, but APICv without posted interrupts from VT-d. */
    public static final HostProfile HASWELL_E5_2660V3 = new HostProfile(
            "haswell-e5-2660v3",
            "2 x Intel Xeon E5-2660 v3 (Haswell-EP), 20 cores at 2.6 GHz: VMCS shadowing and APICv, no VT-d posted interrupts",
            "2 x Intel Xeon E5-2660 v3", "Haswell-EP", 2,
            new HostHardware(20, 2.6, 128, new Nic(10, 63),
                    new CpuFeatures(true, true, true, false, true, true, true, true)),
            "Intel ARK, Xeon E5-2660 v3 (10 cores, 2.6 GHz, VT-x with EPT, VT-d); VT-d posted interrupts need Broadwell-EP "
                    + "or later (Intel VT-d specification 2.3; Linux commit 'iommu/vt-d: Add capability check for posted interrupts')",
            KernelGeneration.LINUX_5_10);

    /** A current Sapphire Rapids server. */
    public static final HostProfile SAPPHIRE_RAPIDS_8480 = new HostProfile(
            "sapphire-rapids-8480",
            "2 x Intel Xeon Platinum 8480+ (Sapphire Rapids), 112 cores at 2.0 GHz, 512 GB, 100 GbE E810 with SR-IOV",
            "2 x Intel Xeon Platinum 8480+", "Sapphire Rapids", 2,
            new HostHardware(112, 2.0, 512, new Nic(100, 256), CpuFeatures.ALL),
            "Intel ARK, Xeon Platinum 8480+ (56 cores, 2.0 GHz base, VT-x with EPT, VMCS shadowing, APICv, VT-d with posted "
                    + "interrupts); Intel Ethernet E810 datasheet (up to 256 VFs). Its IPI virtualization is not modelled",
            KernelGeneration.LINUX_5_10);

    private static final List<HostProfile> ALL = List.of(
            ASPLOS20_TESTBED, SANDY_BRIDGE_E5_2450, HASWELL_E5_2660V3, SAPPHIRE_RAPIDS_8480);

    private HostProfiles() {
    }

    /** Every profile, in a stable order (the testbed first). */
    public static List<HostProfile> all() {
        return ALL;
    }

    public static Optional<HostProfile> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
