package dev.nestsim.model.workload;

import dev.nestsim.model.workload.machine.RandomStreams;
import dev.nestsim.model.workload.machine.Source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.model.exits.CascadeEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * Common random numbers: every path compared with the same seed draws the same numbers from each source, and the
 * native counterpart of a replication is paired with it (SSJ's InventoryCRN example).
 */
class CommonRandomNumbersTest {

    private static double[] draws(RandomStreams streams, Source source, int count) {
        RandomStream stream = streams.stream(source);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = stream.nextDouble();
        }
        return values;
    }

    @Test
    void everySourceDrawsTheSameNumbersForTheSameSeedAndReplication() {
        for (Source source : Source.values()) {
            assertThat(draws(new RandomStreams(77, 3), source, 5)).containsExactly(draws(new RandomStreams(77, 3), source, 5));
        }
    }

    @Test
    void sourcesAndReplicationsDrawIndependentNumbers() {
        assertThat(draws(new RandomStreams(77, 0), Source.CLIENT, 5)).doesNotContain(draws(new RandomStreams(77, 0), Source.SERVER, 5));
        assertThat(draws(new RandomStreams(77, 0), Source.CLIENT, 5)).doesNotContain(draws(new RandomStreams(77, 1), Source.CLIENT, 5));
        assertThat(draws(new RandomStreams(77, 0), Source.CLIENT, 5)).doesNotContain(draws(new RandomStreams(78, 0), Source.CLIENT, 5));
    }

    @Test
    void streamsDoNotDependOnMrg32k3asClassWideSeed() {
        double[] before = draws(new RandomStreams(5, 0), Source.MIX, 3);
        new umontreal.ssj.rng.MRG32k3a().nextDouble();
        assertThat(draws(new RandomStreams(5, 0), Source.MIX, 3)).containsExactly(before);
    }

    @Test
    void pairingTheNativeCounterpartNarrowsTheNormalizedInterval() {
        WorkloadRunner runner = Workloads.standard(CascadeEngine.reference()).runner("memcached").orElseThrow();
        Map<String, Double> shortRun = Map.of("durationSeconds", 0.02, "warmupSeconds", 0.01);
        WorkloadResult paired = runner.run(PaperPaths.L2_DVH.path(), shortRun, 42, 5, RunMonitor.NONE);
        WorkloadResult nativeOtherSeed = runner.run(PaperPaths.NATIVE.path(), shortRun, 4242, 5, RunMonitor.NONE);
        WorkloadResult vm = runner.run(PaperPaths.L2_DVH.path(), shortRun, 42, 5, RunMonitor.NONE);
        double unpairedRelative = vm.primary().estimate().halfWidth() / vm.primary().estimate().mean()
                + nativeOtherSeed.primary().estimate().halfWidth() / nativeOtherSeed.primary().estimate().mean();
        double pairedRelative = paired.normalizedToNative().halfWidth() / paired.normalizedToNative().mean();
        assertThat(pairedRelative).isLessThan(unpairedRelative);
    }

    @Test
    void aResultKeepsItsPrimaryMetricPerReplicationAndTheSameSeedGivesTheSameValues() {
        WorkloadRunner runner = Workloads.standard(CascadeEngine.reference()).runner("mysql").orElseThrow();
        Map<String, Double> shortRun = Map.of("durationSeconds", 0.02, "warmupSeconds", 0.01);
        WorkloadResult first = runner.run(PaperPaths.L1.path(), shortRun, 9, 3, RunMonitor.NONE);
        WorkloadResult again = runner.run(PaperPaths.L1.path(), shortRun, 9, 3, RunMonitor.NONE);

        assertThat(first.primary().name()).as("MySQL's primary metric is its completion time").isEqualTo("completionTime");
        assertThat(first.primaryValues()).hasSize(3).doesNotHaveDuplicates();
        assertThat(first.primaryValues().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isCloseTo(first.primary().estimate().mean(), org.assertj.core.data.Offset.offset(1e-9 * first.primary().estimate().mean()));
        assertThat(again.primaryValues()).containsExactlyElementsOf(first.primaryValues());
    }
}
