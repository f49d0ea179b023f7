package dev.nestsim.advice;

import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configuration of the space, on the request's host and depth.
 *
 * @param index         its position in the enumeration (stable for the same request)
 * @param configuration the knobs
 * @param path          the path it makes, host to leaf
 * @param violations    what the topology rules refuse about it (empty: the rules allow it)
 * @param excluded      the constraint that excludes it, naming the field, or {@code null}
 * @param needs         the host features it needs
 * @param requires      what it needs, in words: host features, DVH support at each level, SR-IOV functions
 */
public record Candidate(int index, Configuration configuration, Path path, List<Violation> violations, String excluded,
                        Set<HostFeature> needs, List<String> requires) {

    public Candidate {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(path, "path");
        violations = List.copyOf(violations);
        needs = Set.copyOf(needs);
        requires = List.copyOf(requires);
    }

    /** Allowed by every rule and every constraint. */
    public boolean eligible() {
        return violations.isEmpty() && excluded == null;
    }

    public boolean liveMigratable() {
        return path.liveMigratable();
    }
}
