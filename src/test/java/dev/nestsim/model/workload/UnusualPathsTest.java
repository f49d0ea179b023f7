package dev.nestsim.model.workload;

import dev.nestsim.model.workload.machine.Sim;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paths users may build beyond the paper's: every workload runs on them and reports finite figures. */
class UnusualPathsTest {

    private static final Workloads CATALOGUE = Workloads.standard(CascadeEngine.reference());
    private static final HypervisorSettings KVM = HypervisorSettings.KVM_DEFAULTS;

    private static LeafVm leaf(IoModel io, int vcpus, boolean posted) {
        return new LeafVm("vm", vcpus, 4, io, Set.of(), posted);
    }

    private static GuestHypervisor hypervisor(int vcpus, HypervisorSettings settings, ViommuMode viommu) {
        return new GuestHypervisor("hv", vcpus, 24, settings, viommu);
    }

    static Stream<Arguments> paths() {
        Host host = PaperPaths.testbed();
        List<GuestHypervisor> deep = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deep.add(new GuestHypervisor("hv" + i, 12 - 2 * i, 48, KVM, ViommuMode.OFF));
        }
        Host sandyBridge = new Host("sb", HostProfiles.SANDY_BRIDGE_E5_2450.hardware(), KVM.withPostedInterrupts(false));
        return Stream.of(
                Arguments.of("emulated e1000 at L2", Path.toLeaf(host, List.of(hypervisor(6, KVM, ViommuMode.OFF)), leaf(IoModel.EMULATED, 4, true))),
                Arguments.of("passthrough at L1", Path.toLeaf(host, List.of(), leaf(IoModel.PASSTHROUGH, 4, true))),
                Arguments.of("virtual-passthrough at L1", Path.toLeaf(host, List.of(), leaf(IoModel.VIRTUAL_PASSTHROUGH, 4, true))),
                Arguments.of("passthrough, strict vIOMMU", Path.toLeaf(host, List.of(hypervisor(6, KVM, ViommuMode.STRICT)), leaf(IoModel.PASSTHROUGH, 4, true))),
                Arguments.of("passthrough, deferred vIOMMU", Path.toLeaf(host, List.of(hypervisor(6, KVM, ViommuMode.DEFERRED)), leaf(IoModel.PASSTHROUGH, 4, true))),
                Arguments.of("1 vCPU, no halt polling, no posted interrupts", Path.toLeaf(host,
                        List.of(hypervisor(2, KVM.withHaltPollNs(0), ViommuMode.OFF)), leaf(IoModel.VIRTIO, 1, false))),
                Arguments.of("no spare vCPU in L1", Path.toLeaf(host, List.of(hypervisor(4, KVM, ViommuMode.OFF)), leaf(IoModel.VIRTIO, 4, true))),
                Arguments.of("L5 baseline", Path.toLeaf(host, deep, leaf(IoModel.VIRTIO, 4, true))),
                Arguments.of("Sandy Bridge without APICv", Path.toLeaf(sandyBridge,
                        List.of(hypervisor(6, KVM.withPostedInterrupts(false), ViommuMode.OFF)), leaf(IoModel.VIRTIO, 4, false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void everyWorkloadRunsAndReportsFiniteFigures(String name, Path path) {
        for (String workload : PaperEvaluation.WORKLOADS) {
            Map<String, Double> parameters = workload.equals("mysql")
                    ? Map.of("warmupTransactions", 20.0, "measuredTransactions", 100.0)
                    : Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005);
            WorkloadResult result = CATALOGUE.runner(workload).orElseThrow().run(path, parameters, 3, 1, RunMonitor.NONE);
            assertThat(result.metrics()).allSatisfy(m -> assertThat(m.estimate().mean()).isFinite().isGreaterThanOrEqualTo(0));
            assertThat(result.normalizedToNative().mean()).as(workload).isBetween(0.0, 1.5);
        }
    }

    /**
     * A guest hypervisor with no vCPU beyond its guest's runs its interrupts and vhost thread on the vCPUs that run
     * the guest: each of its wake-ups exits the guest, and its I/O work takes the guest's CPU time (Apache, whose
     * leaf needs its CPUs, loses). One spare vCPU takes them off the guest; a second gives the vhost worker a vCPU of
     * its own, where it takes each doorbell at once, empties the ring and re-arms before the leaf's qdisc owner adds the
     * next packet: Memcached's responses then ring the doorbell many times more often, and at the nested doorbell's
     * price it loses (measured with L1's interrupts placed on spare vCPUs).
     */
    @Test
    void aGuestHypervisorWithoutSpareVcpusTakesItsIoFromItsGuestsVcpus() {
        assertThat(withSpareVcpus("apache", 0).normalizedToNative().mean()).isLessThan(0.95 * withSpareVcpus("apache", 1).normalizedToNative().mean());
        WorkloadResult shared = withSpareVcpus("memcached", 1);
        WorkloadResult own = withSpareVcpus("memcached", 2);
        assertThat(kicksPerUnit(own)).isGreaterThan(3 * kicksPerUnit(shared));
        assertThat(own.normalizedToNative().mean()).isLessThan(0.8 * shared.normalizedToNative().mean());
    }

    private static WorkloadResult withSpareVcpus(String workload, int spare) {
        Path path = Path.toLeaf(PaperPaths.testbed(), List.of(hypervisor(4 + spare, KVM, ViommuMode.OFF)), leaf(IoModel.VIRTIO, 4, true));
        Map<String, Double> shortRun = Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005,
                ApplicationWorkloads.HYPERVISOR_IRQ_VCPU, (double) Sim.SPARE_VCPU);
        WorkloadResult result = CATALOGUE.runner(workload).orElseThrow().run(path, shortRun, 3, 2, RunMonitor.NONE);
        if (spare == 0) {
            Map<Integer, Double> busiest = ApplicationWorkloadsTest.busiest(result);
            assertThat(busiest).as("L1 still has its I/O CPU, on a leaf vCPU").containsKeys(0, 1, 2);
        }
        return result;
    }

    /** The leaf's doorbells per unit of work. */
    private static double kicksPerUnit(WorkloadResult result) {
        double kicks = result.metrics().stream().filter(m -> m.name().equals("kicksPerSecond")).mapToDouble(m -> m.estimate().mean())
                .max().orElseThrow();
        return kicks / result.primary().estimate().mean();
    }

    /**
     * Where a guest hypervisor takes its NIC's interrupts: on the vCPU that runs a leaf vCPU (the default, leaf vCPU
     * 3), each of them makes that vCPU exit to L1 and L1's receive work takes its time, so Apache at L2 baseline
     * loses against interrupts on a spare vCPU; on leaf vCPU 0, which already takes the leaf's own interrupts and sends
     * the ACK-clocked bursts, it loses most. The L2 exits it adds are reflected interrupts for L1.
     */
    @Test
    void aGuestHypervisorsInterruptsOnTheLeafsVcpuSlowItDown() {
        double spare = irqPlacement("apache", PaperPaths.L2_BASELINE, Sim.SPARE_VCPU).normalizedToNative().mean();
        WorkloadResult onLast = irqPlacement("apache", PaperPaths.L2_BASELINE, 3);
        double onCpu0 = irqPlacement("apache", PaperPaths.L2_BASELINE, 0).normalizedToNative().mean();
        assertThat(onLast.normalizedToNative().mean()).isLessThan(0.95 * spare);
        assertThat(onCpu0).isLessThan(0.8 * onLast.normalizedToNative().mean());
        assertThat(onLast.parameters()).containsEntry(ApplicationWorkloads.HYPERVISOR_IRQ_VCPU, 3.0);
    }

    /** No guest hypervisor relays anything on a single level, nor under DVH (its interrupts go straight to the leaf). */
    @Test
    void theInterruptPlacementChangesNothingWithoutAGuestHypervisorsInterrupts() {
        for (PaperPaths config : List.of(PaperPaths.L1, PaperPaths.L2_DVH)) {
            assertThat(irqPlacement("apache", config, 0).normalizedToNative().mean()).as(config.name())
                    .isEqualTo(irqPlacement("apache", config, Sim.SPARE_VCPU).normalizedToNative().mean());
        }
    }

    private static WorkloadResult irqPlacement(String workload, PaperPaths config, int vcpu) {
        Map<String, Double> parameters = Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005,
                ApplicationWorkloads.HYPERVISOR_IRQ_VCPU, (double) vcpu);
        return CATALOGUE.runner(workload).orElseThrow().run(config.path(), parameters, 3, 2, RunMonitor.NONE);
    }
}
