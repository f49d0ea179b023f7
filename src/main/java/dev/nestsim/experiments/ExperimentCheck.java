package dev.nestsim.experiments;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.Problems.RuleViolationException;
import dev.nestsim.experiments.ExperimentSpec.TargetSpec;
import dev.nestsim.experiments.ExperimentSpec.WorkloadSpec;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.workload.ParameterViolation;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.provisioning.LocatedPath;
import dev.nestsim.runs.RunService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every check of an experiment, each a named rule, all run before anything is reported, so one answer lists every
 * problem with its field ({@code targets[2].vmId}, {@code workloads[1].parameters.clientThreads}): a field out of range
 * makes it a 400; when every field is well-formed but a workload, a target or the preset does not exist, or a cell cannot
 * run (a microbenchmark that needs a hypervisor, natively), it is a 422.
 */
final class ExperimentCheck {

    static final int MAX_NAME_CHARS = 200;
    /** Rules of a topology's parts that make a field malformed (400) rather than a topology that breaks a rule (422). */
    private static final java.util.Set<String> INVALID_RULES = java.util.Set.of("not-null", "known-kernel", "valid-value");

    private final List<FieldProblem> invalid = new ArrayList<>();
    private final List<FieldProblem> unknown = new ArrayList<>();

    void name(String name, String field) {
        if (name == null || name.isBlank()) {
            invalid.add(FieldProblem.of(field, "not-blank", field + " must not be blank"));
        } else if (name.length() > MAX_NAME_CHARS) {
            invalid.add(FieldProblem.of(field, "name-length", field + " must have at most " + MAX_NAME_CHARS + " characters, had " + name.length()));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            invalid.add(FieldProblem.of(field, "no-control-characters", field + " must not contain control characters"));
        }
    }

    /** The preset, or empty (and a problem) when it is not known; a preset excludes targets and workloads. */
    Optional<Presets.Preset> preset(ExperimentSpec spec) {
        if (spec.targets() != null || spec.topologies() != null || spec.workloads() != null) {
            invalid.add(FieldProblem.of("preset", "preset-or-cells", "give either a preset or targets (or topologies) and workloads, not both"));
        }
        Optional<Presets.Preset> preset = Presets.byName(spec.preset());
        if (preset.isEmpty()) {
            unknown.add(FieldProblem.of("preset", "known-preset", "preset must be one of " + Presets.names() + " (GET /api/v1/experiment-presets), was "
                    + Echo.quoted(spec.preset())));
        }
        return preset;
    }

    /** Whether the list is there and holds between 1 and {@code max} entries; a problem when not. */
    boolean list(List<?> given, String field, int max, String what) {
        if (given == null || given.isEmpty()) {
            invalid.add(FieldProblem.of(field, "not-empty", field + " must list at least one " + what));
            return false;
        }
        if (given.size() > max) {
            invalid.add(FieldProblem.of(field, "max-cells", field + " lists " + given.size() + " " + what + "s; an experiment has at most " + max
                    + " cells (nestsim.experiments.max-cells)"));
            return false;
        }
        return true;
    }

    /** The path of {@code targets[i]}, located by {@code locate}; empty (and a problem) when not exactly one id is given or it does not exist. */
    Optional<LocatedPath> target(int i, TargetSpec target, Supplier<LocatedPath> locate) {
        String field = "targets[" + i + "]";
        if (target == null) {
            invalid.add(FieldProblem.of(field, "not-null", field + " must be an object with vmId or hostId"));
            return Optional.empty();
        }
        if (target.name() != null) {
            name(target.name(), field + ".name");
        }
        if ((target.vmId() == null) == (target.hostId() == null)) {
            invalid.add(FieldProblem.of(field, "exactly-one-target",
                    field + " must name exactly one of vmId (to run in a VM) or hostId (to run natively on a host)"));
            return Optional.empty();
        }
        try {
            return Optional.of(locate.get());
        } catch (NotFoundException e) {
            unknown.add(FieldProblem.of(field + (target.vmId() != null ? ".vmId" : ".hostId"), "target-exists", e.getMessage()));
            return Optional.empty();
        }
    }

