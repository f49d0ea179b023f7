package dev.nestsim.calibrations;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.ProblemType;
import dev.nestsim.api.Problems;
import dev.nestsim.api.Problems.InvalidRequestException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.calibrations.CalibrationFitter.Observation;
import dev.nestsim.model.exits.Calibration;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.hardware.KernelGeneration;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.security.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Calibrations: checked, fitted and stored in one call; read, listed, deleted when nothing uses them. */
@Service
@Transactional
public class CalibrationService {

    static final String L1_FIELD = "l1VmexitOutput";
    static final String L2_FIELD = "l2VmexitOutput";
    private static final Sort CREATION_ORDER = Sort.by("createdAt", "id");

    private final CalibrationRepository calibrations;
    private final ObjectProvider<CalibrationUsage> usages;
    private final Clock clock;
    private final Tenancy tenancy;
    private final CalibrationFitter fitter = new CalibrationFitter();

    /** {@code usages} is looked up when a delete needs it: its implementations depend on this service. */
    CalibrationService(CalibrationRepository calibrations, ObjectProvider<CalibrationUsage> usages, Clock clock, Tenancy tenancy) {
        this.calibrations = calibrations;
        this.usages = usages;
        this.clock = clock;
        this.tenancy = tenancy;
    }

    /** A stored calibration with what a path on it computes with. */
    public record Stored(CalibrationEntity entity, CalibrationReport report, KernelGeneration kernel, CalibrationOptions options) {

        public Calibration calibration() {
            return report.calibration();
        }
    }

    /** A calibration's name and the kernel it was fitted on. */
    public record Named(String name, KernelGeneration kernel) {
    }

    /** 409: a calibration of that name exists, or something still uses the calibration. */
    static final class CalibrationConflictException extends ApiProblemException {
        CalibrationConflictException(String detail, List<FieldProblem> errors) {
            super(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail, errors);
        }
    }

    /**
     * Checks, fits and stores. The fit (up to seconds with an L2 output) runs outside any transaction, holding no
     * connection; the name's uniqueness is checked first and guaranteed by the table's constraint (a concurrent twin is a
     * 409).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Stored create(CalibrationSpec spec) {
        List<FieldProblem> problems = new ArrayList<>();
        KernelGeneration kernel = spec.kernel() == null ? HypervisorSettings.DEFAULT_KERNEL
                : KernelGeneration.byApiName(spec.kernel()).orElse(null);
        if (kernel == null) {
            problems.add(FieldProblem.of("kernel", "known-kernel", "kernel must be one of " + KernelGeneration.allowedNames()
                    + ", was " + Echo.quoted(spec.kernel())));
        }
        Map<String, VmexitOutput> outputs = new LinkedHashMap<>();
        parse(L1_FIELD, spec.l1Output(), outputs, problems);
        if (spec.l2Output() != null) {
            parse(L2_FIELD, spec.l2Output(), outputs, problems);
        }
        List<Observation> observations = observations(spec, outputs, problems);
        Set<Microbenchmark> holdOut = holdOut(spec, observations, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(Problems.summary(problems), problems);
        }
        String tenant = tenancy.current();
        if (calibrations.existsByTenantAndName(tenant, spec.name())) {
            throw new CalibrationConflictException("a calibration named " + Echo.quoted(spec.name()) + " exists already",
                    List.of(FieldProblem.of("name", "unique-name", "a calibration named " + Echo.quoted(spec.name()) + " exists already")));
        }
        CalibrationFit fit = fitter.fit(spec.clockGhz(), kernel, observations, holdOut);
        CalibrationReport report = CalibrationReport.of(fit, new CalibrationPaths(spec.clockGhz(), kernel), outputs);
        CalibrationEntity entity = new CalibrationEntity(UUID.randomUUID(), spec.name(), spec.clockGhz(), kernel.apiName(),
                spec.l1Output(), spec.l2Output(), CalibrationDocuments.options(spec), CalibrationDocuments.report(report), now());
        entity.ownedBy(tenant);
        calibrations.saveAndFlush(entity);
        return new Stored(entity, report, kernel, CalibrationDocuments.options(entity.getOptions()));
    }

    /** One of the caller's tenant's calibrations; another tenant's is a 404, as a missing one is. */
    @Transactional(readOnly = true)
    public Stored get(UUID id) {
        return stored(calibrations.findByIdAndTenant(id, tenancy.current()).orElseThrow(() -> new NotFoundException("calibration", id)));
    }

    /** The caller's tenant's calibration a reference names: its id, or else its name. */
    @Transactional(readOnly = true)
    public Optional<Stored> resolve(String idOrName) {
        String tenant = tenancy.current();
        Optional<CalibrationEntity> found = Optional.empty();
        try {
            found = calibrations.findByIdAndTenant(UUID.fromString(idOrName), tenant);
        } catch (IllegalArgumentException notAnId) {
            // a name
        }
        return found.or(() -> calibrations.findByTenantAndName(tenant, idOrName)).map(this::stored);
    }

    /**
     * The calibration of this id whoever owns it: for work without a request (a run submitted by an experiment's
     * feeder) on a host whose calibration was checked to be its own tenant's when the host named it.
     */
    @Transactional(readOnly = true)
    public Optional<Stored> byId(UUID id) {
        return calibrations.findById(id).map(this::stored);
    }

