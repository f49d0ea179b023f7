package dev.nestsim.model.workload.machine;

import dev.nestsim.model.workload.PaperPaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.GuestEvent;
import org.junit.jupiter.api.Test;

/** Who pays what for an IPI or an injected interrupt (docs/workloads.md section 1). */
class SignalsTest {

    private static final Job NOTHING = new Job() {
        @Override
        protected double begin(Cpu cpu) {
            return 0;
        }

        @Override
        protected void end(Cpu cpu) {
        }
    };

    private static Sim sim(PaperPaths config) {
        return new Sim(Platform.of(CascadeEngine.reference(), config.path()), new RandomStreams(1, 0), 1000);
    }

    /** Keeps {@code cpu} busy with a long job, so it counts as running. */
    private static void busy(Cpu cpu) {
        cpu.submit(new Job() {
            @Override
            protected double begin(Cpu on) {
                return 1e9;
            }

            @Override
            protected void end(Cpu on) {
            }
        });
    }

    @Test
    void aKernelIpiToARunningVcpuCostsTheSenderIpiSendAndTheTargetAnExitlessDelivery() {
        Sim sim = sim(PaperPaths.L2_BASELINE);
        Platform p = sim.platform();
        Cpu from = new Cpu(sim, 2, "from", sim.accounts(), true);
        Cpu to = new Cpu(sim, 2, "to", sim.accounts(), true);
        busy(from);
        busy(to);
        double before = sim.accounts().exitsAt(2);
        Signals.send(sim, from, 2, to, NOTHING, 0);
        assertThat(sim.accounts().exitsAt(2) - before).isEqualTo(p.event(2, GuestEvent.IPI_SEND).exitsAt(2));
        assertThat(p.event(2, GuestEvent.INTERRUPT_DELIVERY).exitsAt(2)).isZero();
        assertThat(sim.accounts().counter(Counter.IPIS)).isEqualTo(1);
    }

    @Test
    void aKernelIpiToAHaltedVcpuCostsIpiSendToHalted() {
        Sim sim = sim(PaperPaths.L2_BASELINE);
        Platform p = sim.platform();
        Cpu from = new Cpu(sim, 2, "from", sim.accounts(), true);
        Cpu to = new Cpu(sim, 2, "to", sim.accounts(), true);
        busy(from);
        double before = sim.accounts().cyclesAt(1);
        Signals.send(sim, from, 2, to, NOTHING, 0);
        assertThat(sim.accounts().cyclesAt(1) - before)
                .isGreaterThanOrEqualTo(p.event(2, GuestEvent.IPI_SEND_TO_HALTED).cyclesAt(1));
    }

    @Test
    void onBareMetalAnIdleCpuNeedsNoIpi() {
        Sim sim = sim(PaperPaths.NATIVE);
        Cpu from = new Cpu(sim, 0, "from", sim.accounts(), true);
        Cpu to = new Cpu(sim, 0, "to", sim.accounts(), true);
        busy(from);
        double before = sim.accounts().cyclesAt(0);
        Signals.send(sim, from, 0, to, NOTHING, 0);
        double expected = sim.platform().event(0, GuestEvent.EOI).cycles() + sim.platform().event(0, GuestEvent.WAKEUP_POLLED).cycles();
        assertThat(sim.accounts().cyclesAt(0) - before).isCloseTo(expected, offset(5.0));
    }

    @Test
    void aHypervisorInjectingIntoAVcpuItStillPollsOnlyKicksIt() {
        Sim sim = sim(PaperPaths.L2_BASELINE);
        Platform p = sim.platform();
        Cpu backend = new Cpu(sim, 1, "backend", sim.accounts(), false);
        Cpu leaf = new Cpu(sim, 2, "leaf", sim.accounts(), true);
        busy(backend);
        double exitsBefore = sim.accounts().exitsAt(1);
        Signals.send(sim, backend, 1, leaf, NOTHING, 0);
        double wakeUpOnly = p.event(2, GuestEvent.WAKEUP_POLLED).exitsAt(1) + p.event(2, GuestEvent.TIMER_PROGRAM).exitsAt(1)
                + p.event(2, GuestEvent.EOI).exitsAt(1);
        assertThat(sim.accounts().exitsAt(1) - exitsBefore).as("the wake-up and the busy CPUs' ticks, no IPI").isCloseTo(wakeUpOnly, offset(0.5));
        assertThat(p.event(1, GuestEvent.IPI_SEND_TO_HALTED).exitsAt(1)).isGreaterThanOrEqualTo(1.0);
    }
}
