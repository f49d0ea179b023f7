package dev.nestsim.model.workload;

/**
 * A measured quantity: the mean over {@code n} independent replications and the half-width of its
 * confidence interval at level {@code confidence} (Student's t). A deterministic quantity has half-width 0.
 *
 * @param mean       the sample mean
 * @param halfWidth  half the width of the confidence interval, 0 or more (0 when n is 1)
 * @param confidence the confidence level, for example 0.95
 * @param n          the number of replications, 1 or more
 */
public record Estimate(double mean, double halfWidth, double confidence, int n) {

    public Estimate {
        if (Double.isNaN(mean) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
        if (!(halfWidth >= 0) || Double.isInfinite(halfWidth)) {
            throw new IllegalArgumentException("halfWidth must be finite and non-negative, was " + halfWidth);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
    }

    /** A value known exactly, such as an analytic microbenchmark, repeated {@code n} times. */
    public static Estimate exact(double value, int n) {
        return new Estimate(value, 0, 0.95, n);
    }
}
