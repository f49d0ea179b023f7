package dev.nestsim.model.workload.machine;

import dev.nestsim.model.exits.GuestEvent;

/**
 * Interrupts and IPIs between CPUs (docs/workloads.md section 1), with who pays what.
 *
 * <p>The signaller runs software at level s and the target CPU is at level t:
 * <ul>
 * <li>s = t: an IPI of that level's kernel (a reschedule IPI for a cross-CPU wake-up): {@code IPI_SEND} at t to a
 *     running target, {@code IPI_SEND_TO_HALTED} to a halted one; natively a halted CPU waiting in MWAIT needs no
 *     IPI at all (kernel/sched/core.c ttwu_queue_remote).</li>
 * <li>s &lt; t: a hypervisor (or L0 with DVH) injecting an interrupt into its guest's vCPU: to a running target the
 *     posted-interrupt notification, {@code IPI_SEND} at s (natively at L0); to a halted target still being polled a
 *     wait-queue wake without exit; to a halted target whose vCPU thread blocked, a reschedule IPI to the vCPU that
 *     runs it ({@code IPI_SEND_TO_HALTED} at s).</li>
 * <li>hardware (s = {@link #HARDWARE}): a device's interrupt posted by VT-d; nobody pays to send it.</li>
 * </ul>
 * The target takes the interrupt when the signaller's handler sends it (before its exit returns): running, an
 * {@code INTERRUPT_DELIVERY} and {@code EOI} at t (exitless with posted interrupts and APICv); halted, the
 * {@link IdleChain wake-up chain}. The signaller's cycles delay its own next job.
 */
public final class Signals {

    /** The signaller of a device interrupt that no software sends. */
    public static final int HARDWARE = -1;

    private Signals() {
    }

    /**
     * {@code from} (software at level {@code s}, or {@code null} with {@link #HARDWARE}) interrupts {@code to}, which
     * then runs {@code job}; {@code handlerCycles} of the target's own level handle the interrupt itself.
     */
    public static void send(Sim sim, Cpu from, int s, Cpu to, Job job, double handlerCycles) {
        if (from == to) {
            to.submit(job);
            return;
        }
        Platform p = sim.platform();
        int t = to.level;
        double delayCycles = 0;
        if (s != HARDWARE) {
            Charge paid = senderCharge(p, s, to);
            if (paid != null) {
                from.charge(paid);
                double tail = s == t ? p.ipiTailCycles(t) : p.ipiTailCycles(s);
                if (paid.cycles() > tail && tail > 0) {
                    delayCycles = paid.cycles() - tail;
                }
            } else if (s != t) {
                from.work(p.vcpuKickCycles());
            }
            if (s == t && from.isLeaf()) {
                from.accounts().count(Counter.IPIS, 1);
            }
        }
        if (delayCycles <= 0) {
            arrive(sim, to, job, handlerCycles);
        } else {
            new SimEvent(sim) {
                @Override
                protected void fire() {
                    arrive(sim, to, job, handlerCycles);
                }
            }.after(sim.seconds(delayCycles));
        }
    }

    /** The sender's charge, or {@code null} when it only wakes a polling (or MWAIT-waiting) target without an exit. */
    private static Charge senderCharge(Platform p, int s, Cpu to) {
        int t = to.level;
        if (!to.idle()) {
            return p.event(s, GuestEvent.IPI_SEND);
        }
        if (s == t) {
            return t == 0 ? null : p.event(t, GuestEvent.IPI_SEND_TO_HALTED);
        }
        int h = p.haltHandler(t);
        boolean polled = to.idleSeconds() <= to.haltPollWindows()[0];
        if (!polled && s == h) {
            to.markFirstWakeIpiPaid();
            return p.event(s, GuestEvent.IPI_SEND_TO_HALTED);
        }
        return null;
    }

    private static void arrive(Sim sim, Cpu to, Job job, double handlerCycles) {
        Platform p = sim.platform();
        int t = to.level;
        if (!to.idle()) {
            to.charge(p.event(t, GuestEvent.INTERRUPT_DELIVERY));
        }
        to.charge(p.event(t, GuestEvent.EOI));
        to.work(handlerCycles);
        if (to.isLeaf()) {
            to.accounts().count(Counter.INTERRUPTS, 1);
        }
        to.submit(job);
    }
}
