package dev.nestsim.model.exits;

import java.util.List;

/**
 * What one event raised at one level costs on a path (docs/model.md section 2).
 *
 * @param level                the level whose software raised the event
 * @param event                the event
 * @param exit                 whether it causes a hardware exit (false: exitless or native)
 * @param handledAt            the level whose handler ran, or -1 when none did
 * @param handler              the handler's name
 * @param cycles               total cycles, all levels together, in CPU cycles of the host's clock
 * @param exitsPerLevel        index k: hardware exits out of level k (raised by Lk's software), all nested ones included
 * @param exitsHandledPerLevel index k: exits whose final handler ran at level k
 * @param cyclesPerLevel       index k: cycles spent in the software of level k (L0 also holds the hardware transitions)
 * @param profile              the exits each level saw by reason and its cycles on them ({@link ExitProfile})
 */
public record EventCost(int level, GuestEvent event, boolean exit, int handledAt, String handler, double cycles,
                        List<Long> exitsPerLevel, List<Long> exitsHandledPerLevel, List<Double> cyclesPerLevel,
                        ExitProfile profile) {

    public EventCost {
        java.util.Objects.requireNonNull(profile, "profile");
        exitsPerLevel = List.copyOf(exitsPerLevel);
        exitsHandledPerLevel = List.copyOf(exitsHandledPerLevel);
        cyclesPerLevel = List.copyOf(cyclesPerLevel);
    }

    /** All hardware exits the event causes, at every level. */
    public long totalExits() {
        long sum = 0;
        for (long e : exitsPerLevel) {
            sum += e;
        }
        return sum;
    }

    /** Cycles rounded to whole cycles, as reported. */
    public long roundedCycles() {
        return Math.round(cycles);
    }
}
