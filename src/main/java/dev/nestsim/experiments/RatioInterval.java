package dev.nestsim.experiments;

import dev.nestsim.model.workload.Estimate;
import umontreal.ssj.probdist.StudentDist;

/**
 * The ratio of two means with its confidence interval, by Fieller's theorem for two independent samples (E. C. Fieller,
 * "Some problems in interval estimation", J. R. Stat. Soc. B 16, 1954). With {@code r = a / b}, standard errors
 * {@code sa}, {@code sb} and {@code g = (t sb / b)^2}, the interval is
 * {@code [r +- (t / |b|) sqrt((1 - g) sa^2 + r^2 sb^2)] / (1 - g)}; it is unbounded when {@code g >= 1} (the denominator's
 * interval contains 0). A standard error is recovered from an {@link Estimate}'s half-width as {@code halfWidth / t(n - 1)}.
 *
 * @param ratio      {@code a / b}
 * @param lower      the lower bound, or {@code null} when the interval is unbounded or unknown
 * @param upper      the upper bound, or {@code null} likewise
 * @param confidence the confidence level
 * @param method     {@code fieller}, {@code exact} (both figures analytic: no variance) or {@code none} (a single replication)
 */
public record RatioInterval(double ratio, Double lower, Double upper, double confidence, String method) {

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

    /** Student's t quantile for a two-sided interval at {@code confidence} with {@code df} degrees of freedom. */
    static double quantile(double confidence, int df) {
        return StudentDist.inverseF(df, 1 - (1 - confidence) / 2);
    }
}
