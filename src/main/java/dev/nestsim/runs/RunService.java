package dev.nestsim.runs;

import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.model.workload.WorkloadDescriptor;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import dev.nestsim.provisioning.HostCalibrations;
import dev.nestsim.provisioning.LocatedPath;
import dev.nestsim.provisioning.TopologyService;
import dev.nestsim.security.Tenancy;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Simulation runs: submit, read, list, cancel. A run is committed QUEUED, with the snapshot of its path, its
 * parameters and its seed, before anything executes it; only after that commit is it dispatched
 * ({@link RunDispatcher}). The submission holds the target host's lock, like every change to that host's tree,
 * so a concurrent delete of the VM or its parents either sees the run (409) or happens before it (422).
 */
@Service
@Transactional
public class RunService {

    /** Replications when a submission names none (or the workload's maximum, if lower). */
    public static final int DEFAULT_REPLICATIONS = 10;
    /** The largest seed: 2^53 - 1, the largest integer every JSON client reads exactly. */
    public static final long MAX_SEED = (1L << 53) - 1;
    private static final Sort CREATION_ORDER = Sort.by("createdAt", "id");

    private final RunRepository runs;
    private final RunLedger ledger;
    private final TopologyService topology;
    private final Workloads workloads;
    private final RunDispatcher dispatcher;
    private final LocalExecutions executions;
    private final RunsProperties properties;
    private final EntityManager entities;
    private final Clock clock;
    private final HostCalibrations calibrations;
    private final Tenancy tenancy;
    private final SecureRandom seeds = new SecureRandom();

