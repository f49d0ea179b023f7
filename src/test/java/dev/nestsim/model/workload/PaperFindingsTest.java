package dev.nestsim.model.workload;

import static dev.nestsim.model.workload.PaperEvaluation.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * CALIBRATION.md section 4's application findings, one test each, on the paper's configurations. Where the model
 * reproduces a finding only for some workloads, the test says which and docs/workloads.md says why.
 */
class PaperFindingsTest {

    @Test
    void nestedBaselineIsSeveralTimesSlowerThanNativeOnLatencyBoundIo() {
        assertThat(normalized("netperf-tcp-rr", PaperPaths.L2_BASELINE)).isLessThan(1.0 / 3);
    }

    /**
     * Memcached is left out: with memtier's 4 threads the client machine, L0's vhost thread and the leaf's CPU 0 are
     * all near saturation at L1 already, and L2's baseline loses only another 2% (docs/workloads.md section 3).
     */
    @ParameterizedTest
    @ValueSource(strings = {"netperf-tcp-rr", "apache", "mysql", "hackbench"})
    void nestedBaselineIsClearlySlowerThanASingleLevelVm(String workload) {
        assertThat(normalized(workload, PaperPaths.L2_BASELINE))
                .isLessThan(0.97 * normalized(workload, PaperPaths.L1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"netperf-tcp-rr", "netperf-tcp-maerts", "apache", "memcached", "mysql", "hackbench"})
    void l3FarWorseThanL2(String workload) {
        assertThat(normalized(workload, PaperPaths.L3_BASELINE))
                .isLessThan(0.6 * normalized(workload, PaperPaths.L2_BASELINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"netperf-tcp-rr", "netperf-tcp-stream", "netperf-tcp-maerts", "apache", "memcached", "mysql",
            "hackbench"})
    void dvhBringsL2NearNative(String workload) {
        double dvh = normalized(workload, PaperPaths.L2_DVH);
        assertThat(dvh).isGreaterThan(0.95 * normalized(workload, PaperPaths.L1));
        assertThat(dvh).isGreaterThan(0.98 * normalized(workload, PaperPaths.L2_BASELINE));
        if (!workload.equals("netperf-tcp-rr")) {
            assertThat(dvh).isGreaterThan(0.8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"netperf-tcp-rr"})
    void dvhImprovesL3ByMoreThanTenTimes(String workload) {
        assertThat(normalized(workload, PaperPaths.L3_DVH)).isGreaterThan(10 * normalized(workload, PaperPaths.L3_BASELINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "memcached", "mysql", "hackbench", "netperf-tcp-maerts"})
    void dvhImprovesL3SeveralTimesOnThroughputWorkloads(String workload) {
        assertThat(normalized(workload, PaperPaths.L3_DVH)).isGreaterThan(2 * normalized(workload, PaperPaths.L3_BASELINE));
    }
}
