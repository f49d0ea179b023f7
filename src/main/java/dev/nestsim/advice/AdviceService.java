package dev.nestsim.advice;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.api.ProblemType;
import dev.nestsim.experiments.ExperimentService;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.security.Tenancy;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Advice: create (checked whole, stored QUEUED), read, list, cancel, delete. {@link AdviceEngine} moves it on. */
@Service
@Transactional
public class AdviceService {

    /** Replications of every simulated run when a request does not say. */
    public static final int DEFAULT_REPLICATIONS = 3;
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Sort CREATION_ORDER = Sort.by("createdAt", "id");

    private final AdviceRepository advice;
    private final AdviceCheck check;
    private final ExperimentService experiments;
    private final EntityManager entities;
    private final Clock clock;
    private final Tenancy tenancy;
    private final SecureRandom seeds = new SecureRandom();
    private volatile Runnable poke = () -> { };

    AdviceService(AdviceRepository advice, AdviceCheck check, ExperimentService experiments, EntityManager entities, Clock clock,
                  Tenancy tenancy) {
        this.tenancy = tenancy;
        this.advice = advice;
        this.check = check;
        this.experiments = experiments;
        this.entities = entities;
        this.clock = clock;
    }

    void onCreate(Runnable poke) {
        this.poke = poke;
    }

