package dev.nestsim.model.exits;

import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TimerOffload;
import dev.nestsim.model.topology.VmcsShadowing;
import java.util.EnumSet;
import java.util.Set;

/**
 * The per-level properties of a path that routing needs, computed once: VMCS shadowing, whether each
 * hypervisor gives its guest shadowing, posted interrupts, DVH mechanisms in force, I/O model and timer
 * backing. Immutable.
 */
final class PathContext {

    private final Path path;
    private final int top;
    private final VmcsShadowing[] shadowing;
    private final boolean[] exposes;
    private final boolean[] posted;
    private final boolean[] hypervisorLevel;
    private final TimerOffload[] offload;
    private final Set<DvhMechanism>[] dvh;
    private final KvmGeneration[] generation;

    @SuppressWarnings("unchecked")
    PathContext(Path path) {
        this.path = path;
        this.top = path.level();
        int size = top + 1;
        shadowing = new VmcsShadowing[size];
        exposes = new boolean[size];
        posted = new boolean[size];
        hypervisorLevel = new boolean[size];
        offload = new TimerOffload[size];
        dvh = new Set[size];
        generation = new KvmGeneration[size];
        boolean hostPreemption = path.host().hardware().features().preemptionTimer();
        for (int k = 0; k <= top; k++) {
            hypervisorLevel[k] = k >= 1 && k <= path.hypervisors().size();
            shadowing[k] = shadowingOf(k);
            posted[k] = path.postedInterruptsInto(k);
            dvh[k] = k == 0 ? Set.of() : EnumSet.copyOf(withNone(path.dvhInForceAt(k)));
            boolean runsGuests = k <= path.hypervisors().size();
            offload[k] = runsGuests && hostPreemption ? path.hypervisorSettings(k).timerOffload() : TimerOffload.HRTIMER;
            // the leaf runs no hypervisor: its slot holds its parent's generation, never used for emulation
            KernelGeneration kernel = path.kernel(Math.min(k, path.hypervisors().size()));
            generation[k] = KvmGeneration.of(kernel);
        }
        for (int k = 0; k <= top; k++) {
            exposes[k] = k == 0 ? top >= 1 && shadowing[1] == VmcsShadowing.HARDWARE
                    : hypervisorLevel[k] && k < top && path.hypervisorSettings(k).exposeVmcsShadowing();
        }
    }

    private static Set<DvhMechanism> withNone(Set<DvhMechanism> set) {
        return set.isEmpty() ? EnumSet.noneOf(DvhMechanism.class) : set;
    }

    private VmcsShadowing shadowingOf(int k) {
        if (k == 0) {
            return VmcsShadowing.NOT_APPLICABLE;
        }
        if (k == 1) {
            return path.host().hardware().features().vmcsShadowing() && path.host().l0().exposeVmcsShadowing()
                    ? VmcsShadowing.HARDWARE : VmcsShadowing.NONE;
        }
        return path.hypervisorSettings(k - 1).exposeVmcsShadowing() ? VmcsShadowing.EMULATED : VmcsShadowing.NONE;
    }

    Path path() {
        return path;
    }

    /** The deepest level of the path (the leaf, or the top hypervisor). */
    int top() {
        return top;
    }

    /** How level {@code k}'s VMREAD/VMWRITE of shadowed fields are handled. */
    VmcsShadowing shadowing(int k) {
        return shadowing[k];
    }

    /** Whether level {@code k} gives its guest a shadow VMCS (hardware for L0, emulated above) that it must keep in sync. */
    boolean exposes(int k) {
        return exposes[k];
    }

    /** Whether level {@code k + 2} exists and is a guest hypervisor whose shadowed accesses level {@code k} absorbs. */
    boolean cachesShadowFor(int k) {
        return k + 2 <= top && hypervisorLevel[k + 2] && exposes[k + 1];
    }

    boolean posted(int k) {
        return posted[k];
    }

    /**
     * Whether the leaf's device interrupts reach level {@code n} without an exit: from a virtio or emulated device
     * when posted interrupts reach it (its parent posts them); from an assigned VF at L1 with VT-d posted
     * interrupts; from a virtual-passthrough device at L1 always (L0's vhost posts it), deeper only with DVH's
     * virtual posted interrupts (the vIOMMU posts through the virtual-IPI tables: VIRTUAL_IPI in force).
     */
    boolean devicePosted(int n) {
        if (!posted[n]) {
            return false;
        }
        switch (io(n)) {
            case PASSTHROUGH:
                return n == 1 && path.host().hardware().features().vtdPostedInterrupts();
            case VIRTUAL_PASSTHROUGH:
                return n == 1 || dvh(n, DvhMechanism.VIRTUAL_IPI);
            default:
                return true;
        }
    }

    boolean dvh(int k, DvhMechanism mechanism) {
        return dvh[k].contains(mechanism);
    }

    /** The I/O model of level {@code k}'s network device: the leaf's own, virtio for a guest hypervisor. */
    IoModel io(int k) {
        return path.hasLeaf() && k == top ? path.leaf().io() : IoModel.VIRTIO;
    }

    /** The mechanisms of hypervisor level {@code k}'s kernel generation. */
    KvmGeneration gen(int k) {
        return generation[k];
    }

    /** What backs the timers of the guests of hypervisor level {@code h}. */
    TimerOffload offload(int h) {
        return offload[h];
    }
}
