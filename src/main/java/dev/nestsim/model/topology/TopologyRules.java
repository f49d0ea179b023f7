package dev.nestsim.model.topology;

import dev.nestsim.model.hardware.CpuFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The topology rules, each a named check that returns its reasons. Validation runs them
 * all and reports every violation at once; an empty list means the resource may be created.
 */
public final class TopologyRules {

    /** Rule names, as they appear in {@link Violation#rule()}. */
    public static final String DEPTH_LIMIT = "depth-limit";
    public static final String FITS_PARENT_VCPUS = "fits-parent-vcpus";
    public static final String FITS_PARENT_MEMORY = "fits-parent-memory";
    public static final String DVH_PROVIDED_BY_PATH = "dvh-provided-by-path";
    public static final String VIRTUAL_PASSTHROUGH_NEEDS_IO = "virtual-passthrough-needs-io";
    public static final String PASSTHROUGH_NEEDS_IOMMU = "passthrough-needs-iommu";
    public static final String PASSTHROUGH_NEEDS_FREE_VF = "passthrough-needs-free-vf";
    public static final String ASSIGNMENT_NEEDS_VIOMMU = "assignment-needs-viommu";
    public static final String POSTED_INTERRUPTS_NEED_HARDWARE = "posted-interrupts-need-hardware";
    public static final String POSTED_INTERRUPTS_NEED_PATH = "posted-interrupts-need-path";
    public static final String VIRTUAL_TIMER_NEEDS_TSC_DEADLINE = "virtual-timer-needs-tsc-deadline";
    public static final String PREEMPTION_TIMER_NEEDS_HARDWARE = "preemption-timer-needs-hardware";

    /** The default deepest leaf level; a deployment may configure up to {@link Path#HARD_MAX_DEPTH}. */
    public static final int DEFAULT_MAX_DEPTH = 5;

    private TopologyRules() {
    }

    /** Checks a new or changed leaf VM at the end of {@code path}. */
    public static List<Violation> checkLeaf(Path path, int maxDepth, ParentCapacity capacity) {
        if (!path.hasLeaf()) {
            throw new IllegalArgumentException("checkLeaf needs a path that ends in a VM");
        }
        List<Violation> violations = new ArrayList<>();
        LeafVm vm = path.leaf();
        depth(path.level(), maxDepth, "a VM", violations);
        fits(vm.vcpus(), vm.memoryGib(), capacity, path, violations);
        dvhProvidedByPath(path, vm.requiredDvh(), path.level(), violations);
        virtualPassthroughMatchesIo(vm, violations);
        deviceAssignment(path, capacity, violations);
        postedInterruptsAvailable(path, vm.postedInterrupts(), path.level(), violations);
        return violations;
    }

    /** Checks a new or changed guest hypervisor at the top of {@code path}. */
    public static List<Violation> checkHypervisor(Path path, int maxDepth, ParentCapacity capacity) {
        if (path.hasLeaf() || path.hypervisors().isEmpty()) {
            throw new IllegalArgumentException("checkHypervisor needs a path that ends in a guest hypervisor");
        }
        List<Violation> violations = new ArrayList<>();
        int level = path.level();
        GuestHypervisor hv = path.hypervisor(level);
        if (level + 1 > maxDepth) {
            violations.add(new Violation("parent", DEPTH_LIMIT,
                    "a guest hypervisor at L" + level + " would run its VMs at L" + (level + 1)
                            + ", deeper than the maximum depth " + maxDepth + " (hard limit " + Path.HARD_MAX_DEPTH + ")"));
        }
        fits(hv.vcpus(), hv.memoryGib(), capacity, path, violations);
        dvhProvidedByPath(path, hv.settings().dvh(), level, violations);
        postedInterruptsAvailable(path, hv.settings().postedInterrupts(), level, violations);
        return violations;
    }

    /** Checks the host hypervisor's settings against the host's hardware. */
    public static List<Violation> checkHost(Host host) {
        List<Violation> violations = new ArrayList<>();
        CpuFeatures features = host.hardware().features();
        if (host.l0().dvh().contains(DvhMechanism.VIRTUAL_TIMER) && !features.tscDeadlineTimer()) {
            violations.add(new Violation("dvh", VIRTUAL_TIMER_NEEDS_TSC_DEADLINE,
                    "VIRTUAL_TIMER virtualizes the TSC-deadline timer, which this host's CPU lacks (features.tscDeadlineTimer is false)"));
        }
        if (host.l0().postedInterrupts() && !features.postedInterrupts()) {
            violations.add(new Violation("postedInterrupts", POSTED_INTERRUPTS_NEED_HARDWARE,
                    "L0 cannot post interrupts: the host's CPU lacks posted interrupts (features.postedInterrupts is false)"));
        }
        if (host.l0().timerOffload() == TimerOffload.PREEMPTION_TIMER && !features.preemptionTimer()) {
            violations.add(new Violation("timerOffload", PREEMPTION_TIMER_NEEDS_HARDWARE,
                    "timerOffload PREEMPTION_TIMER needs the VMX preemption timer, which this host's CPU lacks"));
        }
        return violations;
    }

