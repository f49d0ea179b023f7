package dev.nestsim.model.topology;

import dev.nestsim.model.hardware.KernelGeneration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The chain host -> guest hypervisors -> leaf (docs/model.md section 1). All costs depend only on the path.
 *
 * <p>Level 0 is the host and its hypervisor L0; {@code hypervisors.get(k - 1)} is the guest hypervisor at
 * level k; the leaf, when present, is at level {@code hypervisors.size() + 1}. A path without a leaf ends
 * at its top hypervisor (used to validate a new guest hypervisor); a path with neither is the bare host,
 * where a workload runs natively.
 *
 * @param host        the physical host and L0
 * @param hypervisors the guest hypervisors, L1 first
 * @param leaf        the leaf VM, or {@code null} when the path ends at a hypervisor or is native
 */
public record Path(Host host, List<GuestHypervisor> hypervisors, LeafVm leaf) {

    /** No path is deeper than this, whatever a deployment configures. */
    public static final int HARD_MAX_DEPTH = 8;

    public Path {
        Objects.requireNonNull(host, "host");
        hypervisors = List.copyOf(hypervisors);
        int level = leaf == null ? hypervisors.size() : hypervisors.size() + 1;
        if (level > HARD_MAX_DEPTH) {
            throw new IllegalArgumentException("a path is at most " + HARD_MAX_DEPTH + " levels deep, this one reaches L" + level);
        }
    }

    public static Path nativeHost(Host host) {
        return new Path(host, List.of(), null);
    }

    public static Path toHypervisor(Host host, List<GuestHypervisor> hypervisors) {
        return new Path(host, hypervisors, null);
    }

    public static Path toLeaf(Host host, List<GuestHypervisor> hypervisors, LeafVm leaf) {
        return new Path(host, hypervisors, Objects.requireNonNull(leaf, "leaf"));
    }

    /** The level of the leaf, or of the top hypervisor when there is no leaf; 0 for the bare host. */
    public int level() {
        return leaf == null ? hypervisors.size() : hypervisors.size() + 1;
    }

    public boolean hasLeaf() {
        return leaf != null;
    }

    /** True when the workload runs on the bare host. */
    public boolean isNative() {
        return leaf == null && hypervisors.isEmpty();
    }

    /** The settings of the hypervisor at {@code level}: 0 for L0, 1 to {@code hypervisors.size()} for guest hypervisors. */
    public HypervisorSettings hypervisorSettings(int level) {
        if (level == 0) {
            return host.l0();
        }
        return hypervisors.get(level - 1).settings();
    }

    /** The guest hypervisor at {@code level} (1 to {@code hypervisors.size()}). */
    public GuestHypervisor hypervisor(int level) {
        return hypervisors.get(level - 1);
    }

    /**
     * The kernel generation of hypervisor level {@code level} (0 for L0, 1 to {@code hypervisors.size()}): its own,
     * or, for a guest hypervisor that names none, its parent's, down to L0's.
     */
    public KernelGeneration kernel(int level) {
        if (level < 0 || level > hypervisors.size()) {
            throw new IllegalArgumentException("level " + level + " is not a hypervisor level of this path (0 to "
                    + hypervisors.size() + ")");
        }
        for (int k = level; k >= 1; k--) {
            KernelGeneration own = hypervisors.get(k - 1).settings().kernel();
            if (own != null) {
                return own;
            }
        }
        return host.kernel();
    }

    /** How errors and explanations name the level: "host 'tb' (L0)", "hypervisor 'l1' (L1)", "VM 'vm' (L2)". */
    public String describe(int level) {
        if (level == 0) {
            return "host '" + host.name() + "' (L0)";
        }
        if (level <= hypervisors.size()) {
            return "hypervisor '" + hypervisors.get(level - 1).name() + "' (L" + level + ")";
        }
        return "VM '" + leaf.name() + "' (L" + level + ")";
    }

