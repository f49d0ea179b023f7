package dev.nestsim.model.exits;

import java.util.List;

/**
 * How one event at one level is handled, as a list of steps: the result of routing (docs/model.md section 2)
 * before any cost is summed, so the memoized table, the naive walk and the trace all share one definition.
 *
 * @param level     the level whose software raised the event
 * @param event     the event
 * @param exit      whether the event causes a hardware exit out of {@code level}
 * @param handledAt the level whose handler runs, or -1 when nothing handles it (no exit, native)
 * @param handler   the handler's name (a KVM function), or a description of the exitless path
 * @param steps     the work and sub-events, in order
 * @param seenAs    for an exit, index k (0 to {@code handledAt}): the reason under which level k sees it; else empty
 */
record Plan(int level, GuestEvent event, boolean exit, int handledAt, String handler, List<Step> steps,
            List<ExitReason> seenAs) {

    Plan {
        steps = List.copyOf(steps);
        seenAs = List.copyOf(seenAs);
    }

    /** A plan without an exit. */
    Plan(int level, GuestEvent event, int handledAt, String handler, List<Step> steps) {
        this(level, event, false, handledAt, handler, steps, List.of());
    }
}
