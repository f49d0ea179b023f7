package dev.nestsim.model.exits;

/** One step of a microbenchmark: an event the leaf raises, or work at the leaf or at an event's handler. */
sealed interface MicroStep permits MicroStep.Event, MicroStep.GuestWork, MicroStep.HandlerWork, MicroStep.Spin {

    /** The leaf raises {@code event}. */
    record Event(GuestEvent event) implements MicroStep {
    }

    /** The leaf's own work, {@code param} cycles (native instructions, its interrupt handler, a cache line). */
    record GuestWork(Param param) implements MicroStep {
    }

    /** Work done by whichever level handles {@code event} (the timer injection of tscdeadline_immed). */
    record HandlerWork(GuestEvent event, Param param) implements MicroStep {
    }

    /** A fixed busy-wait the test itself performs, in cycles. */
    record Spin(double cycles) implements MicroStep {
    }

    static MicroStep event(GuestEvent event) {
        return new Event(event);
    }

    static MicroStep guest(Param param) {
        return new GuestWork(param);
    }

    static MicroStep atHandlerOf(GuestEvent event, Param param) {
        return new HandlerWork(event, param);
    }

    static MicroStep spin(double cycles) {
        return new Spin(cycles);
    }
}