    RunService(RunRepository runs, RunLedger ledger, TopologyService topology, Workloads workloads, RunDispatcher dispatcher,
               LocalExecutions executions, RunsProperties properties, EntityManager entities, Clock clock, HostCalibrations calibrations,
               Tenancy tenancy) {
        this.calibrations = calibrations;
        this.tenancy = tenancy;
        this.runs = runs;
        this.ledger = ledger;
        this.topology = topology;
        this.workloads = workloads;
        this.dispatcher = dispatcher;
        this.executions = executions;
        this.properties = properties;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Checks the submission (every problem at once: 400 for an invalid field, 422 for a workload or target that does
     * not exist, or a microbenchmark that needs a hypervisor on a bare host), refuses it when {@code nestsim.runs.max-queued} runs wait already (429), and stores it QUEUED.
     * Counting the queue and inserting the run happen under the admission lock ({@link RunLedger#lockAdmission}), so concurrent
     * submissions, on any instance, never queue more than the bound.
     */
    public RunEntity submit(RunSpec spec) {
        return admit(spec, true, properties.maxQueued(), tenancy.current()).orElseThrow();
    }

    /**
     * As {@link #submit}, for a caller that feeds runs into the queue as room frees up (an experiment): when
     * {@code queueLimit} runs (or {@code nestsim.runs.max-queued}, if fewer) wait already it stores nothing and returns empty
     * instead of refusing, so the caller's transaction stays usable. A limit below max-queued leaves the rest of the queue
     * to direct submissions. Every other problem is thrown as by {@link #submit}. The run is {@code tenant}'s, and
     * its target must be {@code tenant}'s (the caller works without a request: it passes the tenant of its own row).
     */
    public Optional<RunEntity> submitIfRoom(RunSpec spec, int queueLimit, String tenant) {
        return admit(spec, false, Math.min(queueLimit, properties.maxQueued()), tenant);
    }

    private Optional<RunEntity> admit(RunSpec spec, boolean refuseWhenFull, int limit, String tenant) {
        SubmissionCheck check = new SubmissionCheck();
        Optional<WorkloadRunner> runner = check.workload(workloads, spec.workload());
        WorkloadDescriptor descriptor = runner.map(WorkloadRunner::descriptor).orElse(null);
        int replications = check.replications(spec.replications(), descriptor, properties.maxReplications());
        check.seed(spec.seed());
        check.parameters(descriptor, spec.parameters());
        check.applicable(descriptor, spec);
        Optional<LocatedPath> path = check.target(spec, () -> spec.vmId() != null
                ? topology.lockAndLocateVm(spec.vmId(), tenant) : topology.lockAndLocateHost(spec.hostId(), tenant));
        check.throwIfAny();
        ledger.lockAdmission();
        long queued = ledger.countQueued();
        if (queued >= limit) {
            if (!refuseWhenFull) {
                return Optional.empty();
            }
            throw new RunProblems.QueueFullException(queued, properties.maxQueued(), properties.retryAfter());
        }
        Map<String, Double> parameters = Workloads.withDefaults(descriptor, spec.parameters() == null ? Map.of() : spec.parameters());
        long seed = spec.seed() != null ? spec.seed() : seeds.nextLong() >>> 11;
        Target target = spec.vmId() != null ? Target.vm(spec.vmId()) : Target.host(spec.hostId());
        RunEntity run = new RunEntity(UUID.randomUUID(), descriptor.name(), target, PathSnapshot.of(path.get(), calibrationOf(path.get())),
                parameters, seed,
                replications, now());
        run.ownedBy(tenant);
        entities.persist(run);
        entities.flush();
        ledger.insertResources(run.getId(), path.get().ids());
        afterCommit(() -> dispatcher.dispatch(run.getId(), 1));
        return Optional.of(run);
    }

    /** The current tenant's run; another tenant's is a 404, as a missing one. */
    @Transactional(readOnly = true)
    public RunEntity get(UUID id) {
        return get(id, tenancy.current());
    }

    /** The tenant of the current request. */
    String currentTenant() {
        return tenancy.current();
    }

    /** {@code tenant}'s run (for work without a request, such as an event stream's polls). */
    @Transactional(readOnly = true)
    public RunEntity get(UUID id, String tenant) {
        return runs.findById(id).filter(r -> r.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("run", id));
    }

    /** Runs in creation order, filtered by any of status (one of several), workload and target. */
    @Transactional(readOnly = true)
    public Page<RunEntity> list(List<RunStatus> statuses, String workload, Target target, int page, int size) {
        String tenant = tenancy.current();
        Specification<RunEntity> where = (root, query, cb) -> cb.equal(root.get("tenant"), tenant);
        where = where.and((root, query, cb) -> statuses == null || statuses.isEmpty() ? cb.conjunction() : root.get("status").in(statuses));
        where = where.and((root, query, cb) -> workload == null ? cb.conjunction() : cb.equal(root.get("workload"), workload));
        where = where.and((root, query, cb) -> target == null ? cb.conjunction()
                : cb.and(cb.equal(root.get("targetKind"), target.kind()), cb.equal(root.get("targetId"), target.id())));
        return runs.findAll(where, PageRequest.of(page, size, CREATION_ORDER));
    }

    /**
     * The outcome of a cancellation.
     *
     * @param run     the run after it
     * @param pending true when the run is RUNNING and stops at its next replication; false when it is CANCELLED now
     */
    public record Cancellation(RunEntity run, boolean pending) {
    }

    /**
     * Cancels a run: a QUEUED one (or a RUNNING one whose executor died) is CANCELLED at once; a RUNNING one stops at
     * its next replication, wherever it runs. Cancelling a CANCELLED run again changes nothing; a SUCCEEDED or FAILED
     * one is a 409.
     */
    public Cancellation cancel(UUID id) {
        return cancel(get(id));
    }

    /**
     * {@link #cancel(UUID)} for a caller that holds the run's id in a row of its own (an experiment's cell: the run is the
     * experiment's tenant's by construction), and may work without a request.
     */
    public Cancellation cancelOwned(UUID id) {
        return cancel(runs.findById(id).orElseThrow(() -> new NotFoundException("run", id)));
    }

    private Cancellation cancel(RunEntity found) {
        RunEntity run = found;
        UUID id = run.getId();
        for (int tries = 0; tries < 3; tries++) {
            Instant now = now();
            switch (run.getStatus()) {
                case CANCELLED:
                    return new Cancellation(run, false);
                case SUCCEEDED:
                case FAILED:
                    throw new RunProblems.AlreadyFinishedException(run);
                case QUEUED:
                    if (ledger.cancelQueued(id, now)) {
                        return new Cancellation(reread(run), false);
                    }
                    break;
                case RUNNING:
                    if (ledger.cancelOrphaned(id, now)) {
                        return new Cancellation(reread(run), false);
                    }
                    ledger.requestCancel(id, now);
                    executions.requestCancel(id);
                    return new Cancellation(reread(run), true);
                default:
                    throw new IllegalStateException("unknown status " + run.getStatus());
            }
            run = reread(run);
        }
        throw new IllegalStateException("run " + id + " kept changing status while it was being cancelled");
    }

    /** The run as the database has it now (the ledger changed it without the persistence context). */
    private RunEntity reread(RunEntity run) {
        entities.refresh(run);
        return run;
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

    /** The host's calibration, frozen into the run's snapshot; {@code null} for the reference parameters. */
    private PathSnapshot.CalibrationSnapshot calibrationOf(LocatedPath located) {
        HostCalibrations.OfHost of = calibrations.of(located.ids().get(0));
        if (of.id() == null) {
            return null;
        }
        Map<String, Double> values = new java.util.TreeMap<>();
        of.calibration().values().forEach((p, v) -> values.put(p.name(), v));
        return new PathSnapshot.CalibrationSnapshot(of.id(), of.name(), values);
    }
}
