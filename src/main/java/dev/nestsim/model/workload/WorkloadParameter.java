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
 */
public record WorkloadParameter(String name, String unit, String description, double defaultValue, double min, double max) {

    public WorkloadParameter {
        Objects.requireNonNull(name, "name");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    /** Whether {@code value} is accepted. */
    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= min && value <= max;
    }
}
