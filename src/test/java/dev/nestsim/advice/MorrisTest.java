package dev.nestsim.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Morris' design and elementary effects on functions whose effects are known by hand. */
class MorrisTest {

    private static double[] outputs(Morris.Design d, ToDoubleFunction<double[]> f) {
        return d.points().stream().mapToDouble(f).toArray();
    }

    @Test
    void everyTrajectoryMovesEachFactorOnceByDeltaAndStaysOnTheGrid() {
        Morris.Design d = Morris.design(5, 7, 4, 3);

        assertThat(d.delta()).isEqualTo(2.0 / 3);
        assertThat(d.points()).hasSize(7 * 6);
        for (int t = 0; t < 7; t++) {
            assertThat(Arrays.stream(d.moved()[t]).sorted().toArray()).containsExactly(0, 1, 2, 3, 4);
            for (int j = 0; j < 5; j++) {
                double[] a = d.points().get(d.index(t, j));
                double[] b = d.points().get(d.index(t, j + 1));
                for (int i = 0; i < 5; i++) {
                    double step = b[i] - a[i];
                    assertThat(step).isCloseTo(i == d.moved()[t][j] ? (d.up()[t][j] ? d.delta() : -d.delta()) : 0, within(1e-12));
                    assertThat(b[i] * 3).isCloseTo(Math.rint(b[i] * 3), within(1e-9)).isBetween(-1e-12, 3 + 1e-12);
                }
            }
        }
    }

    @Test
    void aLinearFunctionGivesItsCoefficientsExactlyWithNoSpreadAndRanksThem() {
        double[] a = {0.5, -3, 0, 1.25};
        Morris.Design d = Morris.design(4, 6, 4, 11);

        List<Morris.Effect> effects = Morris.effects(d, outputs(d, x -> a[0] * x[0] + a[1] * x[1] + a[2] * x[2] + a[3] * x[3]), 11);

        for (Morris.Effect e : effects) {
            assertThat(e.mu()).isCloseTo(a[e.factor()], within(1e-9));
            assertThat(e.muStar()).isCloseTo(Math.abs(a[e.factor()]), within(1e-9));
            assertThat(e.sigma()).isCloseTo(0, within(1e-9));
            assertThat(e.muStarLower()).isCloseTo(e.muStar(), within(1e-9));
            assertThat(e.muStarUpper()).isCloseTo(e.muStar(), within(1e-9));
        }
    }

    @Test
    void anInteractionShowsAsSpreadAndAnInertFactorAsZero() {
        Morris.Design d = Morris.design(3, 10, 4, 5);

        List<Morris.Effect> effects = Morris.effects(d, outputs(d, x -> 2 * x[0] * x[1]), 5);

        Morris.Effect x0 = effects.get(0);
        assertThat(x0.sigma()).isGreaterThan(0.1);
        assertThat(x0.muStarLower()).isLessThanOrEqualTo(x0.muStar());
        assertThat(x0.muStarUpper()).isGreaterThanOrEqualTo(x0.muStar());
        assertThat(effects.get(2).muStar()).isZero();
        assertThat(effects.get(2).sigma()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameDesign() {
        Morris.Design a = Morris.design(6, 4, 4, 99);
        Morris.Design b = Morris.design(6, 4, 4, 99);
        Morris.Design c = Morris.design(6, 4, 4, 100);

        for (int i = 0; i < a.points().size(); i++) {
            assertThat(a.points().get(i)).containsExactly(b.points().get(i));
        }
        assertThat(Arrays.deepEquals(a.moved(), c.moved()) && Arrays.equals(a.points().get(0), c.points().get(0))).isFalse();
    }
}
