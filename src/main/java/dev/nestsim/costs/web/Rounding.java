package dev.nestsim.costs.web;

import java.util.ArrayList;
import java.util.List;

/** Cycles are reported in whole cycles and microseconds to the nanosecond. */
final class Rounding {

    private Rounding() {
    }

    static List<Long> cycles(List<Double> values) {
        List<Long> rounded = new ArrayList<>(values.size());
        for (double v : values) {
            rounded.add(Math.round(v));
        }
        return rounded;
    }

    static double microseconds(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    static double ratio(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
