package dev.nestsim.provisioning;

import dev.nestsim.model.topology.Path;
import java.util.List;
import java.util.UUID;

/**
 * A model {@link Path} with the id of what sits at each level.
 *
 * @param path the path
 * @param ids  {@code ids.get(level)}: the host at 0, then each guest hypervisor, then the VM if the path has one
 */
public record LocatedPath(Path path, List<UUID> ids) {

    public LocatedPath {
        ids = List.copyOf(ids);
        if (ids.size() != path.level() + 1) {
            throw new IllegalArgumentException("one id per level: " + (path.level() + 1) + " levels, " + ids.size() + " ids");
        }
    }
}
