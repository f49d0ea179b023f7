package dev.nestsim.model.workload.machine;

import umontreal.ssj.simevents.Event;

/**
 * An event of one replication's simulation, bound to its own {@link Sim} (never SSJ's global default
 * simulator). Every scheduling takes the next sequence number as its priority, so events at the same time run
 * in the order they were scheduled, whatever the event list does with ties. An event object
 * may be scheduled again once it has fired.
 */
public abstract class SimEvent extends Event {

    protected final Sim sim;

    public SimEvent(Sim sim) {
        super(sim.simulator());
        this.sim = sim;
    }

    /** Schedules this event {@code delaySeconds} from now. */
    public final void after(double delaySeconds) {
        setPriority(sim.nextSequence());
        schedule(delaySeconds);
    }

    @Override
    public final void actions() {
        sim.countEvent();
        fire();
    }

    protected abstract void fire();
}