    /**
     * How the guest hypervisor at {@code level} gets its VMREAD/VMWRITE handled: L1 has hardware shadowing when
     * the CPU has it and L0 exposes it; L2 and above have KVM's emulated shadowing when the level below exposes it.
     */
    public VmcsShadowing vmcsShadowingAt(int level) {
        if (level < 1 || level > hypervisors.size()) {
            return VmcsShadowing.NOT_APPLICABLE;
        }
        if (level == 1) {
            return host.hardware().features().vmcsShadowing() && host.l0().exposeVmcsShadowing()
                    ? VmcsShadowing.HARDWARE : VmcsShadowing.NONE;
        }
        return hypervisorSettings(level - 1).exposeVmcsShadowing() ? VmcsShadowing.EMULATED : VmcsShadowing.NONE;
    }

    /**
     * Whether an interrupt for level {@code level} reaches it without an exit while it runs: the CPU must have
     * posted interrupts and every hypervisor below must use them (L0 emulates them for L1, and so on).
     */
    public boolean postedInterruptsInto(int level) {
        if (level == 0) {
            return false;
        }
        if (!host.hardware().features().postedInterrupts()) {
            return false;
        }
        for (int k = 0; k < level; k++) {
            if (!hypervisorSettings(k).postedInterrupts()) {
                return false;
            }
        }
        return leaf == null || level != level() || leaf.postedInterrupts();
    }

    /**
     * Whether a new VM or guest hypervisor placed directly under the top of this path (at {@code level() + 1})
     * could have interrupts posted to it: the default for its {@code postedInterrupts}.
     */
    public boolean postedInterruptsAvailableForChild() {
        if (!host.hardware().features().postedInterrupts()) {
            return false;
        }
        for (int k = 0; k <= hypervisors.size(); k++) {
            if (!hypervisorSettings(k).postedInterrupts()) {
                return false;
            }
        }
        return true;
    }

    /** The mechanisms every hypervisor below {@code level} provides (L0 to L(level-1)). */
    public Set<DvhMechanism> dvhProvidedTo(int level) {
        EnumSet<DvhMechanism> provided = EnumSet.allOf(DvhMechanism.class);
        for (int k = 0; k < level; k++) {
            provided.retainAll(hypervisorSettings(k).dvh());
        }
        return Collections.unmodifiableSet(provided);
    }

    /**
     * The DVH mechanisms in force end to end at {@code level}: for the leaf, what it needs and every link
     * provides; for a guest hypervisor, what it provides and every link below provides too.
     */
    public Set<DvhMechanism> dvhInForceAt(int level) {
        if (level == 0) {
            return host.l0().dvh();
        }
        Set<DvhMechanism> wanted = (leaf != null && level == level()) ? leaf.requiredDvh() : hypervisorSettings(level).dvh();
        EnumSet<DvhMechanism> inForce = wanted.isEmpty() ? EnumSet.noneOf(DvhMechanism.class) : EnumSet.copyOf(wanted);
        inForce.retainAll(dvhProvidedTo(level));
        return Collections.unmodifiableSet(inForce);
    }

    /** True when the leaf has {@code mechanism} in force along the whole path. */
    public boolean leafHas(DvhMechanism mechanism) {
        return leaf != null && dvhInForceAt(level()).contains(mechanism);
    }

    /**
     * Whether the leaf can be live-migrated: physical passthrough pins it to a VF of this host's NIC. A path
     * that ends at a guest hypervisor answers for the hypervisor itself, which has no VF of its own.
     */
    public boolean liveMigratable() {
        return leaf == null || leaf.io() != IoModel.PASSTHROUGH;
    }

    /** The effective view of every level, host first. */
    public List<LevelView> levels() {
        List<LevelView> views = new ArrayList<>();
        for (int k = 0; k <= level(); k++) {
            views.add(LevelView.of(this, k));
        }
        return Collections.unmodifiableList(views);
    }
}
