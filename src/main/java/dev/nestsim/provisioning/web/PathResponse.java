package dev.nestsim.provisioning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LevelView;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import dev.nestsim.model.topology.VmcsShadowing;
import dev.nestsim.provisioning.LocatedPath;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The chain host -> guest hypervisors -> VM with the effective features at each level. */
@Schema(name = "Path", description = "The chain from the host to a VM (or guest hypervisor) with what is in force at each level")
public record PathResponse(
        @Schema(description = "Level of the VM (or of the guest hypervisor the path ends at); 0 for a bare host", example = "3") int level,
        @Schema(description = "DVH mechanisms in force end to end at the last level") List<DvhMechanism> dvhInForce,
        @Schema(description = "Whether the VM can be live-migrated", example = "true") boolean liveMigratable,
        @Schema(description = "Why it can or cannot be live-migrated",
                example = "live-migratable: virtual-passthrough assigns L0's virtio device, not hardware, so nothing pins the VM to this host")
        String liveMigration,
        @ArraySchema(arraySchema = @Schema(description = "Each level, host first"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Level> levels) {

    /** One level of the path. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PathLevel", description = "The effective features at one level")
    public record Level(
            @Schema(description = "0 for the host", example = "1") int level,
            @Schema(description = "What sits here") LevelView.Kind kind,
            @Schema(description = "Its id") UUID id,
            @Schema(description = "Its name", example = "l1-dvh3") String name,
            @Schema(description = "How this guest hypervisor's VMREAD/VMWRITE are handled; NOT_APPLICABLE for the host and the VM")
            VmcsShadowing vmcsShadowing,
            @Schema(description = "Whether interrupts for this level are posted without an exit while it runs", example = "true")
            boolean postedInterrupts,
            @Schema(description = "DVH mechanisms in force end to end at this level") List<DvhMechanism> dvhInForce,
            @Schema(description = "The guest hypervisor's virtual IOMMU (hypervisor levels only)") ViommuMode viommu,
            @Schema(description = "The VM's I/O model (VM level only)") IoModel io,
            @Schema(ref = Kernels.SCHEMA_REF, description = "The kernel generation this hypervisor level runs, its own or inherited from "
                    + "the level below (host and guest hypervisor levels only)", example = "linux-4.18") String kernel,
            @Schema(description = "The CPUs L0 brings online, shared by its I/O and the vCPUs (host level only)", example = "8")
            Integer onlineCpus) {
    }

    static PathResponse of(LocatedPath located) {
        Path path = located.path();
        List<Level> levels = new ArrayList<>();
        for (LevelView v : path.levels()) {
            levels.add(new Level(v.level(), v.kind(), located.ids().get(v.level()), v.name(), v.vmcsShadowing(), v.postedInterrupts(),
                    DvhLists.sorted(v.dvhInForce()), v.viommu(), v.io(), Kernels.name(v.kernel()),
                    v.kind() == LevelView.Kind.HOST ? path.host().onlineCpus() : null));
        }
        return new PathResponse(path.level(), DvhLists.sorted(path.dvhInForceAt(path.level())), path.liveMigratable(),
                liveMigration(path), levels);
    }

    private static String liveMigration(Path path) {
        if (!path.hasLeaf()) {
            return "live-migratable: no device is passed through on this path";
        }
        String vm = path.describe(path.level());
        if (path.leaf().io() == IoModel.PASSTHROUGH) {
            return "not live-migratable: " + vm + " has a physical SR-IOV VF of " + path.describe(0)
                    + "'s NIC passed through every level, which pins it to that host";
        }
        if (path.leaf().io() == IoModel.VIRTUAL_PASSTHROUGH) {
            return "live-migratable: virtual-passthrough assigns L0's virtio device, not hardware, so nothing pins " + vm + " to this host";
        }
        return "live-migratable: " + vm + "'s " + path.leaf().io() + " device is emulated in software, so nothing pins it to this host";
    }
}
