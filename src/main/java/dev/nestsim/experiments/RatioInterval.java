package dev.nestsim.experiments;

import dev.nestsim.model.workload.Estimate;
import java.util.List;
import umontreal.ssj.probdist.StudentDist;

/**
 * The ratio of two means with its confidence interval, by Fieller's theorem for two independent samples (E. C. Fieller,
 * "Some problems in interval estimation", J. R. Stat. Soc. B 16, 1954). With {@code r = a / b}, standard errors
 * {@code sa}, {@code sb} and {@code g = (t sb / b)^2}, the interval is
 * {@code [r +- (t / |b|) sqrt((1 - g) sa^2 + r^2 sb^2)] / (1 - g)}; it is unbounded when {@code g >= 1} (the denominator's
 * interval contains 0). A standard error is recovered from an {@link Estimate}'s half-width as {@code halfWidth / t(n - 1)}.
 *
 * <p>Where both figures come replication by replication from common random numbers ({@link #paired}), the same theorem
 * with the pairs' covariance: for means {@code a}, {@code b} of {@code n} pairs, with {@code v11}, {@code v22}, {@code v12}
 * the variances and covariance of the means ({@code s^2 / n}), {@code t = t(n - 1)} and {@code g = t^2 v22 / b^2}, the
 * interval is {@code [r - g v12 / v22 +- (t / |b|) sqrt(v11 - 2 r v12 + r^2 v22 - g (v11 - v12^2 / v22))] / (1 - g)}
 * (Fieller 1954, section 3; the form of D. J. Finney, "Statistical Method in Biological Assay", 1978, section 2.6). A
 * positive covariance, which common random numbers give, narrows it.
 *
 * @param ratio      {@code a / b}
 * @param lower      the lower bound, or {@code null} when the interval is unbounded or unknown
 * @param upper      the upper bound, or {@code null} likewise
 * @param confidence the confidence level
 * @param method     {@code paired} (Fieller's interval with the pairs' covariance), {@code fieller} (two independent means),
 *                   {@code exact} (both figures analytic: no variance) or {@code none} (a single replication)
 */
public record RatioInterval(double ratio, Double lower, Double upper, double confidence, String method) {

    public static final String PAIRED = "paired";
    public static final String FIELLER = "fieller";
    public static final String EXACT = "exact";
    public static final String NONE = "none";

    /**
     * {@code a / b} and its interval at {@code a}'s confidence level.
     *
     * @param analytic whether both figures are analytic (a microbenchmark): a zero half-width then means no variance
     */
    public static RatioInterval of(Estimate a, Estimate b, boolean analytic) {
        double r = a.mean() / b.mean();
        double confidence = a.confidence();
        if (a.halfWidth() == 0 && b.halfWidth() == 0) {
            return analytic || Math.min(a.n(), b.n()) >= 2 ? new RatioInterval(r, r, r, confidence, EXACT)
                    : new RatioInterval(r, null, null, confidence, NONE);
        }
        if (Math.min(a.n(), b.n()) < 2) {
            return new RatioInterval(r, null, null, confidence, NONE);
        }
        double sa = a.halfWidth() / quantile(confidence, a.n() - 1);
        double sb = b.halfWidth() / quantile(b.confidence(), b.n() - 1);
        double t = quantile(confidence, Math.min(a.n(), b.n()) - 1);
        double g = t * t * sb * sb / (b.mean() * b.mean());
        if (g >= 1) {
            return new RatioInterval(r, null, null, confidence, FIELLER);
        }
        double spread = (t / Math.abs(b.mean())) * Math.sqrt((1 - g) * sa * sa + r * r * sb * sb);
        return new RatioInterval(r, (r - spread) / (1 - g), (r + spread) / (1 - g), confidence, FIELLER);
    }

    /**
     * The ratio of the means of {@code a} and {@code b}, paired value by value (replication {@code r} of both drew
     * the same random numbers), with its interval at {@code confidence}.
     *
     * @throws IllegalArgumentException when the two hold different numbers of values or fewer than one
     */
    public static RatioInterval paired(List<Double> a, List<Double> b, double confidence) {
        int n = a.size();
        if (n != b.size() || n == 0) {
            throw new IllegalArgumentException("paired values must come in equal, non-empty numbers: " + n + " and " + b.size());
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a.get(i);
            mb += b.get(i);
        }
        ma /= n;
        mb /= n;
        double r = ma / mb;
        if (n < 2) {
            return new RatioInterval(r, null, null, confidence, NONE);
        }
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = 0; i < n; i++) {
            double da = a.get(i) - ma;
            double db = b.get(i) - mb;
            saa += da * da;
            sbb += db * db;
            sab += da * db;
        }
        double v11 = saa / (n - 1) / n;
        double v22 = sbb / (n - 1) / n;
        double v12 = sab / (n - 1) / n;
        double t = quantile(confidence, n - 1);
        if (v22 == 0) {
            double spread = t * Math.sqrt(v11) / Math.abs(mb);
            return new RatioInterval(r, r - spread, r + spread, confidence, PAIRED);
        }
        double g = t * t * v22 / (mb * mb);
        if (g >= 1) {
            return new RatioInterval(r, null, null, confidence, PAIRED);
        }
        double inside = v11 - 2 * r * v12 + r * r * v22 - g * (v11 - v12 * v12 / v22);
        double spread = (t / Math.abs(mb)) * Math.sqrt(Math.max(0, inside));
        double centre = r - g * v12 / v22;
        return new RatioInterval(r, (centre - spread) / (1 - g), (centre + spread) / (1 - g), confidence, PAIRED);
    }

    /** Student's t quantile for a two-sided interval at {@code confidence} with {@code df} degrees of freedom. */
    static double quantile(double confidence, int df) {
        return StudentDist.inverseF(df, 1 - (1 - confidence) / 2);
    }
}
