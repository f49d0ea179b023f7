package dev.nestsim.model.workload;

import java.util.Objects;

/**
 * A parameter a user may set for a workload, with its bounds.
 *
 * @param name         the parameter's name in requests
 * @param unit         its unit
 * @param description  what it changes
 * @param defaultValue the value when not given (the paper's)
 * @param min          the smallest accepted value
 * @param max          the largest accepted value
 * @param integer      whether only whole numbers are accepted (a count: threads, connections, bytes, a vCPU's number)
 */
public record WorkloadParameter(String name, String unit, String description, double defaultValue, double min, double max,
                                boolean integer) {

    public WorkloadParameter {
        Objects.requireNonNull(name, "name");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
        if (integer && !(whole(min) && whole(max) && whole(defaultValue))) {
            throw new IllegalArgumentException("parameter " + name + ": an integer parameter needs whole bounds and default");
        }
    }

    /** A parameter that takes any number in its range. */
    public static WorkloadParameter real(String name, String unit, String description, double defaultValue, double min, double max) {
        return new WorkloadParameter(name, unit, description, defaultValue, min, max, false);
    }

    /** A parameter that takes whole numbers only (a count, a size in bytes, a CPU's number). */
    public static WorkloadParameter whole(String name, String unit, String description, long defaultValue, long min, long max) {
        return new WorkloadParameter(name, unit, description, defaultValue, min, max, true);
    }

    /** Whether {@code value} is inside the range (whatever its kind: see {@link #acceptsKind}). */
    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= min && value <= max;
    }

    /** Whether {@code value} is of the parameter's kind: any number, or a whole one for an integer parameter. */
    public boolean acceptsKind(double value) {
        return !integer || whole(value);
    }

    private static boolean whole(double value) {
        return Double.isFinite(value) && value == Math.rint(value);
    }
}
