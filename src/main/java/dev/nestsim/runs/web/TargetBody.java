package dev.nestsim.runs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.runs.Target;
import dev.nestsim.runs.TargetKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** What a run executes on: exactly one of {@code vmId} and {@code hostId}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RunTarget", description = "What the workload runs on: exactly one of vmId (in that VM, at its level) and hostId "
        + "(natively on the host, level 0)", minProperties = 1, maxProperties = 1)
public record TargetBody(
        @Schema(description = "The VM to run in", example = "9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d") UUID vmId,
        @Schema(description = "The host to run on natively", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId) {

    static TargetBody of(Target target) {
        return target.kind() == TargetKind.VM ? new TargetBody(target.id(), null) : new TargetBody(null, target.id());
    }
}