    /** Configuration names are unique within an experiment; {@code fields} says where each name was given. */
    void uniqueNames(List<String> names, List<String> fields) {
        Map<String, String> first = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                continue;
            }
            String earlier = first.putIfAbsent(name, fields.get(i).replace(".name", ""));
            if (earlier != null) {
                invalid.add(FieldProblem.of(fields.get(i), "unique-configuration-name", "configuration name " + Echo.quoted(name)
                        + " is also that of " + earlier + ": give each configuration a name of its own"));
            }
        }
    }

    /** Problems found elsewhere (a topology's parts, refused by provisioning): a 422 unless a field is malformed. */
    void add(List<FieldProblem> problems) {
        for (FieldProblem p : problems) {
            (INVALID_RULES.contains(p.rule()) ? invalid : unknown).add(p);
        }
    }

    /** The runner of {@code workloads[j]}, or empty (and a problem) when it is missing, unknown, or its parameters are wrong. */
    Optional<WorkloadRunner> workload(int j, WorkloadSpec workload, Workloads catalogue) {
        String field = "workloads[" + j + "]";
        if (workload == null) {
            invalid.add(FieldProblem.of(field, "not-null", field + " must be an object with a workload"));
            return Optional.empty();
        }
        if (workload.workload() == null || workload.workload().isBlank()) {
            invalid.add(FieldProblem.of(field + ".workload", "not-blank", field + ".workload must name a workload of GET /api/v1/workloads"));
            return Optional.empty();
        }
        Optional<WorkloadRunner> runner = catalogue.runner(workload.workload());
        if (runner.isEmpty()) {
            unknown.add(FieldProblem.of(field + ".workload", "known-workload", field + ".workload must be one of " + catalogue.names() + ", was "
                    + Echo.quoted(workload.workload())));
            return runner;
        }
        if (workload.parameters() != null) {
            for (ParameterViolation v : Workloads.check(runner.get().descriptor(), workload.parameters())) {
                invalid.add(FieldProblem.of(field + ".parameters." + v.field(), v.rule(), v.message()));
            }
        }
        return runner;
    }

    /** A microbenchmark that needs a hypervisor cannot run natively on a host. */
    void applicable(int j, WorkloadDescriptor descriptor, int i, boolean isNative) {
        if (!isNative) {
            return;
        }
        Microbenchmark.byName(descriptor.name()).filter(m -> !m.nativeApplicable()).ifPresent(m -> unknown.add(FieldProblem.of(
                "workloads[" + j + "].workload", "applicable-natively", m.apiName() + " needs a hypervisor, so it cannot run natively on the host of"
                        + " targets[" + i + "]: run it in VMs only, or leave the host out")));
    }

    /** Replications of every cell: the given number if within 1 and every workload's (and the service's) maximum. */
    int replications(Integer given, List<WorkloadDescriptor> descriptors, int serviceMax) {
        int max = serviceMax;
        String limitedBy = "nestsim.runs.max-replications";
        for (WorkloadDescriptor d : descriptors) {
            if (d.maxReplications() < max) {
                max = d.maxReplications();
                limitedBy = d.name();
            }
        }
        if (given == null) {
            return Math.min(RunService.DEFAULT_REPLICATIONS, max);
        }
        if (given < 1 || given > max) {
            invalid.add(FieldProblem.of("replications", "replications-range", "replications must be between 1 and " + max + " (" + limitedBy
                    + "), was " + given));
        }
        return given;
    }

    void seed(Long given) {
        if (given != null && (given < 0 || given > RunService.MAX_SEED)) {
            invalid.add(FieldProblem.of("seed", "seed-range", "seed must be between 0 and " + RunService.MAX_SEED
                    + " (2^53 - 1, exact in every JSON client), was " + given));
        }
    }

    /** Bounds on the whole: cells, and cells times replications (the simulated work). */
    void size(long cells, int replications, ExperimentsProperties limits) {
        if (cells > limits.maxCells()) {
            invalid.add(FieldProblem.of("", "max-cells", "the experiment has " + cells + " cells (targets x workloads); the most is "
                    + limits.maxCells() + " (nestsim.experiments.max-cells)"));
        } else if (replications >= 1 && cells * replications > limits.maxTotalReplications()) {
            invalid.add(FieldProblem.of("replications", "max-total-replications", "the experiment asks for " + cells + " cells x " + replications
                    + " replications = " + cells * replications + "; the most is " + limits.maxTotalReplications()
                    + " (nestsim.experiments.max-total-replications): fewer replications, targets or workloads"));
        }
    }

    boolean ok() {
        return invalid.isEmpty() && unknown.isEmpty();
    }

    /** Throws when any check failed: 400 when a field is invalid, else 422, listing every problem. */
    void throwIfAny() {
        if (ok()) {
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
