package dev.nestsim.model.workload;

import umontreal.ssj.stat.Tally;

/**
 * Turns per-replication values into an {@link Estimate}: the mean and the half-width of its 95% Student-t
 * confidence interval, computed by SSJ's {@link Tally} (whose formatted reports are never used).
 */
final class Estimates {

    static final double CONFIDENCE = 0.95;

    private Estimates() {
    }

    static Estimate of(double[] values) {
        Tally tally = new Tally();
        for (double v : values) {
            tally.add(v);
        }
        double mean = tally.average();
        if (values.length < 2) {
            return new Estimate(mean, 0, CONFIDENCE, Math.max(1, values.length));
        }
        double[] centerAndRadius = new double[2];
        tally.confidenceIntervalStudent(CONFIDENCE, centerAndRadius);
        double halfWidth = centerAndRadius[1];
        if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
            halfWidth = 0;
        }
        return new Estimate(mean, halfWidth, CONFIDENCE, values.length);
    }
}