    /**
     * The name and kernel of each calibration of these ids whoever owns it (what a host's response shows of the one it
     * names, which was checked to be its own tenant's); a missing one is left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Named> labels(java.util.Collection<UUID> ids) {
        Map<UUID, Named> labels = new LinkedHashMap<>();
        Set<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        if (wanted.isEmpty()) {
            return labels;
        }
        for (Object[] row : calibrations.namesAndKernels(wanted)) {
            KernelGeneration.byApiName((String) row[2]).ifPresent(kernel -> labels.put((UUID) row[0], new Named((String) row[1], kernel)));
        }
        return labels;
    }

    @Transactional(readOnly = true)
    public Page<Stored> list(String name, int page, int size) {
        String tenant = tenancy.current();
        Specification<CalibrationEntity> byName = (root, query, cb) -> name == null ? cb.equal(root.get("tenant"), tenant)
                : cb.and(cb.equal(root.get("tenant"), tenant), cb.equal(root.get("name"), name));
        return calibrations.findAll(byName, PageRequest.of(page, size, CREATION_ORDER)).map(this::stored);
    }

    /** Deletes it unless something uses it (409 naming them). */
    public void delete(UUID id) {
        CalibrationEntity entity = calibrations.findByIdAndTenant(id, tenancy.current())
                .orElseThrow(() -> new NotFoundException("calibration", id));
        List<String> users = new ArrayList<>();
        usages.orderedStream().forEach(usage -> users.addAll(usage.usersOf(id, 10)));
        if (!users.isEmpty()) {
            throw new CalibrationConflictException("calibration " + Echo.quoted(entity.getName()) + " is used by " + String.join(", ", users)
                    + ": give them another calibration first", List.of());
        }
        calibrations.delete(entity);
        calibrations.flush();
    }

    private Stored stored(CalibrationEntity entity) {
        KernelGeneration kernel = KernelGeneration.byApiName(entity.getKernel()).orElseThrow(() -> new IllegalStateException(
                "calibration " + entity.getId() + " stores an unknown kernel " + entity.getKernel()));
        return new Stored(entity, CalibrationDocuments.report(entity.getFit()), kernel, CalibrationDocuments.options(entity.getOptions()));
    }

    private static void parse(String field, String text, Map<String, VmexitOutput> outputs, List<FieldProblem> problems) {
        try {
            VmexitOutput out = VmexitOutput.parse(field, text);
            if (out.results().isEmpty()) {
                problems.add(FieldProblem.of(field, "vmexit-results", field + " has no result of a test the model knows ("
                        + String.join(", ", VmexitOutput.knownNames()) + "): paste the output of ./x86/run x86/vmexit.flat"));
            }
            outputs.put(field, out);
        } catch (VmexitOutput.BadLineException e) {
            problems.add(FieldProblem.of(field, "vmexit-result-line", e.getMessage()));
        }
    }

    private static List<Observation> observations(CalibrationSpec spec, Map<String, VmexitOutput> outputs, List<FieldProblem> problems) {
        List<Observation> observations = new ArrayList<>();
        spec.nativeFigures().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Optional<Microbenchmark> m = VmexitOutput.known(e.getKey()).filter(Microbenchmark::nativeApplicable);
            if (m.isEmpty()) {
                problems.add(FieldProblem.of("native." + e.getKey(), "known-native-test", "native figures are for vmexit tests that run "
                        + "on bare metal (" + String.join(", ", nativeNames()) + "), was " + Echo.quoted(e.getKey())));
            } else if (e.getValue() == null || !(e.getValue() > 0) || e.getValue() > VmexitOutput.MAX_CYCLES) {
                problems.add(FieldProblem.of("native." + e.getKey(), "cycles-range", "native." + e.getKey() + " must be between 1 and "
                        + VmexitOutput.MAX_CYCLES + " cycles, was " + e.getValue()));
            } else {
                observations.add(new Observation(0, m.get(), e.getValue()));
            }
        });
        int level = 1;
        for (String field : List.of(L1_FIELD, L2_FIELD)) {
            VmexitOutput out = outputs.get(field);
            if (out != null) {
                int at = level;
                out.results().forEach((m, cycles) -> observations.add(new Observation(at, m, cycles)));
            }
            level++;
        }
        return observations;
    }

    private static Set<Microbenchmark> holdOut(CalibrationSpec spec, List<Observation> observations, List<FieldProblem> problems) {
        Set<Microbenchmark> held = EnumSet.noneOf(Microbenchmark.class);
        for (int i = 0; i < spec.holdOut().size(); i++) {
            String name = spec.holdOut().get(i);
            Optional<Microbenchmark> m = name == null ? Optional.empty() : VmexitOutput.known(name);
            if (m.isEmpty() || observations.stream().noneMatch(o -> o.benchmark() == m.get())) {
                problems.add(FieldProblem.of("holdOut[" + i + "]", "held-out-test-given", "a held-out test must be one the outputs give, was "
                        + Echo.quoted(name)));
            } else {
                held.add(m.get());
            }
        }
        if (!held.isEmpty() && observations.stream().allMatch(o -> held.contains(o.benchmark()))) {
            problems.add(FieldProblem.of("holdOut", "something-to-fit", "holdOut leaves no figure to fit: hold out fewer tests"));
        }
        return held;
    }

    private static List<String> nativeNames() {
        return VmexitOutput.knownNames().stream().filter(n -> VmexitOutput.known(n).orElseThrow().nativeApplicable()).toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
