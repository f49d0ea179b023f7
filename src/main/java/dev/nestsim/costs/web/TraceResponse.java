package dev.nestsim.costs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.costs.CascadeService;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.exits.TraceNode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** One node of an exit trace, cycles rounded to whole cycles. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ExitTrace", description = "The tree of exits: an event raised at a level and how it was handled, or a piece of work. "
        + "Identical sub-events are folded into one node with a count; cycles is one occurrence, totalCycles all of them.")
public record TraceResponse(
        @Schema(description = "EVENT, WORK, or MICROBENCHMARK for the root of a microbenchmark", example = "EVENT") String kind,
        @Schema(description = "The level whose software raised the event or did the work", example = "3") int level,
        @Schema(description = "The event (absent for work)", example = "HYPERCALL") GuestEvent event,
        @Schema(description = "Whether the event causes a hardware exit", example = "true") Boolean exit,
        @Schema(description = "The level whose handler ran (absent for work and exitless events)", example = "2") Integer handledAt,
        @Schema(description = "Handler (a KVM function) or work", example = "handle_vmcall") String name,
        @Schema(description = "Occurrences folded into this node", example = "1") long count,
        @Schema(description = "Cycles of one occurrence", example = "201072") long cycles,
        @Schema(description = "Cycles of all occurrences", example = "201072") long totalCycles,
        @Schema(description = "True when the node budget ran out before this event's children were listed") Boolean truncated,
        @ArraySchema(arraySchema = @Schema(description = "What one occurrence consists of, in order"),
                maxItems = CascadeService.MAX_TRACE_NODES)
        List<TraceResponse> children) {

    static TraceResponse of(TraceNode node) {
        if (node == null) {
            return null;
        }
        boolean event = "EVENT".equals(node.kind());
        List<TraceResponse> children = null;
        if (!node.children().isEmpty()) {
            children = new ArrayList<>(node.children().size());
            for (TraceNode child : node.children()) {
                children.add(of(child));
            }
        }
        return new TraceResponse(node.kind(), node.level(), node.event(), event ? node.exit() : null,
                event && node.handledAt() >= 0 ? node.handledAt() : null, node.name(), node.count(),
                Math.round(node.cycles()), Math.round(node.totalCycles()), node.truncated() ? Boolean.TRUE : null, children);
    }
}
