package dev.nestsim.runs;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.workload.ParameterViolation;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.provisioning.LocatedPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every check of a submission, each a named rule, all run before anything is reported, so one answer lists
 * every problem: a field out of range makes it a 400; when every field is well-formed but the workload or the
 * target does not exist, it is a 422 (as for a parent that does not exist in provisioning).
 */
final class SubmissionCheck {

    private final List<FieldProblem> invalid = new ArrayList<>();
    private final List<FieldProblem> unknown = new ArrayList<>();

    /** The workload's runner, or empty (and a problem) when the name is missing or not in the catalogue. */
    Optional<WorkloadRunner> workload(Workloads workloads, String name) {
        if (name == null || name.isBlank()) {
            invalid.add(FieldProblem.of("workload", "not-blank", "workload must name a workload of GET /api/v1/workloads"));
            return Optional.empty();
        }
        Optional<WorkloadRunner> runner = workloads.runner(name);
        if (runner.isEmpty()) {
            unknown.add(FieldProblem.of("workload", "known-workload", "workload must be one of " + workloads.names() + ", was " + Echo.quoted(name)));
        }
        return runner;
    }

    /**
     * The replications to run: the given number if within 1 and the workload's (and the service's) maximum. An analytic
     * workload (a microbenchmark: the exit cascade, exact in one evaluation) runs once whatever is asked: replications is
     * optional for it, checked against the same range when given, and the run records 1.
     */
    int replications(Integer given, WorkloadDescriptor descriptor, int serviceMax) {
        int max = descriptor == null ? serviceMax : Math.min(serviceMax, descriptor.maxReplications());
        int replications = given == null ? Math.min(RunService.DEFAULT_REPLICATIONS, max) : given;
        if (given != null && (given < 1 || given > max)) {
            invalid.add(FieldProblem.of("replications", "replications-range", "replications must be between 1 and " + max
                    + (descriptor == null ? "" : " for " + descriptor.name()) + ", was " + given));
        }
        return analytic(descriptor) ? 1 : replications;
    }

    /** Whether one evaluation of the workload is exact (a microbenchmark), so that replications would repeat the same figure. */
    static boolean analytic(WorkloadDescriptor descriptor) {
        return descriptor != null && descriptor.kind() == WorkloadKind.MICROBENCHMARK;
    }

    void seed(Long given) {
        if (given != null && (given < 0 || given > RunService.MAX_SEED)) {
            invalid.add(FieldProblem.of("seed", "seed-range", "seed must be between 0 and " + RunService.MAX_SEED
                    + " (2^53 - 1, exact in every JSON client), was " + given));
        }
    }

    /** The parameters, checked against the workload's (unknown names and values out of range). */
    void parameters(WorkloadDescriptor descriptor, Map<String, Double> given) {
        if (descriptor == null || given == null) {
            return;
        }
        for (ParameterViolation v : Workloads.check(descriptor, given)) {
            invalid.add(FieldProblem.of("parameters." + v.field(), v.rule(), v.message()));
        }
    }

    /** The target's path, located by {@code locate}; empty (and a problem) when not exactly one id is given or it does not exist. */
    Optional<LocatedPath> target(RunSpec spec, Supplier<LocatedPath> locate) {
        if ((spec.vmId() == null) == (spec.hostId() == null)) {
            invalid.add(FieldProblem.of("target", "exactly-one-target",
                    "target must name exactly one of vmId (to run in a VM) or hostId (to run natively on a host)"));
            return Optional.empty();
        }
        try {
            return Optional.of(locate.get());
        } catch (NotFoundException e) {
            String field = spec.vmId() != null ? "target.vmId" : "target.hostId";
            unknown.add(FieldProblem.of(field, "target-exists", e.getMessage()));
            return Optional.empty();
        }
    }

    /** A microbenchmark that needs a hypervisor (hypercall, vmcall, inl_*) cannot run natively on a host. */
    void applicable(WorkloadDescriptor descriptor, RunSpec spec) {
        if (descriptor == null || spec.hostId() == null || spec.vmId() != null) {
            return;
        }
        Microbenchmark.byName(descriptor.name()).filter(m -> !m.nativeApplicable()).ifPresent(m -> unknown.add(FieldProblem.of("workload",
                "applicable-natively", m.apiName() + " needs a hypervisor, so it cannot run natively on a host: run it in a VM (target.vmId)")));
    }

    /** Throws when any check failed: 400 when a field is invalid, else 422, listing every problem. */
    void throwIfAny() {
        if (invalid.isEmpty() && unknown.isEmpty()) {
            return;
        }
        List<FieldProblem> all = new ArrayList<>(invalid);
        all.addAll(unknown);
        all.sort(Comparator.comparing(FieldProblem::field));
        String detail = Problems.summary(all);
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(detail, all);
        }
        throw new RuleViolationException(detail, all);
    }
}
