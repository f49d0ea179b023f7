package dev.nestsim.advice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Morris' elementary-effects screening (M. D. Morris, "Factorial sampling plans for preliminary computational experiments",
 * Technometrics 33(2), 1991), with the absolute mean {@code mu*} of F. Campolongo, J. Cariboni and A. Saltelli, "An effective
 * screening design for sensitivity analysis of large models", Environmental Modelling and Software 22, 2007.
 *
 * <p>Each of {@code k} factors is scaled to [0, 1] (its plausible range) on a grid of {@code p} levels; a trajectory starts at a
 * random grid point and moves one factor at a time, in a random order, by {@code delta = p / (2 (p - 1))} (up where that stays
 * in [0, 1], else down), so {@code k + 1} points give one elementary effect {@code (y(x + delta e_i) - y(x)) / delta} per factor:
 * the change of the output when the factor crosses its whole range, at a random setting of the others. Over {@code r}
 * trajectories, {@code mu*} (the mean absolute effect) ranks the factors, {@code mu} (the signed mean) gives the direction and
 * {@code sigma} (their standard deviation) says how much an effect depends on the other factors (interactions or non-linearity).
 * The interval of {@code mu*} is a percentile bootstrap over the trajectories. Pure and deterministic: a seed gives one design
 * and one set of intervals.
 */
public final class Morris {

    /** Bootstrap resamples of a factor's effects. */
    static final int RESAMPLES = 2000;

    private Morris() {
    }

    /**
     * A design.
     *
     * @param factors      {@code k}
     * @param levels       {@code p}, the grid's levels (even)
     * @param trajectories {@code r}
     * @param delta        the step, {@code p / (2 (p - 1))}
     * @param points       {@code r (k + 1)} points in [0, 1]^k, trajectory by trajectory
     * @param moved        {@code moved[t][j]}: the factor that step {@code j} of trajectory {@code t} moves
     * @param up           {@code up[t][j]}: whether it moves up
     */
    public record Design(int factors, int levels, int trajectories, double delta, List<double[]> points, int[][] moved, boolean[][] up) {

        /** The index in {@link #points} of point {@code j} (0 to {@code k}) of trajectory {@code t}. */
        public int index(int t, int j) {
            return t * (factors + 1) + j;
        }
    }

    /** A random design of {@code trajectories} trajectories over {@code factors} factors on a {@code levels}-level grid. */
    public static Design design(int factors, int trajectories, int levels, long seed) {
        if (factors < 1 || trajectories < 1 || levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("a Morris design needs factors >= 1, trajectories >= 1 and an even number of levels >= 2");
        }
        Random random = new Random(seed);
        double delta = levels / (2.0 * (levels - 1));
        List<double[]> points = new ArrayList<>();
        int[][] moved = new int[trajectories][factors];
        boolean[][] up = new boolean[trajectories][factors];
        for (int t = 0; t < trajectories; t++) {
            double[] x = new double[factors];
            for (int i = 0; i < factors; i++) {
                x[i] = random.nextInt(levels) / (double) (levels - 1);
            }
            int[] order = new int[factors];
            for (int i = 0; i < factors; i++) {
                order[i] = i;
            }
            for (int i = factors - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            points.add(x.clone());
            for (int j = 0; j < factors; j++) {
                int i = order[j];
                boolean rise = x[i] + delta <= 1 + 1e-12;
                x[i] = rise ? Math.min(1, x[i] + delta) : Math.max(0, x[i] - delta);
                moved[t][j] = i;
                up[t][j] = rise;
                points.add(x.clone());
            }
        }
        return new Design(factors, levels, trajectories, delta, List.copyOf(points), moved, up);
    }

    /**
     * One factor's screening figures.
     *
     * @param factor      its index
     * @param mu          the mean elementary effect (signed)
     * @param muStar      the mean absolute elementary effect
     * @param sigma       the standard deviation of the elementary effects (0 for one trajectory)
     * @param muStarLower the 2.5th percentile of {@code mu*} over bootstrap resamples of the trajectories
     * @param muStarUpper the 97.5th percentile likewise
     * @param effects     the elementary effects, one per trajectory
     */
    public record Effect(int factor, double mu, double muStar, double sigma, double muStarLower, double muStarUpper, double[] effects) {
    }

    /** Every factor's figures from the outputs {@code y}, in the design's point order. */
    public static List<Effect> effects(Design design, double[] y, long seed) {
        if (y.length != design.points().size()) {
            throw new IllegalArgumentException("the design has " + design.points().size() + " points, the outputs " + y.length);
        }
        int k = design.factors();
        int r = design.trajectories();
        double[][] ee = new double[k][r];
        for (int t = 0; t < r; t++) {
            for (int j = 0; j < k; j++) {
                double change = y[design.index(t, j + 1)] - y[design.index(t, j)];
                ee[design.moved()[t][j]][t] = (design.up()[t][j] ? change : -change) / design.delta();
            }
        }
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Effect> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] e = ee[i];
            double mu = Arrays.stream(e).average().orElse(0);
            double muStar = Arrays.stream(e).map(Math::abs).average().orElse(0);
            double sigma = 0;
            if (r > 1) {
                double ss = 0;
                for (double v : e) {
                    ss += (v - mu) * (v - mu);
                }
                sigma = Math.sqrt(ss / (r - 1));
            }
            double[] means = new double[RESAMPLES];
            for (int b = 0; b < RESAMPLES; b++) {
                double sum = 0;
                for (int n = 0; n < r; n++) {
                    sum += Math.abs(e[random.nextInt(r)]);
                }
                means[b] = sum / r;
            }
            Arrays.sort(means);
            out.add(new Effect(i, mu, muStar, sigma, means[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                    means[(int) Math.ceil(0.975 * (RESAMPLES - 1))], e.clone()));
        }
        return out;
    }
}
