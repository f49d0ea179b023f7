package dev.nestsim.costs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.costs.CascadeService;
import dev.nestsim.model.exits.EventCost;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.topology.Path;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What one event costs when raised at a level of a path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ExitCost", description = "The cost of one event raised at one level: cycles, exits and cycles per level")
public record ExitCostResponse(
        @Schema(description = "The event", example = "DEVICE_NOTIFY") GuestEvent event,
        @Schema(description = "What the software does", example = "virtio doorbell write (MMIO)") String description,
        @Schema(description = "The level that raised it", example = "2") int level,
        @Schema(description = "Whether it causes a hardware exit (false: exitless)", example = "true") boolean exit,
        @Schema(description = "The level whose handler ran; absent when none did", example = "1") Integer handledAt,
        @Schema(description = "The handler (a KVM function) or the exitless path", example = "handle_ept_misconfig -> ioeventfd (vhost)") String handler,
        @Schema(description = "Total cycles, all levels", example = "26471") long cycles,
        @Schema(description = "The same in microseconds at the host's base clock", example = "12.032") double microseconds,
        @ArraySchema(arraySchema = @Schema(description = "Index k: hardware exits out of level k", example = "[0, 2, 1]"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Long> exitsPerLevel,
        @ArraySchema(arraySchema = @Schema(description = "Index k: exits whose handler ran at level k", example = "[2, 1, 0]"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Long> exitsHandledPerLevel,
        @ArraySchema(arraySchema = @Schema(description = "Index k: cycles in level k's software", example = "[15310, 11161, 0]"),
                maxItems = Path.HARD_MAX_DEPTH + 1)
        List<Long> cyclesPerLevel,
        @Schema(description = "Per level, the exits it saw by exit reason and its cycles on them") ExitProfileResponse exitProfile,
        @Schema(description = "The tree of exits, with ?trace=true") TraceResponse trace) {

    static ExitCostResponse of(CascadeService.Costed costed, double clockGhz) {
        EventCost c = costed.cost();
        return new ExitCostResponse(c.event(), c.event().description(), c.level(), c.exit(), c.handledAt() >= 0 ? c.handledAt() : null,
                c.handler(), c.roundedCycles(), Rounding.microseconds(c.cycles() / (clockGhz * 1000.0)), c.exitsPerLevel(),
                c.exitsHandledPerLevel(), Rounding.cycles(c.cyclesPerLevel()), ExitProfileResponse.of(c.profile()),
                TraceResponse.of(costed.trace()));
    }
}
