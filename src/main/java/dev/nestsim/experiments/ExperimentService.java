package dev.nestsim.experiments;

import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.experiments.ExperimentSpec.TargetSpec;
import dev.nestsim.experiments.ExperimentSpec.WorkloadSpec;
import dev.nestsim.model.exits.Microbenchmark;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.WorkloadKind;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.provisioning.LocatedPath;
import dev.nestsim.provisioning.TopologyService;
import dev.nestsim.security.Tenancy;
import dev.nestsim.runs.RunsProperties;
import dev.nestsim.runs.Target;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Experiments: create, read, list, cancel, delete. An experiment is committed QUEUED with every configuration and cell
 * (and, for a preset, the hosts, hypervisors and VMs it provisions) before any of its runs is submitted; the
 * {@link ExperimentFeeder} then submits its cells as the run queue has room.
 */
@Service
@Transactional
public class ExperimentService {

    private static final Sort CREATION_ORDER = Sort.by("createdAt", "id");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExperimentRepository experiments;
    private final ExperimentLedger ledger;
    private final TopologyService topology;
    private final Workloads workloads;
    private final PresetProvisioner provisioner;
    private final ExperimentFeeder feeder;
    private final ExperimentsProperties limits;
    private final RunsProperties runLimits;
    private final EntityManager entities;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    private final Tenancy tenancy;

    ExperimentService(ExperimentRepository experiments, ExperimentLedger ledger, TopologyService topology, Workloads workloads,
                      PresetProvisioner provisioner, ExperimentFeeder feeder, ExperimentsProperties limits, RunsProperties runLimits,
                      EntityManager entities, Clock clock, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.experiments = experiments;
        this.ledger = ledger;
        this.topology = topology;
        this.workloads = workloads;
        this.provisioner = provisioner;
        this.feeder = feeder;
        this.limits = limits;
        this.runLimits = runLimits;
        this.entities = entities;
        this.clock = clock;
    }

    /** A configuration about to be stored: its name and target, or (for a preset) its template. */
    private record Planned(String name, Target target, Presets.ConfigurationTemplate template, boolean isNative, boolean provisioned) {
    }

    /**
     * Checks the experiment (every problem at once: 400 for an invalid field, 422 for a preset, workload or target that does
     * not exist or a cell that cannot run), then stores it QUEUED with its configurations and cells, provisioning a preset's
     * resources in the same transaction; nothing is created when anything is refused.
     */
    public ExperimentView create(ExperimentSpec spec) {
        UUID id = UUID.randomUUID();
        PresetProvisioner.Provisioned owned = new PresetProvisioner.Provisioned(id);
        ExperimentCheck check = new ExperimentCheck();
        Optional<Presets.Preset> preset = spec.preset() != null ? check.preset(spec) : Optional.empty();
        String name = spec.name() != null || spec.preset() == null ? spec.name() : spec.preset();
        check.name(name, "name");
        List<WorkloadSpec> workloadSpecs = spec.preset() != null
                ? preset.map(p -> p.workloads().stream().map(w -> new WorkloadSpec(w, null)).toList()).orElse(List.of())
                : spec.workloads();
        List<Optional<WorkloadRunner>> runners = new ArrayList<>();
        if (spec.preset() != null || check.list(workloadSpecs, "workloads", limits.maxCells(), "workload")) {
            for (int j = 0; j < workloadSpecs.size(); j++) {
                runners.add(check.workload(j, workloadSpecs.get(j), workloads));
            }
        }
        List<WorkloadDescriptor> descriptors = runners.stream().flatMap(Optional::stream).map(WorkloadRunner::descriptor).toList();
        Integer replicationsGiven = spec.replications() != null ? spec.replications() : preset.map(Presets.Preset::replications).orElse(null);
        int replications = check.replications(replicationsGiven, descriptors, runLimits.maxReplications());
        check.seed(spec.seed());
        List<Planned> planned = spec.preset() != null ? planPreset(preset) : planConfigurations(spec, check, owned);
        long cells = 0;
        for (int i = 0; i < planned.size(); i++) {
            for (int j = 0; j < runners.size(); j++) {
                if (runners.get(j).isEmpty()) {
                    continue;
                }
                WorkloadDescriptor d = runners.get(j).get().descriptor();
                if (!planned.get(i).isNative() || applicableNatively(d)) {
                    cells++;
                } else if (spec.preset() == null) {
                    check.applicable(j, d, i, true);
                }
            }
        }
        check.size(cells, replications, limits);
        check.throwIfAny();
        long seed = spec.seed() != null ? spec.seed() : seeds.nextLong() >>> 11;
        ExperimentEntity experiment = new ExperimentEntity(id, name, spec.preset(), seed, replications, (int) cells, now());
        experiment.ownedBy(tenancy.current());
        entities.persist(experiment);
        entities.flush();
        store(id, planned, workloadSpecs, runners, owned);
        afterCommit(() -> feeder.poke(id));
        return view(experiment);
    }

