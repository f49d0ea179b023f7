package dev.nestsim.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nestsim.model.workload.Estimate;
import org.junit.jupiter.api.Test;

/** Fieller's interval for a ratio of two means, on cases with a known answer. */
class RatioIntervalTest {

    @Test
    void withAnExactDenominatorItIsTheNumeratorsIntervalScaled() {
        RatioInterval r = RatioInterval.of(new Estimate(30, 3, 0.95, 10), new Estimate(10, 0, 0.95, 10), false);

        assertThat(r.method()).isEqualTo(RatioInterval.FIELLER);
        assertThat(r.ratio()).isEqualTo(3.0);
        assertThat(r.lower()).isCloseTo(2.7, within(1e-12));
        assertThat(r.upper()).isCloseTo(3.3, within(1e-12));
    }

    @Test
    void itSolvesFiellersQuadraticAndIsAsymmetricAroundTheRatio() {
        Estimate a = new Estimate(30, 3, 0.95, 10);
        Estimate b = new Estimate(10, 2, 0.95, 10);
        double t = RatioInterval.quantile(0.95, 9);
        double sa = 3 / t;
        double sb = 2 / t;

        RatioInterval r = RatioInterval.of(a, b, false);

        for (double bound : new double[] {r.lower(), r.upper()}) {
            double lhs = Math.pow(30 - bound * 10, 2);
            double rhs = t * t * (sa * sa + bound * bound * sb * sb);
            assertThat(lhs).as("(a - rho b)^2 = t^2 (sa^2 + rho^2 sb^2) at a bound").isCloseTo(rhs, within(1e-9));
        }
        assertThat(r.upper() - r.ratio()).isGreaterThan(r.ratio() - r.lower());
    }

    @Test
    void aDenominatorWhoseIntervalHoldsZeroGivesAnUnboundedInterval() {
        RatioInterval r = RatioInterval.of(new Estimate(30, 3, 0.95, 10), new Estimate(1, 2, 0.95, 10), false);

        assertThat(r.lower()).isNull();
        assertThat(r.upper()).isNull();
        assertThat(r.method()).isEqualTo(RatioInterval.FIELLER);
    }

    @Test
    void analyticFiguresAreExactAndASingleReplicationHasNoInterval() {
        assertThat(RatioInterval.of(Estimate.exact(20, 3), Estimate.exact(10, 3), true))
                .isEqualTo(new RatioInterval(2.0, 2.0, 2.0, 0.95, RatioInterval.EXACT));
        RatioInterval single = RatioInterval.of(new Estimate(20, 0, 0.95, 1), new Estimate(10, 0, 0.95, 1), false);
        assertThat(single.method()).isEqualTo(RatioInterval.NONE);
        assertThat(single.lower()).isNull();
    }
}
