package dev.nestsim.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nestsim.model.workload.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fieller's interval for a ratio of two means, independent and paired, on cases with a known answer. */
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

    @Test
    void pairedBoundsSolveFiellersQuadraticWithTheCovariance() {
        List<Double> a = List.of(30.0, 33.0, 27.0, 31.0, 29.0);
        List<Double> b = List.of(10.0, 11.5, 8.5, 10.0, 10.0);

        RatioInterval r = RatioInterval.paired(a, b, 0.95);

        double ma = 30;
        double mb = 10;
        double v11 = 20.0 / 4 / 5;
        double v22 = 4.5 / 4 / 5;
        double v12 = 9.0 / 4 / 5;
        double t = RatioInterval.quantile(0.95, 4);
        assertThat(r.method()).isEqualTo(RatioInterval.PAIRED);
        assertThat(r.ratio()).isEqualTo(3.0);
        for (double rho : new double[] {r.lower(), r.upper()}) {
            double lhs = Math.pow(ma - rho * mb, 2);
            double rhs = t * t * (v11 - 2 * rho * v12 + rho * rho * v22);
            assertThat(lhs).as("(a - rho b)^2 = t^2 var(a - rho b) at a bound").isCloseTo(rhs, within(1e-9));
        }
    }

    @Test
    void commonRandomNumbersNarrowThePairedIntervalBelowTheIndependentOne() {
        List<Double> b = List.of(100.0, 120.0, 80.0, 110.0, 90.0, 105.0);
        List<Double> a = b.stream().map(x -> 2 * x + (x % 20 == 0 ? 1 : -1)).toList();
        List<Double> shuffled = List.of(a.get(3), a.get(0), a.get(5), a.get(1), a.get(4), a.get(2));

        RatioInterval together = RatioInterval.paired(a, b, 0.95);
        RatioInterval apart = RatioInterval.of(estimate(a), estimate(b), false);
        RatioInterval mismatched = RatioInterval.paired(shuffled, b, 0.95);

        assertThat(together.ratio()).isCloseTo(apart.ratio(), within(1e-12));
        assertThat(together.upper() - together.lower()).as("pairs that move together")
                .isLessThan((apart.upper() - apart.lower()) / 5);
        assertThat(mismatched.upper() - mismatched.lower()).as("the same values, paired at random")
                .isGreaterThan(together.upper() - together.lower());
        assertThat(together.lower()).isLessThan(together.ratio());
        assertThat(together.upper()).isGreaterThan(together.ratio());
    }

    @Test
    void pairedValuesMustComeInEqualNumbers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RatioInterval.paired(List.of(1.0, 2.0), List.of(1.0), 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RatioInterval.paired(List.of(4.0), List.of(2.0), 0.95).method()).isEqualTo(RatioInterval.NONE);
    }

    private static Estimate estimate(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        int n = values.size();
        double halfWidth = RatioInterval.quantile(0.95, n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Estimate(mean, halfWidth, 0.95, n);
    }
}
