package dev.nestsim.calibrations;

import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.exits.Microbenchmarks;
import dev.nestsim.model.exits.Param;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Fits the cascade's parameters to a user's kvm-unit-tests vmexit.flat figures by bounded nonlinear least squares
 * (Hipparchus' Levenberg-Marquardt). Plain Java, no framework; deterministic.
 *
 * <p>Which parameters a figure identifies comes from the cascade itself: a parameter is identified by a figure when the
 * figure's predicted cycles change with it (a finite difference through the same engine, so whatever the Bill of the
 * microbenchmark on that path charges). The fit solves every identified {@code FITTED} parameter, within a quarter to
 * four times its reference value, and every identified {@code ESTIMATED} one in cycles, within its documented plausible
 * range; {@code PUBLISHED} figures, counts and flags keep their reference value, and so does every parameter no given
 * figure identifies, each with a note saying so.
 *
 * <p>The objective, over the unknowns u (each bound parameter x = lo + (hi - lo)(1 + sin u)/2, the transform of
 * bounded least squares) and a common log-scale s:
 * <pre>
 *   sum over fitted figures i of (predicted_i / given_i - 1)^2  +  sum over fitted parameters j of (w (ln x_j/ref_j - s))^2
 * </pre>
 * The second term, weight {@link #PRIOR_WEIGHT}, makes the problem well-posed when fewer figures than parameters are
 * given (the usual case): among the solutions that reproduce the figures it takes the one whose costs deviate least
 * from one common scale of the reference, so a machine 1.4 times slower everywhere comes out 1.4 times slower
 * everywhere instead of in one arbitrary parameter. Figures and costs are in cycles at the user's clock; a
 * time-based reference value (the C1 exit latency, 2 us) is converted at that clock first.
 */
public final class CalibrationFitter {

    /** Weight of the prior relative to a figure's relative residual: 1% on a figure weighs as 20% off the common scale. */
    public static final double PRIOR_WEIGHT = 0.05;

    /** A FITTED parameter is solved between its reference divided and multiplied by this. */
    public static final double FITTED_RANGE_FACTOR = 4;

    /** A figure identifies a parameter when the parameter makes at least this share of its prediction. */
    static final double IDENTIFIED_SHARE = 1e-4;

    private static final double REFERENCE_CLOCK_GHZ = 2.2;
    private static final double BOUND_TOLERANCE = 0.005;

    /** One given figure: a vmexit.flat test at a level (0 native, 1 an L1 VM, 2 an L2 VM). */
    public record Observation(int level, Microbenchmark benchmark, double givenCycles) {

        public Observation {
            Objects.requireNonNull(benchmark, "benchmark");
            if (level < 0 || level > 2) {
                throw new IllegalArgumentException("level must be 0, 1 or 2, was " + level);
            }
            if (!(givenCycles > 0) || Double.isInfinite(givenCycles)) {
                throw new IllegalArgumentException("givenCycles must be positive, was " + givenCycles);
            }
        }

        String label() {
            return benchmark.apiName() + "@" + (level == 0 ? "native" : "L" + level);
        }
    }

    /** The reference calibration at {@code clockGhz}: time-based values converted to cycles at that clock. */
    public static Calibration referenceAt(double clockGhz) {
        Param c1 = Param.NATIVE_C1_EXIT;
        return Calibration.DEFAULT.with(c1, c1.defaultValue() * clockGhz / REFERENCE_CLOCK_GHZ);
    }

    /**
     * Fits to {@code observations} on the paths of {@code paths}' kernel and clock, leaving out every figure of a test
     * in {@code holdOut} (reported with its prediction error).
     */
    public CalibrationFit fit(double clockGhz, KernelGeneration kernel, List<Observation> observations, Set<Microbenchmark> holdOut) {
        CalibrationPaths paths = new CalibrationPaths(clockGhz, kernel);
        Calibration reference = referenceAt(clockGhz);
        List<Observation> fitted = new ArrayList<>();
        for (Observation o : observations) {
            if (!holdOut.contains(o.benchmark())) {
                fitted.add(o);
            }
        }
        Predictor predictor = new Predictor(paths, fitted);
        double[] base = predictor.predict(reference);
        List<Param> unknowns = new ArrayList<>();
        List<List<String>> identifiedBy = new ArrayList<>();
        for (Param p : Param.values()) {
            List<String> by = identifiedBy(predictor, reference, base, p, fitted);
            identifiedBy.add(by);
            if (!by.isEmpty() && fittable(p)) {
                unknowns.add(p);
            }
        }
        Solution solution = unknowns.isEmpty() ? new Solution(reference, 0, 0, 0)
                : solve(predictor, reference, fitted, unknowns);
        Calibration calibration = solution.calibration;
        List<CalibrationFit.ParamFit> params = new ArrayList<>();
        for (Param p : Param.values()) {
            params.add(paramFit(p, reference, calibration, unknowns.contains(p), identifiedBy.get(p.ordinal())));
        }
        List<Observation> all = new ArrayList<>(observations);
        double[] predicted = new Predictor(paths, all).predict(calibration);
        double[] byReference = new Predictor(paths, all).predict(reference);
        List<CalibrationFit.Residual> residuals = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            Observation o = all.get(i);
            boolean heldOut = holdOut.contains(o.benchmark());
            residuals.add(new CalibrationFit.Residual(o.level(), o.benchmark(), o.givenCycles(), predicted[i], byReference[i], heldOut));
            if (!heldOut) {
                double r = predicted[i] / o.givenCycles() - 1;
                sum += r * r;
                n++;
            }
        }
        return new CalibrationFit(calibration, params, residuals, n == 0 ? 0 : Math.sqrt(sum / n), Math.exp(solution.logScale),
                solution.iterations, solution.evaluations);
    }

    /** FITTED parameters, and ESTIMATED ones priced in cycles; never a published figure, a count or a flag. */
    static boolean fittable(Param p) {
        return p.basis() == Param.Basis.FITTED || (p.basis() == Param.Basis.ESTIMATED && "cycles".equals(p.unit()));
    }

    static double low(Param p, double reference) {
        return p.basis() == Param.Basis.FITTED ? reference / FITTED_RANGE_FACTOR : p.low();
    }

    static double high(Param p, double reference) {
        return p.basis() == Param.Basis.FITTED ? reference * FITTED_RANGE_FACTOR : p.high();
    }

    private static List<String> identifiedBy(Predictor predictor, Calibration reference, double[] base, Param p,
                                             List<Observation> fitted) {
        double ref = reference.get(p);
        double delta = Math.max(Math.abs(ref) * 0.01, 0.01);
        double[] moved = predictor.predict(reference.with(p, ref + delta));
        List<String> by = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            double share = Math.abs(moved[i] - base[i]) / delta * Math.max(ref, delta) / base[i];
            if (share > IDENTIFIED_SHARE) {
                by.add(fitted.get(i).label());
            }
        }
        return by;
    }

    private static CalibrationFit.ParamFit paramFit(Param p, Calibration reference, Calibration fitted, boolean solved,
                                                    List<String> by) {
        double ref = reference.get(p);
        if (solved) {
            double lo = low(p, ref);
            double hi = high(p, ref);
            double v = fitted.get(p);
            boolean atBound = v - lo <= BOUND_TOLERANCE * (hi - lo) || hi - v <= BOUND_TOLERANCE * (hi - lo);
            String bounds = p.basis() == Param.Basis.FITTED ? "a quarter to four times the reference" : "its documented plausible range";
            return new CalibrationFit.ParamFit(p, ref, v, lo, hi, true, atBound, by, "fitted to " + String.join(", ", by)
                    + ", within " + bounds + (atBound ? "; the solution sits on a bound" : ""));
        }
        String note;
        if (by.isEmpty()) {
            note = "no given figure depends on it: it keeps the reference value (not identifiable from this output)";
        } else if (p.basis() == Param.Basis.PUBLISHED) {
            note = "a published figure: kept at the reference value, though " + String.join(", ", by) + " depend on it";
        } else {
            note = "a " + p.unit() + ", not a cost: kept at the reference value, though " + String.join(", ", by) + " depend on it";
        }
        return new CalibrationFit.ParamFit(p, ref, ref, Double.NaN, Double.NaN, false, false, by, note);
    }

    private record Solution(Calibration calibration, double logScale, int iterations, int evaluations) {
    }

    private static Solution solve(Predictor predictor, Calibration reference, List<Observation> fitted, List<Param> unknowns) {
        int k = unknowns.size();
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] ref = new double[k];
        double[] start = new double[k + 1];
        for (int j = 0; j < k; j++) {
            Param p = unknowns.get(j);
            ref[j] = reference.get(p);
            lo[j] = low(p, ref[j]);
            hi[j] = high(p, ref[j]);
            double margin = 0.01 * (hi[j] - lo[j]);
            double x0 = Math.max(lo[j] + margin, Math.min(hi[j] - margin, ref[j]));
            start[j] = Math.asin(2 * (x0 - lo[j]) / (hi[j] - lo[j]) - 1);
        }
        int m = fitted.size();
        double[] given = new double[m];
        for (int i = 0; i < m; i++) {
            given[i] = fitted.get(i).givenCycles();
        }
        Transform t = new Transform(unknowns, lo, hi, reference);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(new double[m + k])
                .model(point -> evaluate(predictor, t, ref, given, point))
                .maxEvaluations(1000)
                .maxIterations(1000)
                .lazyEvaluation(false)
                .build();
        Optimum optimum = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-8)
                .withParameterRelativeTolerance(1e-7).optimize(problem);
        double[] u = optimum.getPoint().toArray();
        return new Solution(t.calibration(t.values(u)), u[k], optimum.getIterations(), optimum.getEvaluations());
    }

    /** Residuals and their Jacobian with respect to (u, s) at {@code point}. */
    private static Pair<RealVector, RealMatrix> evaluate(Predictor predictor, Transform t, double[] ref,
                                                                            double[] given, RealVector point) {
        double[] u = point.toArray();
        int k = ref.length;
        int m = given.length;
        double s = u[k];
        double[] x = t.values(u);
        double[] pred = predictor.predict(t.calibration(x));
        double[] residual = new double[m + k];
        double[][] jacobian = new double[m + k][k + 1];
        for (int i = 0; i < m; i++) {
            residual[i] = pred[i] / given[i] - 1;
        }
        for (int j = 0; j < k; j++) {
            double dxdu = (t.hi[j] - t.lo[j]) / 2 * Math.cos(u[j]);
            double step = Math.max(1e-3 * Math.abs(x[j]), 1e-3);
            if (x[j] + step > t.hi[j]) {
                step = -step;
            }
            double[] xs = x.clone();
            xs[j] += step;
            double[] moved = predictor.predict(t.calibration(xs));
            for (int i = 0; i < m; i++) {
                jacobian[i][j] = (moved[i] - pred[i]) / step / given[i] * dxdu;
            }
            residual[m + j] = PRIOR_WEIGHT * (Math.log((x[j] + 1) / (ref[j] + 1)) - s);
            jacobian[m + j][j] = PRIOR_WEIGHT / (x[j] + 1) * dxdu;
            jacobian[m + j][k] = -PRIOR_WEIGHT;
        }
        return new Pair<>(new ArrayRealVector(residual, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** The bounded transform between the optimizer's unknowns and parameter values. */
    private static final class Transform {
        final List<Param> params;
        final double[] lo;
        final double[] hi;
        final Calibration reference;

        Transform(List<Param> params, double[] lo, double[] hi, Calibration reference) {
            this.params = params;
            this.lo = lo;
            this.hi = hi;
            this.reference = reference;
        }

        double[] values(double[] u) {
            double[] x = new double[params.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = lo[j] + (hi[j] - lo[j]) * (1 + Math.sin(u[j])) / 2;
            }
            return x;
        }

        Calibration calibration(double[] x) {
            Calibration c = reference;
            for (int j = 0; j < params.size(); j++) {
                c = c.with(params.get(j), Math.max(lo[j], Math.min(hi[j], x[j])));
            }
            return c;
        }
    }

    /** Predicts the given figures on the calibration's paths. */
    static final class Predictor {
        private final List<Observation> observations;
        private final Path[] byLevel;

        Predictor(CalibrationPaths paths, List<Observation> observations) {
            this.observations = List.copyOf(observations);
            this.byLevel = new Path[] {paths.nativeHost(), paths.baseline(1), paths.baseline(2)};
        }

        double[] predict(Calibration calibration) {
            CascadeEngine engine = new CascadeEngine(calibration);
            Microbenchmarks runner = new Microbenchmarks(engine);
            ExitCostTable[] tables = new ExitCostTable[3];
            double[] out = new double[observations.size()];
            for (int i = 0; i < out.length; i++) {
                Observation o = observations.get(i);
                if (tables[o.level()] == null) {
                    tables[o.level()] = engine.table(byLevel[o.level()]);
                }
                out[i] = runner.run(tables[o.level()], o.benchmark(), false).cycles();
            }
            return out;
        }
    }
}
