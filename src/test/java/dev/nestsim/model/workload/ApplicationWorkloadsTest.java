package dev.nestsim.model.workload;

import dev.nestsim.model.workload.machine.Sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.topology.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue's contract with the runs API: names, parameters, bounds, metrics. */
class ApplicationWorkloadsTest {

    private static final Workloads CATALOGUE = Workloads.standard(CascadeEngine.reference());
    private static final Map<String, Double> SHORT = Map.of("durationSeconds", 0.02, "warmupSeconds", 0.005);

    static List<String> applications() {
        return PaperEvaluation.WORKLOADS;
    }

    private static WorkloadRunner runner(String name) {
        return CATALOGUE.runner(name).orElseThrow();
    }

    private static Map<String, Double> shortRun(String name) {
        return name.equals("mysql") ? Map.of("warmupTransactions", 0.0, "measuredTransactions", 100.0) : SHORT;
    }

    @Test
    void catalogueListsTheSevenApplicationWorkloadsInThePapersOrder() {
        List<String> applications = CATALOGUE.descriptors().stream()
                .filter(d -> d.kind() == WorkloadKind.APPLICATION).map(WorkloadDescriptor::name).collect(Collectors.toList());
        assertThat(applications).containsExactlyElementsOf(PaperEvaluation.WORKLOADS);
    }

