package dev.nestsim.model.hardware;

import java.util.Optional;

/**
 * The Linux/KVM generation a hypervisor level runs (docs/model.md section 4.1). What a nested exit costs depends on it
 * far more than on the CPU: each generation is its own set of mechanisms in the exit cascade
 * ({@code dev.nestsim.model.exits.KvmGeneration}), never a scale factor.
 *
 * <p>A guest hypervisor that names no generation runs its parent's ({@code Path.kernel}).
 */
public enum KernelGeneration {
    /**
     * Linux 4.18, the DVH paper's kernel at every level (artifact branch {@code v4.18-base}): an IBPB and a full
     * vCPU put/load on every VMCS switch, an MMU reset with INVEPT on every nested transition, eager 52-field sync of
     * vmcs12, pin-based controls outside the shadow VMCS, no exit fastpaths.
     */
    LINUX_4_18("linux-4.18", "Linux 4.18 (the DVH paper's kernel): eager nested VMX transitions, IBPB on every VMCS switch, no exit fastpaths"),
    /**
     * Linux 5.3, after the 2019 nested VMX optimizations (Bonzini, "[PATCH 00/43] VMX optimizations"; Kuznetsov's MMU
     * switch series in 4.20): no vCPU put/load or MMU re-initialisation on VMCS switches, lazy vmcs12 sync, pin-based
     * controls shadowed; the IBPB on each VMCS switch is still there, and there are no exit fastpaths yet.
     */
    LINUX_5_3("linux-5.3", "Linux 5.3: the 2019 nested VMX optimizations, IBPB still on every VMCS switch, no exit fastpaths"),
    /**
     * Linux 5.10: no IBPB between vmcs01 and vmcs02 (commit 5c911beff20a, 2020), the WRMSR exit fastpaths for
     * TSC_DEADLINE and the x2APIC ICR (5.6 to 5.8), and everything 5.3 has.
     */
    LINUX_5_10("linux-5.10", "Linux 5.10: no IBPB between vmcs01 and vmcs02, WRMSR exit fastpaths, the 5.3 nested optimizations");

    private final String apiName;
    private final String description;

    KernelGeneration(String apiName, String description) {
        this.apiName = apiName;
        this.description = description;
    }

    /** The name users pass and see, for example {@code linux-4.18}. */
    public String apiName() {
        return apiName;
    }

    public String description() {
        return description;
    }

    /** The generation named {@code name} ({@code linux-4.18}, {@code linux-5.3}, {@code linux-5.10}). */
    public static Optional<KernelGeneration> byApiName(String name) {
        for (KernelGeneration k : values()) {
            if (k.apiName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The allowed names, comma-separated, for error messages. */
    public static String allowedNames() {
        StringBuilder sb = new StringBuilder();
        for (KernelGeneration k : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.apiName);
        }
        return sb.toString();
    }
}
