package dev.nestsim.model.exits;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of parameter values for the cascade. {@link #DEFAULT} is the calibrated reference
 * (every value, unit and source in {@link Param}); {@link #with} derives a variant for what-if studies. Kernel
 * generations are not calibrations: they are mechanisms of each level of a path ({@link KvmGeneration}).
 */
public final class Calibration {

    public static final Calibration DEFAULT = new Calibration(new EnumMap<>(Param.class));

    private final Map<Param, Double> values;
    private final double[] byOrdinal;
    /** Set at the ordinal of every parameter read, or {@code null} when reads are not recorded. */
    private final java.util.concurrent.atomic.AtomicIntegerArray reads;

    private Calibration(EnumMap<Param, Double> overrides) {
        this(overrides, false);
    }

    private Calibration(EnumMap<Param, Double> overrides, boolean recording) {
        this.reads = recording ? new java.util.concurrent.atomic.AtomicIntegerArray(Param.values().length) : null;
        EnumMap<Param, Double> all = new EnumMap<>(Param.class);
        byOrdinal = new double[Param.values().length];
        for (Param p : Param.values()) {
            double v = overrides.getOrDefault(p, p.defaultValue());
            all.put(p, v);
            byOrdinal[p.ordinal()] = v;
        }
        this.values = Collections.unmodifiableMap(all);
    }

    /** The value of {@code param}. */
    public double get(Param param) {
        int i = Objects.requireNonNull(param, "param").ordinal();
        if (reads != null) {
            reads.lazySet(i, 1);
        }
        return byOrdinal[i];
    }

    /**
     * The same values, recording which parameters are read ({@link #read()}): what a path's prices and a workload on it depend
     * on, so a sensitivity analysis leaves out the parameters nothing reads (their effect is exactly zero). Equal to this one.
     */
    public Calibration recordingReads() {
        return new Calibration(new EnumMap<>(values), true);
    }

    /** The parameters read so far, in declaration order (empty unless made by {@link #recordingReads()}). */
    public java.util.Set<Param> read() {
        java.util.Set<Param> out = java.util.EnumSet.noneOf(Param.class);
        if (reads != null) {
            for (Param p : Param.values()) {
                if (reads.get(p.ordinal()) != 0) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A copy with {@code param} set to {@code value} (a finite, non-negative number). */
    public Calibration with(Param param, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(param + " must be a finite, non-negative number, was " + value);
        }
        EnumMap<Param, Double> copy = new EnumMap<>(values);
        copy.put(param, value);
        return new Calibration(copy);
    }

    /** Every parameter and its value, in declaration order. */
    public Map<Param, Double> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
