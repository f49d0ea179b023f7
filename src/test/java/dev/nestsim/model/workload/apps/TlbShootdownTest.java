package dev.nestsim.model.workload.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.workload.PaperPaths;
import dev.nestsim.model.workload.machine.Counter;
import dev.nestsim.model.workload.machine.Cpu;
import dev.nestsim.model.workload.machine.Job;
import dev.nestsim.model.workload.machine.Platform;
import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.machine.Sim;
import org.junit.jupiter.api.Test;

/**
 * A TLB shootdown to several vCPUs is one ICR write (x2APIC cluster mode): the leaf exits once, and the hypervisor
 * that emulates the write delivers to every further target in that exit.
 */
class TlbShootdownTest {

    private static Sim sim(PaperPaths config) {
        return new Sim(Platform.of(CascadeEngine.reference(), config.path()), new RandomStreams(1, 0), 1000);
    }

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

    private static Cpu[] runningVcpus(Sim sim, int level, int count) {
        Cpu[] cpus = new Cpu[count];
        for (int i = 0; i < count; i++) {
            cpus[i] = new Cpu(sim, level, "cpu" + i, sim.accounts(), true);
            busy(cpus[i]);
        }
        return cpus;
    }

    @Test
    void aShootdownToThreeRunningVcpusOfANestedLeafIsOneIcrExitAndTwoDeliveriesByTheGuestHypervisor() {
        Sim sim = sim(PaperPaths.L2_BASELINE);
        Platform p = sim.platform();
        Cpu[] cpus = runningVcpus(sim, 2, 4);
        TlbShootdown shootdown = new TlbShootdown(sim, cpus);
        for (Cpu cpu : cpus) {
            shootdown.ran(cpu);
        }
        double leafExitsBefore = sim.accounts().exitsAt(2);
        double l1ExitsBefore = sim.accounts().exitsAt(1);

        shootdown.unmap(cpus[0], 1);

        assertThat(p.ipiHandler(2)).isEqualTo(1);
        assertThat(sim.accounts().counter(Counter.IPIS)).as("ICR writes by the leaf").isEqualTo(1);
        assertThat(sim.accounts().exitsAt(2) - leafExitsBefore).isEqualTo(p.event(2, GuestEvent.IPI_SEND).exitsAt(2));
        assertThat(sim.accounts().exitsAt(1) - l1ExitsBefore)
                .as("the first target's delivery inside the leaf's exit, then a posted-interrupt notification per further target")
                .isEqualTo(p.event(2, GuestEvent.IPI_SEND).exitsAt(1) + 2 * p.event(1, GuestEvent.IPI_SEND).exitsAt(1));
        assertThat(sim.accounts().counter(Counter.TLB_SHOOTDOWNS)).isEqualTo(1);
    }

    @Test
    void withVirtualIpisL0DeliversAndNativelyNobodyPaysForTheFurtherTargets() {
        assertThat(sim(PaperPaths.L2_DVH).platform().ipiHandler(2)).isZero();
        assertThat(sim(PaperPaths.NATIVE).platform().ipiHandler(0)).isEqualTo(dev.nestsim.model.workload.machine.Signals.HARDWARE);
    }
}
