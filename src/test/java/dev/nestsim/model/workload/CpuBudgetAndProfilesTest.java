package dev.nestsim.model.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitReason;
import dev.nestsim.model.topology.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The testbed's CPU budget (L0's online CPUs carry its receive queues and vhost worker beside the vCPUs), the exit
 * profiles of workload results, and the TLB shootdowns of a server that unmaps.
 */
class CpuBudgetAndProfilesTest {

    private static final Workloads CATALOGUE = Workloads.standard(CascadeEngine.reference());
    private static final Map<String, Double> SHORT = Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005);

    private static WorkloadResult run(String workload, Path path) {
        return CATALOGUE.runner(workload).orElseThrow().run(path, SHORT, 3, 1, RunMonitor.NONE);
    }

    private static double mean(WorkloadResult r, String name, Integer level, String reason) {
        return r.metrics().stream()
                .filter(m -> m.name().equals(name) && Objects.equals(m.level(), level) && Objects.equals(m.reason(), reason))
                .mapToDouble(m -> m.estimate().mean()).findFirst().orElse(0);
    }

    @Test
    void withFewCpusOnlineL0sReceiveQueuesInterruptTheVcpus() {
        Path budget = PaperPaths.L1.path();
        Path everyCore = Path.toLeaf(budget.host().withOnlineCpus(budget.host().hardware().cores()), budget.hypervisors(),
                budget.leaf());
        double few = mean(run("memcached", budget), "exitsByReasonPerOperation", 0, ExitReason.EXTERNAL_INTERRUPT.name());
        double many = mean(run("memcached", everyCore), "exitsByReasonPerOperation", 0, ExitReason.EXTERNAL_INTERRUPT.name());

        assertThat(budget.host().onlineCpus()).isEqualTo(6);
        assertThat(few).as("4 of 6 queues on the vCPUs' CPUs").isGreaterThan(1.5 * many);
    }

    @ParameterizedTest
    @CsvSource({"netperf-tcp-rr, L2_BASELINE", "memcached, L2_BASELINE", "apache, L3_BASELINE", "memcached, L2_DVH"})
    void l0SeesEveryHardwareExitAndTheHandlersSeeTheReflectedOnes(String workload, PaperPaths config) {
        WorkloadResult r = run(workload, config.path());
        double raised = 0;
        for (int k = 0; k <= r.level(); k++) {
            raised += mean(r, "exitsPerSecond", k, null);
        }
        double seenByL0 = 0;
        double seenByL1 = 0;
        for (ExitReason reason : ExitReason.values()) {
            seenByL0 += mean(r, "exitsByReasonPerSecond", 0, reason.name());
            seenByL1 += mean(r, "exitsByReasonPerSecond", 1, reason.name());
        }

        assertThat(seenByL0).isCloseTo(raised, within(1e-6 * raised + 1e-6));
        assertThat(seenByL1).isLessThan(seenByL0);
    }

    @Test
    void underDvhL0EmulatesAlmostNoVmresume() {
        WorkloadResult baseline = run("memcached", PaperPaths.L2_BASELINE.path());
        WorkloadResult dvh = run("memcached", PaperPaths.L2_DVH.path());
        double emulated = mean(baseline, "cyclesByReasonPerOperation", 0, ExitReason.VMRESUME.name());

        assertThat(emulated).isGreaterThan(500);
        assertThat(mean(dvh, "cyclesByReasonPerOperation", 0, ExitReason.VMRESUME.name())).isLessThan(emulated / 20);
    }

    @Test
    void apacheShootsDownTheFilesPagesAndANestedBaselinePaysForTheIpis() {
        WorkloadResult nativeRun = run("apache", PaperPaths.NATIVE.path());
        WorkloadResult l2 = run("apache", PaperPaths.L2_BASELINE.path());
        WorkloadResult l2Dvh = run("apache", PaperPaths.L2_DVH.path());
        double perRequestNative = mean(nativeRun, "tlbShootdownsPerSecond", 0, null) / mean(nativeRun, "throughput", null, null);
        double perRequestL2 = mean(l2, "tlbShootdownsPerSecond", 2, null) / mean(l2, "throughput", null, null);

        assertThat(perRequestNative).isCloseTo(1.0, within(0.05));
        assertThat(perRequestL2).isCloseTo(1.0, within(0.05));
        assertThat(mean(l2Dvh, "exitsByReasonPerOperation", 1, ExitReason.MSR_WRITE.name()))
                .as("with virtual IPIs the leaf's IPIs reach no guest hypervisor")
                .isLessThan(mean(l2, "exitsByReasonPerOperation", 1, ExitReason.MSR_WRITE.name()) / 10);
    }

    @Test
    void memcachedUnmapsNothing() {
        WorkloadResult r = run("memcached", PaperPaths.L1.path());

        assertThat(mean(r, "tlbShootdownsPerSecond", 1, null)).isZero();
    }
}
