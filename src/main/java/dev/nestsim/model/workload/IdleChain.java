package dev.nestsim.model.workload;

import dev.nestsim.model.exits.GuestEvent;

/**
 * What waking a halted CPU costs, composed level by level from how long it was idle (MODEL.md sections 3 and 7).
 *
 * <p>A vCPU at level t executes HLT; its hypervisor h (the handler of HALT at t: t-1, or L0 under virtual idle)
 * halt-polls for {@code haltPollNs} of h, burning CPU at level h. Woken within the window, the wake-up is
 * {@code WAKEUP_POLLED} at t. Otherwise h blocks the vCPU: if h is L0 the physical CPU idles (a C-state exit on
 * wake-up); if h is a guest hypervisor, h's own vCPU now has nothing to run and executes HLT too (a HALT at h
 * and a tick stop), polled by h's hypervisor, and so on down. Waking then runs bottom-up: the deepest halted
 * level wakes (polled or blocked), every level above it is scheduled back in ({@code WAKEUP_BLOCKED}), each
 * restarts its tick ({@code TIMER_PROGRAM}, two per idle period with the 4.18 guest's NOHZ idle, io §3.1), and
 * each halted hypervisor vCPU had to be sent a reschedule IPI by its own kernel ({@code IPI_SEND_TO_HALTED} at
 * its level). Those IPIs run on the waker's CPU; they are booked here and counted in the woken CPU's latency,
 * which is the critical path either way.
 */
final class IdleChain {

    private IdleChain() {
    }

    /**
     * Books the costs of waking {@code cpu} after {@code idleSeconds} halted and returns the cycles before it runs
     * its first job. The HLT and tick stop of the CPU itself were booked when it halted.
     *
     * @param firstIpiPaid the signaller already paid the reschedule IPI to the first halted hypervisor vCPU
     */
    static double wake(Sim sim, Cpu cpu, double idleSeconds, boolean firstIpiPaid) {
        Platform p = sim.platform();
        Accounts accounts = cpu.accounts();
        if (cpu.level == 0) {
            return book(accounts, p.event(0, GuestEvent.WAKEUP_POLLED));
        }
        int[] halted = p.haltChain(cpu.level);
        int depth = halt(p, accounts, sim.hz(), idleSeconds, halted);
        int deepest = halted[depth - 1];
        double cycles = book(accounts, bottomWakeup(p, deepest, idleSeconds, halted, depth));
        for (int i = depth - 2; i >= 0; i--) {
            cycles += book(accounts, p.event(halted[i], GuestEvent.WAKEUP_BLOCKED));
        }
        for (int i = 0; i < depth; i++) {
            cycles += book(accounts, p.event(halted[i], GuestEvent.TIMER_PROGRAM));
            if (i >= 1 && !(i == 1 && firstIpiPaid)) {
                cycles += book(accounts, p.event(halted[i], GuestEvent.IPI_SEND_TO_HALTED));
            }
        }
        if (cpu.isLeaf()) {
            accounts.count(Counter.TIMER_PROGRAMS, 1);
        }
        return cycles;
    }

    /**
     * Walks down the levels that may halt ({@code chain}, the CPU's own first): each hypervisor polls for its window
     * (booked at its level), and a level whose hypervisor stopped polling before the wake-up makes that hypervisor's
     * vCPU halt in turn. Returns how many levels of the chain halted.
     */
    private static int halt(Platform p, Accounts accounts, double hz, double idleSeconds, int[] chain) {
        int depth = 0;
        double remaining = idleSeconds;
        while (true) {
            int level = chain[depth++];
            int h = p.haltHandler(level);
            double poll = p.pollSeconds(h);
            accounts.work(h, Math.min(remaining, poll) * hz);
            if (remaining <= poll || h == 0) {
                return depth;
            }
            remaining -= poll;
            accounts.book(p.event(h, GuestEvent.HALT));
            accounts.book(p.event(h, GuestEvent.TIMER_PROGRAM));
        }
    }

    /** The deepest halted level's wake-up: still polled, or blocked (L0 blocking means a C-state exit too). */
    private static Charge bottomWakeup(Platform p, int deepest, double idleSeconds, int[] halted, int depth) {
        double polledFor = 0;
        for (int i = 0; i < depth; i++) {
            polledFor += p.pollSeconds(p.haltHandler(halted[i]));
        }
        boolean polled = idleSeconds <= polledFor;
        if (polled) {
            return p.event(deepest, GuestEvent.WAKEUP_POLLED);
        }
        return p.blockedWakeup(deepest);
    }

    private static double book(Accounts accounts, Charge charge) {
        accounts.book(charge);
        return charge.cycles();
    }
}
