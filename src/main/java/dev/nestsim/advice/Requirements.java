package dev.nestsim.advice;

import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a configuration needs, in words a user can check against a platform: host features, DVH support at each level (per level
 * when the sets differ), VFs, the online CPUs the first level needs and each guest hypervisor's kernel and size.
 */
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
        for (DvhMechanism m : path.host().l0().dvh()) {
            out.add("L0 supports " + m);
            for (int k = 1; k < depth; k++) {
                if (path.hypervisorSettings(k).dvh().contains(m)) {
                    out.add("L" + k + " provides " + m);
                }
            }
        }
        if (c.viommu().present()) {
            for (int k = 1; k < depth; k++) {
                out.add("L" + k + " is given a virtual IOMMU in " + c.viommu() + " mode");
            }
        }
        if (depth > 1) {
            out.add("host: " + path.hypervisor(1).vcpus() + " online CPUs free for L1 (onlineCpus >= " + path.hypervisor(1).vcpus()
                    + "; vCPUs are pinned 1:1)");
            for (int k = 1; k < depth; k++) {
                out.add("L" + k + " runs " + path.kernel(k).apiName() + " (" + path.hypervisor(k).vcpus() + " vCPUs)");
            }
        } else {
            out.add("host: " + path.leaf().vcpus() + " online CPUs free for the VM (onlineCpus >= " + path.leaf().vcpus()
                    + "; vCPUs are pinned 1:1)");
        }
        return out;
    }
}
