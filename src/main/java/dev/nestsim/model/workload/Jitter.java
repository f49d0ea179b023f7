package dev.nestsim.model.workload;

import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.rng.RandomStream;

/** Multiplicative noise on CPU work: lognormal with mean 1 and a given coefficient of variation, one uniform per draw. */
final class Jitter {

    private Jitter() {
    }

    /** {@code mean} times a lognormal factor of mean 1 and coefficient of variation {@code cv}. */
    static double of(double mean, double cv, RandomStream stream) {
        double u = stream.nextDouble();
        if (cv <= 0 || mean <= 0) {
            return mean;
        }
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double z = NormalDist.inverseF01(u);
        return mean * Math.exp(sigma * z - sigma * sigma / 2);
    }
}
