package dev.nestsim.runs;

import java.util.Objects;
import java.util.UUID;

/**
 * What a run executes on.
 *
 * @param kind a VM or a host
 * @param id   its id
 */
public record Target(TargetKind kind, UUID id) {

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Target vm(UUID id) {
        return new Target(TargetKind.VM, id);
    }

    public static Target host(UUID id) {
        return new Target(TargetKind.HOST, id);
    }
}
