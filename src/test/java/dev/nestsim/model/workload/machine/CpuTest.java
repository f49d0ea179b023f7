package dev.nestsim.model.workload.machine;

import dev.nestsim.model.workload.PaperPaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.GuestEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CPU runs interrupt work first, and interrupt work suspends a thread, except inside the exits it was charged. */
class CpuTest {

    private static final double TOLERANCE = 1e-12;

    private final Sim sim = new Sim(Platform.of(CascadeEngine.reference(), PaperPaths.NATIVE.path()), new RandomStreams(1, 0), 10_000);
    private final Cpu cpu = new Cpu(sim, 0, "cpu", sim.accounts(), true);
    private final double tickFactor = 1 + sim.platform().tickPerBusySecond(0).cycles() / sim.hz();
    private final List<String> log = new ArrayList<>();

    /** Seconds that {@code cycles} keep a busy CPU, its tick included. */
    private double busy(double cycles) {
        return sim.seconds(cycles) * tickFactor;
    }

    private final class Recorded extends Job {
        private final String name;
        private final double cycles;
        private final boolean irq;
        private final Runnable atEnd;
        double began = -1;
        double ended = -1;

        Recorded(String name, double cycles, boolean irq, Runnable atEnd) {
            this.name = name;
            this.cycles = cycles;
            this.irq = irq;
            this.atEnd = atEnd;
        }

        @Override
        protected boolean irqContext() {
            return irq;
        }

        @Override
        protected double begin(Cpu on) {
            began = sim.now();
            log.add("begin " + name);
            return cycles;
        }

        @Override
        protected void end(Cpu on) {
            ended = sim.now();
            log.add("end " + name);
            atEnd.run();
        }
    }

    private void at(double seconds, Runnable action) {
        new SimEvent(sim) {
            @Override
            protected void fire() {
                action.run();
            }
        }.after(seconds);
    }

    @Test
    void interruptWorkSuspendsARunningThreadWhichThenResumesWhereItStopped() {
        Recorded thread = new Recorded("thread", 100_000, false, () -> { });
        Recorded irq = new Recorded("irq", 10_000, true, () -> { });
        cpu.submit(thread);
        double arrival = 1e-5;
        at(arrival, () -> cpu.submit(irq));
        sim.runUntil(1);

        assertThat(log).containsExactly("begin thread", "begin irq", "end irq", "end thread");
        assertThat(irq.began).isCloseTo(arrival, offset(TOLERANCE));
        assertThat(irq.ended).isCloseTo(arrival + busy(10_000), offset(TOLERANCE));
        double wake = thread.began;
        double alone = busy(sim.platform().event(0, GuestEvent.WAKEUP_POLLED).cycles() + 100_000);
        assertThat(thread.ended).isCloseTo(wake + alone + busy(10_000), offset(TOLERANCE));
    }

    @Test
    void interruptWorkWaitsForTheChargedCyclesAJobStartsWithThenPreemptsIt() {
        double charged = 50_000;
        Recorded second = new Recorded("second", 100_000, false, () -> { });
        Recorded irq = new Recorded("irq", 10_000, true, () -> { });
        Recorded first = new Recorded("first", 10_000, false, () -> {
            cpu.charge(Charge.work(sim.platform().levels(), 0, charged));
            cpu.submit(second);
        });
        cpu.submit(first);
        // the irq arrives while the second job's charged start (an exit, an IPI sent) is still running
        double secondStarts = busy(sim.platform().event(0, GuestEvent.WAKEUP_POLLED).cycles() + 10_000);
        double arrival = secondStarts + busy(charged) / 2;
        at(arrival, () -> cpu.submit(irq));
        sim.runUntil(1);

        assertThat(first.ended).isCloseTo(secondStarts, offset(TOLERANCE));
        assertThat(log).containsExactly("begin first", "end first", "begin second", "begin irq", "end irq", "end second");
        assertThat(irq.began).as("taken when the charged cycles are over").isCloseTo(secondStarts + busy(charged), offset(TOLERANCE));
        assertThat(second.ended).isCloseTo(secondStarts + busy(charged + 100_000) + busy(10_000), offset(TOLERANCE));
    }

    @Test
    void interruptWorkNeverSuspendsInterruptWork() {
        Recorded first = new Recorded("irq1", 100_000, true, () -> { });
        Recorded second = new Recorded("irq2", 10_000, true, () -> { });
        cpu.submit(first);
        at(1e-5, () -> cpu.submit(second));
        sim.runUntil(1);

        assertThat(log).containsExactly("begin irq1", "end irq1", "begin irq2", "end irq2");
        assertThat(second.began).isCloseTo(first.ended, offset(TOLERANCE));
    }

    @Test
    void aHypervisorCpuWithoutAVcpuOfItsOwnHoldsBackTheGuestVcpuItShares() {
        double arrival = 1e-4;
        double[] alone = sharedVcpu(false, arrival);
        double[] shared = sharedVcpu(true, arrival);
        Platform nested = Platform.of(CascadeEngine.reference(), PaperPaths.L2_BASELINE.path());
        double ioTick = 1 + nested.tickPerBusySecond(1).cycles() / nested.hz();
        double exit = nested.event(2, GuestEvent.HYPERVISOR_INTERRUPT).cycles();
        double ioSeconds = (exit + 20_000) / nested.hz() * ioTick;

        assertThat(shared[1]).as("the guest exits to L1, which runs its work at once").isCloseTo(arrival + ioSeconds, offset(TOLERANCE));
        assertThat(shared[0]).as("the guest's vCPU was L1's meanwhile").isCloseTo(alone[0] + ioSeconds, offset(TOLERANCE));
        assertThat(shared[2] - alone[2]).as("the guest's exit to L1").isEqualTo(nested.event(2, GuestEvent.HYPERVISOR_INTERRUPT).exitsAt(2));
    }

    /** A leaf vCPU busy with a long job and, if {@code withIo}, L1's interrupt work on its vCPU: end times, L2 exits. */
    private static double[] sharedVcpu(boolean withIo, double arrival) {
        Sim nested = new Sim(Platform.of(CascadeEngine.reference(), PaperPaths.L2_BASELINE.path()), new RandomStreams(1, 0), 10_000);
        Cpu guest = new Cpu(nested, 2, "L2 cpu3", nested.accounts(), true);
        Cpu io = new Cpu(nested, 1, "L1 irq", nested.accounts(), false);
        io.shareVcpuOf(guest);
        double[] ends = {-1, -1, 0};
        guest.submit(new Job() {
            @Override
            protected double begin(Cpu on) {
                return 1_000_000;
            }

            @Override
            protected void end(Cpu on) {
                ends[0] = nested.now();
                ends[2] = nested.accounts().exitsAt(2);
            }
        });
        if (withIo) {
            new SimEvent(nested) {
                @Override
                protected void fire() {
                    io.submit(new Job() {
                        @Override
                        protected boolean irqContext() {
                            return true;
                        }

                        @Override
                        protected double begin(Cpu on) {
                            return 20_000;
                        }

                        @Override
                        protected void end(Cpu on) {
                            ends[1] = nested.now();
                        }
                    });
                }
            }.after(arrival);
        }
        nested.runUntil(1);
        return ends;
    }
}
