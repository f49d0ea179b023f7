package dev.nestsim.model.topology;

import dev.nestsim.model.hardware.KernelGeneration;
import java.util.Set;

/**
 * The effective features at one level of a path, as {@code GET /vms/{id}/path} shows them.
 *
 * @param level            0 for the host
 * @param kind             host, guest hypervisor or VM
 * @param name             the user's name for it
 * @param vmcsShadowing    how this level's VMREAD/VMWRITE are handled (hypervisor levels only)
 * @param postedInterrupts whether interrupts for this level are posted without an exit while it runs
 * @param dvhInForce       the DVH mechanisms in force end to end at this level
 * @param viommu           the virtual IOMMU of a guest hypervisor ({@code null} elsewhere)
 * @param io               the I/O model of the leaf ({@code null} elsewhere)
 * @param kernel           the kernel generation of a hypervisor level, inherited or its own ({@code null} for a VM)
 */
public record LevelView(int level, Kind kind, String name, VmcsShadowing vmcsShadowing, boolean postedInterrupts,
                        Set<DvhMechanism> dvhInForce, ViommuMode viommu, IoModel io, KernelGeneration kernel) {

    /** What sits at a level. */
    public enum Kind { HOST, HYPERVISOR, VM }

    static LevelView of(Path path, int level) {
        if (level == 0) {
            return new LevelView(0, Kind.HOST, path.host().name(), VmcsShadowing.NOT_APPLICABLE, false,
                    path.dvhInForceAt(0), null, null, path.kernel(0));
        }
        if (level <= path.hypervisors().size()) {
            GuestHypervisor hv = path.hypervisor(level);
            return new LevelView(level, Kind.HYPERVISOR, hv.name(), path.vmcsShadowingAt(level),
                    path.postedInterruptsInto(level), path.dvhInForceAt(level), hv.viommu(), null, path.kernel(level));
        }
        return new LevelView(level, Kind.VM, path.leaf().name(), VmcsShadowing.NOT_APPLICABLE,
                path.postedInterruptsInto(level), path.dvhInForceAt(level), null, path.leaf().io(), null);
    }
}
