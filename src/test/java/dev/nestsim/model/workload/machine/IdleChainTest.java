package dev.nestsim.model.workload.machine;

import dev.nestsim.model.workload.PaperPaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.GuestEvent;
import org.junit.jupiter.api.Test;

/** The wake-up chain of a halted vCPU, composed level by level from how long it was idle (docs/workloads.md section 1). */
class IdleChainTest {

    private static final double POLL = 200e-6;

    private static Sim sim(PaperPaths config) {
        return new Sim(Platform.of(CascadeEngine.reference(), config.path()), new RandomStreams(1, 0), 1000);
    }

    private static double cycles(Platform p, int level, GuestEvent... events) {
        double sum = 0;
        for (GuestEvent e : events) {
            sum += p.event(level, e).cycles();
        }
        return sum;
    }

    /** Short halts grow KVM's window to its maximum: 10 us, then doubling (10, 20, 40, 80, 160, 200 us). */
    private static void growWindows(Sim sim, Cpu vcpu) {
        for (int i = 0; i < 6; i++) {
            IdleChain.wake(sim, vcpu, 190e-6, false);
        }
        assertThat(vcpu.haltPollWindows()[0]).isEqualTo(POLL);
    }

    @Test
    void kvmGrowsTheWindowAfterShortHaltsAndDropsItAfterALongOne() {
        assertThat(IdleChain.nextWindow(0, 50e-6, POLL)).isEqualTo(10e-6);
        assertThat(IdleChain.nextWindow(10e-6, 50e-6, POLL)).isEqualTo(20e-6);
        assertThat(IdleChain.nextWindow(160e-6, 190e-6, POLL)).isEqualTo(POLL);
        assertThat(IdleChain.nextWindow(40e-6, 30e-6, POLL)).as("polled: unchanged").isEqualTo(40e-6);
        assertThat(IdleChain.nextWindow(POLL, 1e-3, POLL)).as("longer than the maximum: reset").isZero();
        assertThat(IdleChain.nextWindow(0, 1e-3, POLL)).as("long halts keep it at 0").isZero();
        assertThat(IdleChain.nextWindow(0, 5e-6, 0)).as("polling off").isZero();
    }

    @Test
    void aVcpuThatHaltsLongNeitherPollsNorBurnsItsHypervisorsCpu() {
        Sim sim = sim(PaperPaths.L1);
        Platform p = sim.platform();
        Cpu vcpu = new Cpu(sim, 1, "leaf", sim.accounts(), true);
        double latency = IdleChain.wake(sim, vcpu, 50e-6, false);
        assertThat(latency).as("the window starts at 0: blocked").isCloseTo(
                cycles(p, 1, GuestEvent.WAKEUP_BLOCKED, GuestEvent.TIMER_PROGRAM) + cycles(p, 0, GuestEvent.WAKEUP_BLOCKED), offset(1e-6));
        assertThat(sim.accounts().cyclesAt(0)).as("no 50 us of polling").isLessThan(0.5 * 50e-6 * p.hz());
        assertThat(vcpu.haltPollWindows()[0]).as("and the next halt polls 10 us").isEqualTo(IdleChain.GROW_START_SECONDS);
    }

    @Test
    void aWakeUpWithinTheHaltPollingWindowIsPolledAndBurnsTheHypervisorsCpu() {
        Sim sim = sim(PaperPaths.L2_BASELINE);
        Platform p = sim.platform();
        Cpu vcpu = new Cpu(sim, 2, "leaf", sim.accounts(), true);
        growWindows(sim, vcpu);
        double before = sim.accounts().cyclesAt(1);
        double latency = IdleChain.wake(sim, vcpu, 50e-6, false);
        assertThat(latency).isCloseTo(cycles(p, 2, GuestEvent.WAKEUP_POLLED, GuestEvent.TIMER_PROGRAM), offset(1e-6));
        assertThat(sim.accounts().cyclesAt(1) - before).isGreaterThanOrEqualTo(50e-6 * p.hz());
    }

    @Test
    void anIdlePeriodLongerThanTheWindowHaltsTheGuestHypervisorsVcpuToo() {
        Sim sim = sim(PaperPaths.L2_BASELINE);
        Platform p = sim.platform();
        Cpu vcpu = new Cpu(sim, 2, "leaf", sim.accounts(), true);
        growWindows(sim, vcpu);
        vcpu.haltPollWindows()[1] = POLL;
        double latency = IdleChain.wake(sim, vcpu, POLL + 100e-6, false);
        double expected = cycles(p, 1, GuestEvent.WAKEUP_POLLED, GuestEvent.TIMER_PROGRAM, GuestEvent.IPI_SEND_TO_HALTED)
                + cycles(p, 2, GuestEvent.WAKEUP_BLOCKED, GuestEvent.TIMER_PROGRAM);
        assertThat(latency).isCloseTo(expected, offset(1e-6));
        assertThat(sim.accounts().exitsAt(1)).isGreaterThanOrEqualTo(p.event(1, GuestEvent.HALT).exitsAt(1));
    }

    @Test
    void whenL0StopsPollingThePhysicalCpuIdlesAndMustLeaveItsCState() {
        Sim sim = sim(PaperPaths.L1);
        Platform p = sim.platform();
        Cpu vcpu = new Cpu(sim, 1, "leaf", sim.accounts(), true);
        double latency = IdleChain.wake(sim, vcpu, 5e-3, false);
        assertThat(latency).isCloseTo(cycles(p, 1, GuestEvent.WAKEUP_BLOCKED, GuestEvent.TIMER_PROGRAM)
                + cycles(p, 0, GuestEvent.WAKEUP_BLOCKED), offset(1e-6));
    }

    @Test
    void virtualIdleWakesTheLeafWithoutWakingAnyGuestHypervisor() {
        Sim sim = sim(PaperPaths.L3_DVH);
        Platform p = sim.platform();
        Cpu vcpu = new Cpu(sim, 3, "leaf", sim.accounts(), true);
        double latency = IdleChain.wake(sim, vcpu, 5e-3, false);
        assertThat(latency).isCloseTo(cycles(p, 3, GuestEvent.WAKEUP_BLOCKED, GuestEvent.TIMER_PROGRAM)
                + cycles(p, 0, GuestEvent.WAKEUP_BLOCKED), offset(1e-6));
        assertThat(sim.accounts().cyclesAt(1)).isZero();
        assertThat(sim.accounts().cyclesAt(2)).isZero();
    }

    @Test
    void aNativeCpuOnlyLeavesItsCState() {
        Sim sim = sim(PaperPaths.NATIVE);
        Cpu cpu = new Cpu(sim, 0, "cpu", sim.accounts(), true);
        assertThat(IdleChain.wake(sim, cpu, 1e-3, false)).isEqualTo(sim.platform().event(0, GuestEvent.WAKEUP_POLLED).cycles());
    }
}
