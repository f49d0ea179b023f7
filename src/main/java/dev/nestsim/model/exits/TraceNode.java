package dev.nestsim.model.exits;

import java.util.List;

/**
 * One node of an exit trace (docs/model.md section 2): an event raised at a level and how it was handled, or a
 * piece of work. Identical sub-events are folded into one node with a {@code count}; {@code cycles} is the
 * cost of one occurrence and {@code totalCycles} of all of them.
 *
 * @param kind        {@code EVENT} or {@code WORK}
 * @param level       the level whose software raised the event, or that did the work
 * @param event       the event ({@code null} for work)
 * @param exit        whether the event exits
 * @param handledAt   the level whose handler ran (-1 for none, or for work)
 * @param name        the handler's or the work's name
 * @param count       occurrences folded into this node
 * @param cycles      cycles of one occurrence
 * @param totalCycles cycles of all occurrences
 * @param children    what one occurrence consists of, in order (empty for work, or when truncated)
 * @param truncated   true when the node budget ran out before this event's children were listed
 */
public record TraceNode(String kind, int level, GuestEvent event, boolean exit, int handledAt, String name, long count,
                        double cycles, double totalCycles, List<TraceNode> children, boolean truncated) {

    public TraceNode {
        children = List.copyOf(children);
    }

    /** The number of nodes in this subtree. */
    public int size() {
        int n = 1;
        for (TraceNode child : children) {
            n += child.size();
        }
        return n;
    }
}