    /** Checks the request (every problem at once: 400 for a malformed field, 422 for something that does not exist), then stores it QUEUED. */
    public AdviceEntity create(AdviceSpec spec) {
        long seed = spec.seed() != null ? spec.seed() : seeds.nextLong() >>> 11;
        AdviceInput input = check.input(spec, seed);
        AdviceEntity a = new AdviceEntity(UUID.randomUUID(), input.workload(), JSON.writeValueAsString(input), seed, now());
        a.ownedBy(tenancy.current());
        entities.persist(a);
        entities.flush();
        Runnable p = poke;
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        p.run();
                    }
                });
        return a;
    }

    /** The current tenant's advice; another tenant's is a 404, as a missing one. */
    @Transactional(readOnly = true)
    public AdviceEntity get(UUID id) {
        String tenant = tenancy.current();
        return advice.findById(id).filter(a -> a.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("advice", id));
    }

    @Transactional(readOnly = true)
    public Page<AdviceEntity> list(List<ExperimentStatus> statuses, String workload, int page, int size) {
        String tenant = tenancy.current();
        Specification<AdviceEntity> where = (root, query, cb) -> cb.equal(root.get("tenant"), tenant);
        where = where.and((root, query, cb) -> statuses == null || statuses.isEmpty() ? cb.conjunction()
                : root.get("status").in(statuses));
        where = where.and((root, query, cb) -> workload == null ? cb.conjunction() : cb.equal(root.get("workload"), workload));
        return advice.findAll(where, PageRequest.of(page, size, CREATION_ORDER));
    }

    /**
     * Cancels an advice: QUEUED or RUNNING -> CANCELLED, with the experiment simulating it; cancelling a CANCELLED one again changes
     * nothing; a SUCCEEDED or FAILED one is a 409.
     */
    public AdviceEntity cancel(UUID id) {
        AdviceEntity a = get(id);
        if (a.getStatus() == ExperimentStatus.SUCCEEDED || a.getStatus() == ExperimentStatus.FAILED) {
            throw new AlreadyFinishedException(a);
        }
        if (a.getStatus() != ExperimentStatus.CANCELLED) {
            a.moveTo(ExperimentStatus.CANCELLED, now());
            if (a.getExperimentId() != null && !experiments.get(a.getExperimentId()).experiment().getStatus().isTerminal()) {
                experiments.cancel(a.getExperimentId());
            }
            entities.flush();
        }
        return a;
    }

    /**
     * Deletes a SUCCEEDED, FAILED or CANCELLED advice with the experiments its stages created, each through
     * {@link ExperimentService#delete} (so with the hosts, hypervisors and VMs it provisioned; never the user's own resources,
     * and the runs stay, with their results), in one transaction: when one of them cannot be deleted, nothing is. An experiment
     * the user already deleted is skipped. 409 while the advice is QUEUED or RUNNING.
     */
    public void delete(UUID id) {
        AdviceEntity a = get(id);
        if (!a.getStatus().isTerminal()) {
            throw new StillRunningException(a);
        }
        java.util.Set<UUID> created = new java.util.LinkedHashSet<>();
        if (a.getPlan() != null) {
            JSON.readValue(a.getPlan(), AdviceEngine.Plan.class).all().forEach(s -> created.add(s.experimentId()));
        }
        if (a.getExperimentId() != null) {
            created.add(a.getExperimentId());
        }
        for (UUID experiment : created) {
            dev.nestsim.experiments.ExperimentEntity e = entities.find(dev.nestsim.experiments.ExperimentEntity.class, experiment);
            if (e != null && e.getTenant().equals(a.getTenant())) {
                experiments.delete(experiment);
            }
        }
        advice.delete(a);
        entities.flush();
    }

    /**
     * How far an advice has got: its stage (0 screening, 1 simulating the most promising, 2 refining the contenders) and its
     * current experiment's cells done of the total.
     */
    public record Progress(int stage, UUID experimentId, int cellsDone, int cellsTotal) {
    }

    @Transactional(readOnly = true)
    public Progress progress(AdviceEntity a) {
        if (a.getExperimentId() == null) {
            return new Progress(a.getStage(), null, 0, 0);
        }
        dev.nestsim.experiments.ExperimentView view = experiments.get(a.getExperimentId());
        return new Progress(a.getStage(), a.getExperimentId(), view.cellsDone(), view.experiment().getCellsTotal());
    }

    /**
     * The space an advice searches, as stored with it: the widened knobs' values, each default filled in (the host's kernel, the
     * VM's vCPUs, one DVH set at every level), and whether the request widened it.
     *
     * @param guestKernels the guest hypervisors' kernels tried (empty at depth 1: there are none)
     * @param vmVcpus      the VM's vCPU counts tried
     * @param dvhPerLevel  whether each level's DVH set may differ
     * @param widened      whether the request gave a space (then candidates the constraints exclude are not enumerated)
     */
    public record SearchSpace(List<String> guestKernels, List<Integer> vmVcpus, boolean dvhPerLevel, boolean widened) {
    }

    @Transactional(readOnly = true)
    public SearchSpace space(AdviceEntity a) {
        AdviceInput input = JSON.readValue(a.getInput(), AdviceInput.class);
        ConfigurationSpace.Space s = Search.request(input).space();
        return new SearchSpace(input.depth() == 1 ? List.of() : s.guestKernels().stream().map(dev.nestsim.model.hardware.KernelGeneration::apiName)
                .toList(), s.vmVcpus(), s.dvhPerLevel(), s.widened());
    }

    /** The stored result, or {@code null} until SUCCEEDED. */
    public AdviceResult result(AdviceEntity a) {
        return a.getResult() == null ? null : JSON.readValue(a.getResult(), AdviceResult.class);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** 409: an advice that is QUEUED or RUNNING cannot be deleted. */
    static final class StillRunningException extends ApiProblemException {
        StillRunningException(AdviceEntity a) {
            super(HttpStatus.CONFLICT, ProblemType.IN_USE, "advice " + a.getId() + " is " + a.getStatus() + ": cancel it first (POST /api/v1/advice/"
                    + a.getId() + "/cancel), or wait until it has finished", List.of());
        }
    }

    /** 409: a finished advice cannot be cancelled. */
    static final class AlreadyFinishedException extends ApiProblemException {
        AlreadyFinishedException(AdviceEntity a) {
            super(HttpStatus.CONFLICT, ProblemType.CONFLICT, "advice " + a.getId() + " is already " + a.getStatus()
                    + "; only QUEUED and RUNNING advice can be cancelled", List.of());
        }
    }
}
