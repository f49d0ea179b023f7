package dev.nestsim.provisioning;

import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems;
import dev.nestsim.api.Problems.ConflictWithChildrenException;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.model.topology.Violation;
import java.util.List;
import java.util.Map;

/** Turns the model's rule violations into the API's problems. */
final class Violations {

    /**
     * Which field of a changed host or guest hypervisor a child's broken rule points back to, by rule name:
     * a child that no longer fits points at the parent's size (a host's {@code onlineCpus}: the CPUs its children share),
     * a missing DVH link at its {@code dvh}, ...
     */
    private static final Map<String, String> HOST_FIELD_BY_RULE = Map.of(
            "fits-parent-vcpus", "onlineCpus", "fits-parent-memory", "memoryGib", "dvh-provided-by-path", "dvh",
            "passthrough-needs-iommu", "features.iommu", "passthrough-needs-free-vf", "nic.sriovVfs",
            "posted-interrupts-need-hardware", "features.postedInterrupts", "posted-interrupts-need-path", "postedInterrupts");
    private static final Map<String, String> HYPERVISOR_FIELD_BY_RULE = Map.of(
            "fits-parent-vcpus", "vcpus", "fits-parent-memory", "memoryGib", "dvh-provided-by-path", "dvh",
            "assignment-needs-viommu", "viommu", "posted-interrupts-need-path", "postedInterrupts",
            "posted-interrupts-need-hardware", "postedInterrupts");

    private Violations() {
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            List<FieldProblem> errors = violations.stream().map(v -> FieldProblem.of(v.field(), v.rule(), v.message())).toList();
            throw new RuleViolationException(Problems.summary(errors), errors);
        }
    }

    static void throwIfDependents(String subject, boolean host, List<HostTree.Dependent> dependents) {
        if (dependents.isEmpty()) {
            return;
        }
        Map<String, String> fields = host ? HOST_FIELD_BY_RULE : HYPERVISOR_FIELD_BY_RULE;
        List<FieldProblem> errors = dependents.stream().map(d -> {
            String field = fields.getOrDefault(d.violation().rule(), "");
            return FieldProblem.of(field, d.violation().rule(), d.described() + " depends on it: " + d.violation().message());
        }).toList();
        long children = dependents.stream().map(HostTree.Dependent::id).distinct().count();
        throw new ConflictWithChildrenException(subject + " cannot change this way: " + children
                + (children == 1 ? " descendant depends" : " descendants depend") + " on it: "
                + String.join("; ", errors.stream().map(FieldProblem::message).toList()), errors);
    }
}