    private static void depth(int level, int maxDepth, String what, List<Violation> out) {
        if (level > maxDepth) {
            out.add(new Violation("parent", DEPTH_LIMIT,
                    what + " at L" + level + " is deeper than the maximum depth " + maxDepth
                            + " (hard limit " + Path.HARD_MAX_DEPTH + ")"));
        }
    }

    private static void fits(int vcpus, int memoryGib, ParentCapacity capacity, Path path, List<Violation> out) {
        String parent = path.describe(path.level() - 1);
        if (vcpus > capacity.vcpusFree()) {
            out.add(new Violation("vcpus", FITS_PARENT_VCPUS,
                    vcpus + " vCPUs do not fit in " + parent + ", which has " + capacity.vcpusFree() + " free (vCPUs are pinned 1:1, not overcommitted)"));
        }
        if (memoryGib > capacity.memoryGibFree()) {
            out.add(new Violation("memoryGib", FITS_PARENT_MEMORY,
                    memoryGib + " GiB do not fit in " + parent + ", which has " + capacity.memoryGibFree() + " GiB free"));
        }
    }

    private static void dvhProvidedByPath(Path path, Set<DvhMechanism> wanted, int level, List<Violation> out) {
        for (DvhMechanism mechanism : DvhMechanism.values()) {
            if (!wanted.contains(mechanism)) {
                continue;
            }
            for (int k = 0; k < level; k++) {
                if (!path.hypervisorSettings(k).dvh().contains(mechanism)) {
                    String verb = k == 0 ? " does not support " : " does not provide ";
                    out.add(new Violation("dvh", DVH_PROVIDED_BY_PATH,
                            path.describe(k) + verb + mechanism + ", so " + path.describe(level)
                                    + " cannot have it: every link of the path must provide it"));
                }
            }
        }
    }

    private static void virtualPassthroughMatchesIo(LeafVm vm, List<Violation> out) {
        if (vm.dvh().contains(DvhMechanism.VIRTUAL_PASSTHROUGH) && vm.io() != IoModel.VIRTUAL_PASSTHROUGH) {
            out.add(new Violation("io", VIRTUAL_PASSTHROUGH_NEEDS_IO,
                    "dvh asks for VIRTUAL_PASSTHROUGH but io is " + vm.io() + ": set io to VIRTUAL_PASSTHROUGH"));
        }
    }

    private static void deviceAssignment(Path path, ParentCapacity capacity, List<Violation> out) {
        IoModel io = path.leaf().io();
        if (io != IoModel.PASSTHROUGH && io != IoModel.VIRTUAL_PASSTHROUGH) {
            return;
        }
        if (io == IoModel.PASSTHROUGH) {
            if (!path.host().hardware().features().iommu()) {
                out.add(new Violation("io", PASSTHROUGH_NEEDS_IOMMU,
                        "PASSTHROUGH assigns a physical VF, which needs an IOMMU on " + path.describe(0) + " (features.iommu is false)"));
            }
            if (capacity.sriovVfsFree() < 1) {
                out.add(new Violation("io", PASSTHROUGH_NEEDS_FREE_VF,
                        "PASSTHROUGH needs a free SR-IOV VF on " + path.describe(0) + "'s NIC; "
                                + path.host().hardware().nic().sriovVfs() + " exist and none is free"));
            }
        }
        for (int k = 1; k < path.level(); k++) {
            if (!path.hypervisor(k).viommu().present()) {
                out.add(new Violation("io", ASSIGNMENT_NEEDS_VIOMMU,
                        path.describe(k) + " has no virtual IOMMU (viommu OFF), so it cannot assign the "
                                + (io == IoModel.PASSTHROUGH ? "VF" : "virtual-passthrough device") + " to its guest"));
            }
        }
    }

    private static void postedInterruptsAvailable(Path path, boolean wanted, int level, List<Violation> out) {
        if (!wanted) {
            return;
        }
        if (!path.host().hardware().features().postedInterrupts()) {
            out.add(new Violation("postedInterrupts", POSTED_INTERRUPTS_NEED_HARDWARE,
                    path.describe(0) + "'s CPU has no posted interrupts (features.postedInterrupts is false)"));
            return;
        }
        for (int k = 0; k < level; k++) {
            if (!path.hypervisorSettings(k).postedInterrupts()) {
                out.add(new Violation("postedInterrupts", POSTED_INTERRUPTS_NEED_PATH,
                        path.describe(k) + " does not post interrupts to its guests, so " + path.describe(level) + " cannot get them posted"));
            }
        }
    }
}
