package dev.nestsim.model.workload.machine;

import umontreal.ssj.rng.RandomStream;

/**
 * Multiplicative noise on CPU work: a factor uniform on [1 - a, 1 + a], mean 1, with {@code a} set so the
 * coefficient of variation is the one asked for (at most about 0.58, where the factor reaches 0). One uniform per
 * draw and no inversion, because it runs for every request of every replication.
 */
public final class Jitter {

    private static final double SQRT3 = Math.sqrt(3);

    private Jitter() {
    }

    /** {@code mean} times a uniform factor of mean 1 and coefficient of variation {@code cv}. */
    public static double of(double mean, double cv, RandomStream stream) {
        double u = stream.nextDouble();
        double spread = Math.min(1, cv * SQRT3);
        return mean * (1 + spread * (2 * u - 1));
    }
}
