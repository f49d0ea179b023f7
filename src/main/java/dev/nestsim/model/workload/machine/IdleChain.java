package dev.nestsim.model.workload.machine;

import dev.nestsim.model.exits.GuestEvent;

/**
 * What waking a halted CPU costs, composed level by level from how long it was idle (docs/workloads.md section 1).
 *
 * <p>A vCPU at level t executes HLT; its hypervisor h (the handler of HALT at t: t-1, or L0 under virtual idle)
 * halt-polls for that vCPU's current window, burning CPU at level h. KVM adapts the window per vCPU after each
 * halt ({@code kvm_vcpu_block}, virt/kvm/kvm_main.c): it starts at 0; a halt longer than the window but
 * shorter than h's {@code haltPollNs} grows it (to 10 us, then doubling, at most {@code haltPollNs}); a halt longer
 * than {@code haltPollNs} resets it to 0 ({@code halt_poll_ns_shrink} = 0). The windows live on the {@link Cpu}.
 * Woken within the window, the wake-up is {@code WAKEUP_POLLED} at t. Otherwise h blocks the vCPU: if h is L0 the physical CPU idles (a C-state exit on
 * wake-up); if h is a guest hypervisor, h's own vCPU now has nothing to run and executes HLT too (a HALT at h
 * and a tick stop), polled by h's hypervisor, and so on down. Waking then runs bottom-up: the deepest halted
 * level wakes (polled or blocked), every level above it is scheduled back in ({@code WAKEUP_BLOCKED}), each
 * restarts its tick ({@code TIMER_PROGRAM}, two per idle period with the 4.18 guest's NOHZ idle, kernel/sched/idle.c default_idle_call), and
 * each halted hypervisor vCPU had to be sent a reschedule IPI by its own kernel ({@code IPI_SEND_TO_HALTED} at
 * its level). Those IPIs run on the waker's CPU; they are booked here and counted in the woken CPU's latency,
 * which is the critical path either way.
 */
final class IdleChain {

    /** KVM's first window when it starts polling a vCPU (10 us, {@code grow_halt_poll_ns}). */
    static final double GROW_START_SECONDS = 10e-6;

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
        double[] windows = cpu.haltPollWindows();
        int depth = halt(p, accounts, sim.hz(), idleSeconds, halted, windows);
        int deepest = halted[depth - 1];
        double cycles = book(accounts, bottomWakeup(p, deepest, idleSeconds, windows, depth));
        adapt(p, idleSeconds, halted, windows, depth);
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
    private static int halt(Platform p, Accounts accounts, double hz, double idleSeconds, int[] chain, double[] windows) {
        int depth = 0;
        double remaining = idleSeconds;
        while (true) {
            double poll = windows[depth];
            int level = chain[depth++];
            int h = p.haltHandler(level);
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
    private static Charge bottomWakeup(Platform p, int deepest, double idleSeconds, double[] windows, int depth) {
        double polledFor = 0;
        for (int i = 0; i < depth; i++) {
            polledFor += windows[i];
        }
        boolean polled = idleSeconds <= polledFor;
        if (polled) {
            return p.event(deepest, GuestEvent.WAKEUP_POLLED);
        }
        return p.blockedWakeup(deepest);
    }

    /**
     * KVM's adaptation of each halted level's window after the wake-up: that level was blocked (polling included)
     * from its HLT until now, the idle period less the windows of the levels above it in the chain.
     */
    private static void adapt(Platform p, double idleSeconds, int[] chain, double[] windows, int depth) {
        double blocked = idleSeconds;
        for (int d = 0; d < depth; d++) {
            double window = windows[d];
            windows[d] = nextWindow(window, blocked, p.pollSeconds(p.haltHandler(chain[d])));
            blocked -= window;
        }
    }

    /** KVM 4.18's {@code kvm_vcpu_block} rule, with {@code halt_poll_ns_grow} 2 and {@code halt_poll_ns_shrink} 0. */
    static double nextWindow(double window, double blocked, double max) {
        if (max <= 0) {
            return 0;
        }
        if (blocked <= window) {
            return window;
        }
        if (window > 0 && blocked > max) {
            return 0;
        }
        if (window < max && blocked < max) {
            return Math.min(window == 0 ? GROW_START_SECONDS : window * 2, max);
        }
        return window;
    }

    private static double book(Accounts accounts, Charge charge) {
        accounts.book(charge);
        return charge.cycles();
    }
}
