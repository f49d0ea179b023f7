package dev.nestsim.model.workload.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A replication keeps its latencies as a summary: count, mean and nearest-rank percentiles, never the samples. */
class LatencySummaryTest {

    @Test
    void theSummaryHoldsTheMeanAndTheNearestRankPercentiles() {
        double[] sorted = new double[200];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        LatencySummary s = LatencySummary.of(sorted);

        assertThat(s.count()).isEqualTo(200);
        assertThat(s.meanUs()).isEqualTo(100.5);
        assertThat(s.p50Us()).isEqualTo(100);
        assertThat(s.p90Us()).isEqualTo(180);
        assertThat(s.p99Us()).isEqualTo(198);
    }

    @Test
    void noLatencyIsNone() {
        assertThat(LatencySummary.of(new double[0])).isEqualTo(LatencySummary.NONE);
        assertThat(LatencySummary.NONE.count()).isZero();
    }

    @Test
    void anOutcomeHoldsNoArrayOfSamples() {
        for (var component : Outcome.class.getRecordComponents()) {
            assertThat(component.getName()).isNotEqualTo("latenciesUs");
        }
        assertThat(Outcome.class.getRecordComponents()).anySatisfy(c -> assertThat(c.getType()).isEqualTo(LatencySummary.class));
    }
}
