package dev.nestsim.model.workload;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.Microbenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The catalogue of workloads: every microbenchmark and every application workload, by name. Immutable. */
public final class Workloads {

    private final Map<String, WorkloadRunner> runners;

    public Workloads(List<WorkloadRunner> runners) {
        Map<String, WorkloadRunner> byName = new LinkedHashMap<>();
        for (WorkloadRunner runner : runners) {
            if (byName.put(runner.descriptor().name(), runner) != null) {
                throw new IllegalArgumentException("two workloads named " + runner.descriptor().name());
            }
        }
        this.runners = java.util.Collections.unmodifiableMap(byName);
    }

    /** The microbenchmarks of the cascade engine, then the application workloads. */
    public static Workloads standard(CascadeEngine engine) {
        List<WorkloadRunner> all = new ArrayList<>();
        for (Microbenchmark m : Microbenchmark.values()) {
            all.add(new MicrobenchmarkWorkload(m, engine));
        }
        all.addAll(ApplicationWorkloads.all(engine));
        return new Workloads(all);
    }

    /** This catalogue with {@code more} added after its own workloads (names must stay unique). */
    public Workloads plus(List<WorkloadRunner> more) {
        List<WorkloadRunner> all = new ArrayList<>(runners.values());
        all.addAll(more);
        return new Workloads(all);
    }

    public List<WorkloadDescriptor> descriptors() {
        List<WorkloadDescriptor> list = new ArrayList<>();
        for (WorkloadRunner runner : runners.values()) {
            list.add(runner.descriptor());
        }
        return list;
    }

    public Optional<WorkloadRunner> runner(String name) {
        return Optional.ofNullable(runners.get(name));
    }

    /** The names of every workload, in catalogue order. */
    public List<String> names() {
        return List.copyOf(runners.keySet());
    }

    /** Checks {@code given} against the workload's parameters; every violation is reported. */
    public static List<ParameterViolation> check(WorkloadDescriptor descriptor, Map<String, Double> given) {
        List<ParameterViolation> violations = new ArrayList<>();
        Map<String, WorkloadParameter> known = new TreeMap<>();
        for (WorkloadParameter p : descriptor.parameters()) {
            known.put(p.name(), p);
        }
        for (Map.Entry<String, Double> e : new TreeMap<>(given).entrySet()) {
            WorkloadParameter p = known.get(e.getKey());
            if (p == null) {
                violations.add(new ParameterViolation(e.getKey(), "unknown-parameter",
                        descriptor.name() + " has no parameter '" + e.getKey() + "'; it accepts " + known.keySet()));
            } else if (e.getValue() == null || !p.accepts(e.getValue())) {
                violations.add(new ParameterViolation(e.getKey(), "parameter-range",
                        e.getKey() + " must be between " + number(p.min()) + " and " + number(p.max()) + " " + p.unit()
                                + ", was " + number(e.getValue())));
            } else if (!p.acceptsKind(e.getValue())) {
                violations.add(new ParameterViolation(e.getKey(), "parameter-integer",
                        e.getKey() + " must be a whole number (" + p.unit() + "), was " + number(e.getValue())));
            }
        }
        return violations;
    }

    /** A number as users write it, for messages: 4 rather than 4.0, 0.01 and 2.5 as they are, null as null. */
    private static String number(Double value) {
        if (value == null) {
            return "null";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : Double.toString(value);
    }

    /** The parameters with defaults filled in, in name order. {@code given} must have passed {@link #check}. */
    public static Map<String, Double> withDefaults(WorkloadDescriptor descriptor, Map<String, Double> given) {
        Map<String, Double> all = new TreeMap<>();
        for (WorkloadParameter p : descriptor.parameters()) {
            all.put(p.name(), given.getOrDefault(p.name(), p.defaultValue()));
        }
        return all;
    }
}
