package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.List;

/** What a configuration needs, in words a user can check against a platform: host features, DVH support at each level, VFs. */
final class Requirements {

    private Requirements() {
    }

    static List<String> of(Configuration c, Path path) {
        List<String> out = new ArrayList<>();
        int depth = path.level();
        if (c.postedInterrupts()) {
            out.add("host CPU: posted interrupts (features.postedInterrupts), posted by every level");
        }
        if (c.vmcsShadowing() && depth > 1) {
            out.add("host CPU: VMCS shadowing (features.vmcsShadowing), exposed by every hypervisor");
        }
        if (c.io() == IoModel.PASSTHROUGH) {
            out.add("host: an IOMMU (features.iommu) and a free SR-IOV virtual function on the NIC (nic.sriovVfs >= 1)");
        }
        for (DvhMechanism m : c.dvh()) {
            out.add("L0 supports " + m);
            for (int k = 1; k < depth; k++) {
                out.add("L" + k + " provides " + m);
            }
        }
        if (c.viommu().present()) {
            for (int k = 1; k < depth; k++) {
                out.add("L" + k + " is given a virtual IOMMU in " + c.viommu() + " mode");
            }
        }
        return out;
    }
}