    @ParameterizedTest
    @MethodSource("applications")
    void everyWorkloadBoundsItsRunAndItsReplications(String name) {
        WorkloadDescriptor d = runner(name).descriptor();
        assertThat(d.maxReplications()).isEqualTo(30);
        assertThat(d.parameters()).allSatisfy(p -> {
            assertThat(p.min()).isLessThanOrEqualTo(p.defaultValue());
            assertThat(p.max()).isLessThan(Double.POSITIVE_INFINITY);
        });
        if (!name.equals("mysql")) {
            assertThat(d.parameters()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("durationSeconds");
                assertThat(p.max()).isEqualTo(10);
            });
        }
    }

    @ParameterizedTest
    @CsvSource({
        "memcached, clientThreads, 4", "memcached, clientsPerThread, 50", "memcached, serverThreads, 4",
        "memcached, getsPerSet, 10", "apache, concurrency, 10", "mysql, threads, 200", "mysql, transactions, 10000",
        "hackbench, groups, 100", "hackbench, loops, 500", "netperf-tcp-rr, requestBytes, 1", "netperf-tcp-stream, sendBytes, 16384"
    })
    void defaultsAreThePapersParameters(String workload, String parameter, double value) {
        assertThat(runner(workload).descriptor().parameters())
                .filteredOn(p -> p.name().equals(parameter)).singleElement()
                .satisfies(p -> assertThat(p.defaultValue()).isEqualTo(value));
    }

    /** Every workload with network I/O says where guest hypervisors take their interrupts; Hackbench has none. */
    @Test
    void theNetworkWorkloadsExposeTheGuestHypervisorsInterruptPlacement() {
        for (String workload : PaperEvaluation.WORKLOADS) {
            assertThat(runner(workload).descriptor().parameters()).as(workload)
                    .filteredOn(p -> p.name().equals(ApplicationWorkloads.HYPERVISOR_IRQ_VCPU))
                    .hasSize(workload.equals("hackbench") ? 0 : 1)
                    .allSatisfy(p -> {
                        assertThat(p.defaultValue()).isEqualTo(3);
                        assertThat(p.accepts(Sim.SPARE_VCPU)).isTrue();
                        assertThat(p.accepts(-2)).isFalse();
                    });
        }
    }

    /** The bare host has no guest hypervisor, so where one would take its interrupts cannot change native. */
    @Test
    void theInterruptPlacementDoesNotChangeNative() {
        Map<String, Double> spare = new java.util.HashMap<>(SHORT);
        spare.put(ApplicationWorkloads.HYPERVISOR_IRQ_VCPU, -1.0);
        Map<String, Double> cpu0 = new java.util.HashMap<>(SHORT);
        cpu0.put(ApplicationWorkloads.HYPERVISOR_IRQ_VCPU, 0.0);

        WorkloadResult a = runner("memcached").run(PaperPaths.NATIVE.path(), spare, 5, 2, RunMonitor.NONE);
        WorkloadResult b = Workloads.standard(CascadeEngine.reference()).runner("memcached").orElseThrow()
                .run(PaperPaths.NATIVE.path(), cpu0, 5, 2, RunMonitor.NONE);

        assertThat(b.primary()).isEqualTo(a.primary());
        assertThat(b.metrics()).isEqualTo(a.metrics());
    }

    /** Counts take whole numbers only: a fraction is refused by name, not rounded behind the user's back. */
    @Test
    void aCountRefusesAFractionAndTheWindowsTakeAny() {
        WorkloadDescriptor memcached = runner("memcached").descriptor();

        assertThat(Workloads.check(memcached, Map.of("clientThreads", 2.5, "hypervisorIrqVcpu", 0.5)))
                .extracting(ParameterViolation::field, ParameterViolation::rule)
                .containsExactly(tuple("clientThreads", "parameter-integer"), tuple("hypervisorIrqVcpu", "parameter-integer"));
        assertThat(Workloads.check(memcached, Map.of("clientThreads", 3.0, "durationSeconds", 0.015, "warmupSeconds", 0.0)))
                .isEmpty();
        assertThat(Workloads.check(memcached, Map.of("clientThreads", 17.5)))
                .extracting(ParameterViolation::rule).containsExactly("parameter-range");
        Map<String, Double> missing = new java.util.HashMap<>();
        missing.put("clientThreads", null);
        assertThat(Workloads.check(memcached, missing)).extracting(ParameterViolation::message)
                .containsExactly("clientThreads must be between 1 and 16 threads, was null");
        for (String workload : PaperEvaluation.WORKLOADS) {
            assertThat(runner(workload).descriptor().parameters()).as(workload)
                    .allSatisfy(p -> assertThat(p.integer()).isEqualTo(!p.unit().equals("s")));
        }
    }

    @Test
    void aPathThatEndsAtAHypervisorIsRejected() {
        Path l2 = PaperPaths.L2_BASELINE.path();
        Path toHypervisor = Path.toHypervisor(l2.host(), l2.hypervisors());
        assertThatThrownBy(() -> runner("netperf-tcp-rr").run(toHypervisor, SHORT, 1, 1, RunMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hypervisor 'l1' (L1)");
    }

    @Test
    void replicationsOutsideTheBoundsAreRejected() {
        assertThatThrownBy(() -> runner("apache").run(PaperPaths.L1.path(), SHORT, 1, 31, RunMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 30");
        assertThatThrownBy(() -> runner("apache").run(PaperPaths.L1.path(), SHORT, 1, 0, RunMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("applications")
    void aNativeRunIsNormalizedToExactlyOne(String name) {
        WorkloadResult result = runner(name).run(PaperPaths.NATIVE.path(), shortRun(name), 5, 2, RunMonitor.NONE);
        assertThat(result.normalizedToNative()).isEqualTo(new Estimate(1, 0, 0.95, 2));
        assertThat(result.level()).isZero();
    }

    @ParameterizedTest
    @MethodSource("applications")
    void everyRunReportsItsPrimaryMetricAndCpuAndExitsAtEveryLevel(String name) {
        WorkloadResult result = runner(name).run(PaperPaths.L3_BASELINE.path(), shortRun(name), 5, 2, RunMonitor.NONE);
        WorkloadDescriptor d = runner(name).descriptor();
        assertThat(result.primary().name()).isEqualTo(d.primaryMetric());
        assertThat(result.primary().unit()).isEqualTo(d.primaryUnit());
        for (int level = 0; level <= 3; level++) {
            int k = level;
            assertThat(result.metrics()).anySatisfy(m -> assertThat(m).extracting(Metric::name, Metric::level)
                    .containsExactly("cpuUtilization", k));
            assertThat(result.metrics()).anySatisfy(m -> assertThat(m).extracting(Metric::name, Metric::level)
                    .containsExactly("exitsPerSecond", k));
        }
        assertThat(result.normalizedToNative().mean()).isBetween(0.0, 1.2);
        assertThat(result.parameters()).containsKeys(d.parameters().stream().map(WorkloadParameter::name).toArray(String[]::new));
    }

    @Test
    void theBusiestCpuOfEveryLevelThatHasCpusIsReportedAndShowsTheBottleneck() {
        WorkloadResult baseline = runner("memcached").run(PaperPaths.L2_BASELINE.path(), shortRun("memcached"), 5, 2, RunMonitor.NONE);
        Map<Integer, Double> busiest = busiest(baseline);
        assertThat(busiest).containsOnlyKeys(0, 1, 2);
        assertThat(busiest.values()).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        // 200 connections saturate the path: the leaf's vCPU that holds the transmit qdisc, ringing the doorbell, is the bottleneck
        assertThat(busiest.get(2)).isGreaterThan(0.9);

        WorkloadResult dvh = runner("memcached").run(PaperPaths.L2_DVH.path(), shortRun("memcached"), 5, 2, RunMonitor.NONE);
        assertThat(busiest(dvh)).as("L1 does no I/O under virtual-passthrough").containsOnlyKeys(0, 2);

        WorkloadResult rr = runner("netperf-tcp-rr").run(PaperPaths.L2_BASELINE.path(), shortRun("netperf-tcp-rr"), 5, 2, RunMonitor.NONE);
        assertThat(busiest(rr).get(2)).as("one transaction in flight leaves every leaf vCPU mostly idle").isLessThan(0.5);
    }

    /**
     * Cycles and exits per unit of work at every level are the per-second figures over the throughput (one
     * replication, so the mean of the ratio is the ratio of the means); all levels together they add up.
     */
    @Test
    void cyclesAndExitsPerOperationAreTheRatesOverTheThroughput() {
        WorkloadResult result = runner("memcached").run(PaperPaths.L2_BASELINE.path(), shortRun("memcached"), 5, 1, RunMonitor.NONE);
        double throughput = mean(result, "throughput", null);
        double hz = PaperPaths.L2_BASELINE.path().host().hardware().clockGhz() * 1e9;
        double allLevels = 0;
        for (int k = 0; k <= 2; k++) {
            double cycles = mean(result, "cyclesPerOperation", k);
            assertThat(cycles).as("L%d", k).isCloseTo(mean(result, "cpuUtilization", k) * hz / throughput, withinPercentage(1e-6));
            assertThat(mean(result, "exitsPerOperation", k)).as("L%d", k)
                    .isCloseTo(mean(result, "exitsPerSecond", k) / throughput, withinPercentage(1e-6));
            allLevels += cycles;
        }
        assertThat(mean(result, "cyclesPerOperation", null)).isCloseTo(allLevels, withinPercentage(1e-6));
        assertThat(result.metrics()).filteredOn(m -> m.name().equals("cyclesPerOperation"))
                .extracting(Metric::unit).containsOnly("cycles/operation");
        assertThat(Summary.operationOf("transactions/s")).isEqualTo("transaction");
        assertThat(Summary.operationOf("Mbit/s")).isEqualTo("Mbit");
    }

    /**
     * The CPU a unit of work costs against native: 1 natively; more in a nested VM, whose guest hypervisor copies
     * and bridges every packet again; less with DVH than without, where only L0 touches the packets.
     */
    @Test
    void aNestedVmSpendsMoreCpuPerOperationThanNativeAndDvhLessThanTheBaseline() {
        Map<String, Double> params = shortRun("memcached");
        double nativeCost = mean(runner("memcached").run(PaperPaths.NATIVE.path(), params, 5, 2, RunMonitor.NONE),
                "cyclesPerOperationNormalizedToNative", null);
        WorkloadResult baseline = runner("memcached").run(PaperPaths.L2_BASELINE.path(), params, 5, 2, RunMonitor.NONE);
        WorkloadResult dvh = runner("memcached").run(PaperPaths.L2_DVH.path(), params, 5, 2, RunMonitor.NONE);

        assertThat(nativeCost).isEqualTo(1);
        assertThat(mean(baseline, "cyclesPerOperationNormalizedToNative", null)).isGreaterThan(1.2);
        assertThat(mean(dvh, "cyclesPerOperationNormalizedToNative", null))
                .isLessThan(mean(baseline, "cyclesPerOperationNormalizedToNative", null));
        assertThat(mean(dvh, "exitsPerOperation", 1)).isLessThan(mean(baseline, "exitsPerOperation", 1) / 10);
    }

    private static double mean(WorkloadResult result, String name, Integer level) {
        return result.metrics().stream().filter(m -> m.name().equals(name) && java.util.Objects.equals(m.level(), level))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " at " + level)).estimate().mean();
    }

    /** The busiest CPU's utilisation per level that reports one. */
    static Map<Integer, Double> busiest(WorkloadResult result) {
        return result.metrics().stream().filter(m -> m.name().equals("busiestCpuUtilization"))
                .collect(Collectors.toMap(Metric::level, m -> m.estimate().mean()));
    }

    @ParameterizedTest
    @CsvSource({"netperf-tcp-rr, true", "apache, true", "memcached, true", "mysql, true",
        "netperf-tcp-stream, false", "netperf-tcp-maerts, false", "hackbench, false"})
    void latencyIsReportedWhereTheWorkloadHasOne(String name, boolean hasLatency) {
        WorkloadResult result = runner(name).run(PaperPaths.L1.path(), shortRun(name), 5, 1, RunMonitor.NONE);
        List<String> names = result.metrics().stream().map(Metric::name).collect(Collectors.toList());
        if (hasLatency) {
            assertThat(names).contains("latencyMean", "latencyP50", "latencyP90", "latencyP99");
        } else {
            assertThat(names).doesNotContain("latencyMean");
        }
    }

    @Test
    void completionTimeWorkloadsReportTheirTimeAsPrimaryAndLowerIsBetter() {
        WorkloadResult result = runner("hackbench").run(PaperPaths.L2_BASELINE.path(), SHORT, 5, 2, RunMonitor.NONE);
        assertThat(runner("hackbench").descriptor().higherIsBetter()).isFalse();
        assertThat(result.primary().name()).isEqualTo("completionTime");
        assertThat(result.primary().unit()).isEqualTo("s");
        assertThat(result.normalizedToNative().mean()).isLessThan(1);
    }
}