    private List<Planned> planPreset(Optional<Presets.Preset> preset) {
        return preset.map(p -> p.configurations().stream().map(t -> new Planned(t.name(), null, t, t.vm() == null, true)).toList())
                .orElse(List.of());
    }

    /** The targets, then the topologies (provisioned now, so that their problems are reported with the rest). */
    private List<Planned> planConfigurations(ExperimentSpec spec, ExperimentCheck check, PresetProvisioner.Provisioned owned) {
        List<Planned> planned = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (spec.topologies() == null || spec.targets() != null) {
            planTargets(spec.targets(), check, planned, names, fields);
        }
        if (spec.topologies() != null && check.list(spec.topologies(), "topologies", limits.maxCells(), "topology")) {
            List<dev.nestsim.api.FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < spec.topologies().size(); i++) {
                ExperimentSpec.TopologySpec t = spec.topologies().get(i);
                if (t == null) {
                    problems.add(dev.nestsim.api.FieldProblem.of("topologies[" + i + "]", "not-null", "topologies[" + i + "] must be an object"));
                    continue;
                }
                check.name(t.name(), "topologies[" + i + "].name");
                Optional<Target> target = provisioner.provision(i, t, owned, problems);
                names.add(t.name());
                fields.add("topologies[" + i + "].name");
                planned.add(new Planned(t.name(), target.orElse(null), null, t.vm() == null, true));
            }
            check.add(problems);
        }
        check.uniqueNames(names, fields);
        return planned;
    }

    private void planTargets(List<TargetSpec> targets, ExperimentCheck check, List<Planned> planned, List<String> names, List<String> fields) {
        if (!check.list(targets, "targets", limits.maxCells(), "target")) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            TargetSpec t = targets.get(i);
            Optional<LocatedPath> path = check.target(i, t, () -> t.vmId() != null ? topology.lockAndLocateVm(t.vmId()) : topology.lockAndLocateHost(t.hostId()));
            String name = t == null ? null : t.name() != null ? t.name()
                    : path.map(p -> p.path().hasLeaf() ? p.path().leaf().name() : p.path().host().name()).orElse(null);
            names.add(name);
            fields.add("targets[" + i + "].name");
            if (path.isPresent()) {
                planned.add(new Planned(name, t.vmId() != null ? Target.vm(t.vmId()) : Target.host(t.hostId()), null, t.vmId() == null, false));
            } else {
                planned.add(new Planned(name, null, null, t != null && t.hostId() != null && t.vmId() == null, false));
            }
        }
    }

    private void store(UUID id, List<Planned> planned, List<WorkloadSpec> workloadSpecs, List<Optional<WorkloadRunner>> runners,
                       PresetProvisioner.Provisioned resources) {
        int cell = 0;
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            Target target = p.template() == null ? p.target() : provisioner.provision(p.template(), resources);
            ledger.insertConfiguration(id, new ExperimentConfiguration(i, p.name(), target, p.provisioned()));
            for (int j = 0; j < workloadSpecs.size(); j++) {
                WorkloadDescriptor d = runners.get(j).orElseThrow().descriptor();
                if (p.isNative() && !applicableNatively(d)) {
                    continue;
                }
                Map<String, Double> parameters = workloadSpecs.get(j).parameters() == null ? Map.of() : workloadSpecs.get(j).parameters();
                ledger.insertCell(id, cell++, i, j, d.name(), JSON.writeValueAsString(new TreeMap<>(parameters)));
            }
        }
        resources.store(ledger);
    }

    private static boolean applicableNatively(WorkloadDescriptor d) {
        return Microbenchmark.byName(d.name()).map(Microbenchmark::nativeApplicable).orElse(true);
    }

    @Transactional(readOnly = true)
    public ExperimentView get(UUID id) {
        return view(entity(id));
    }

    /** {@code tenant}'s experiment (for work without a request, such as an event stream's polls). */
    @Transactional(readOnly = true)
    public ExperimentView get(UUID id, String tenant) {
        return view(entity(id, tenant));
    }

    /** Experiments in creation order, filtered by any of status (one of several) and name. */
    @Transactional(readOnly = true)
    public Page<ExperimentView> list(List<ExperimentStatus> statuses, String name, int page, int size) {
        String tenant = tenancy.current();
        Specification<ExperimentEntity> where = (root, query, cb) -> cb.equal(root.get("tenant"), tenant);
        where = where.and((root, query, cb) -> statuses == null || statuses.isEmpty() ? cb.conjunction()
                : root.get("status").in(statuses));
        where = where.and((root, query, cb) -> name == null ? cb.conjunction() : cb.equal(root.get("name"), name));
        return experiments.findAll(where, PageRequest.of(page, size, CREATION_ORDER)).map(this::view);
    }

    /**
     * Cancels an experiment: QUEUED or RUNNING -> CANCELLED at once; its cells not yet submitted never are, and its runs
     * are cancelled once this commits (a QUEUED run at once, a RUNNING one at its next replication). Cancelling a
     * CANCELLED experiment again changes nothing; a SUCCEEDED or FAILED one is a 409.
     */
    public ExperimentView cancel(UUID id) {
        entity(id);
        ExperimentStatus status = ledger.lock(id).orElseThrow(() -> new NotFoundException("experiment", id));
        if (status == ExperimentStatus.SUCCEEDED || status == ExperimentStatus.FAILED) {
            throw new ExperimentProblems.AlreadyFinishedException(entity(id));
        }
        if (status != ExperimentStatus.CANCELLED) {
            ledger.cancel(id, now());
            List<UUID> active = ledger.cells(id).stream().filter(ExperimentCell::active).map(ExperimentCell::runId).toList();
            afterCommit(() -> feeder.cancelLater(active));
        }
        return view(reread(id));
    }

    /**
     * Deletes a finished experiment and what it provisioned for itself (last created first), never the user's targets; its
     * runs stay, with their results. 409 while it is QUEUED or RUNNING, or while a run of it is still stopping.
     */
    public void delete(UUID id) {
        entity(id);
        ExperimentStatus status = ledger.lock(id).orElseThrow(() -> new NotFoundException("experiment", id));
        if (!status.isTerminal()) {
            throw new ExperimentProblems.StillRunningException("experiment " + id + " is " + status + ": cancel it first (POST /api/v1/experiments/"
                    + id + "/cancel), or wait until it has finished");
        }
        long stopping = ledger.cells(id).stream().filter(ExperimentCell::active).count();
        if (stopping > 0) {
            throw new ExperimentProblems.StillRunningException("experiment " + id + " is " + status + " but " + stopping
                    + " of its runs are still stopping; try again in a moment");
        }
        List<ExperimentLedger.Resource> owned = ledger.resources(id);
        ledger.delete(id);
        provisioner.deprovision(owned);
    }

    /** The current tenant's experiment; another tenant's is a 404, as a missing one. */
    private ExperimentEntity entity(UUID id) {
        return entity(id, tenancy.current());
    }

    private ExperimentEntity entity(UUID id, String tenant) {
        return experiments.findById(id).filter(e -> e.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    private ExperimentEntity reread(UUID id) {
        ExperimentEntity e = entity(id);
        entities.refresh(e);
        return e;
    }

    private ExperimentView view(ExperimentEntity e) {
        return new ExperimentView(e, ledger.configurations(e.getId()), ledger.cells(e.getId()),
                name -> workloads.runner(name).map(r -> r.descriptor().kind() == WorkloadKind.MICROBENCHMARK).orElse(false));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs {@code action} once the current transaction has committed (at once when there is none). */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
