package dev.nestsim.model.exits;

/**
 * One piece of a plan: software work at some level, or a number of sub-events raised at some level
 * (each costed by the cascade for that level).
 */
sealed interface Step permits Step.Work, Step.Sub {

    /** Cycles of work executed by the software (or hardware) of {@code level}. */
    record Work(int level, String name, double cycles) implements Step {
    }

    /** {@code count} occurrences of {@code event} raised by the software at {@code level}. */
    record Sub(int level, GuestEvent event, long count) implements Step {
    }
}
