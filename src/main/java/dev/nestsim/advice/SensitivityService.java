package dev.nestsim.advice;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.ProblemType;
import dev.nestsim.api.Problems.NotFoundException;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.security.Tenancy;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Sensitivity analyses: create (checked whole, stored QUEUED, its JobRunr job enqueued after the commit), read, list, cancel, delete. */
@Service
@Transactional
public class SensitivityService {

    private static final Logger log = LoggerFactory.getLogger(SensitivityService.class);
    private static final Sort CREATION_ORDER = Sort.by("createdAt", "id");

    private final SensitivityRepository analyses;
    private final SensitivityCheck check;
    private final EntityManager entities;
    private final JobScheduler jobs;
    private final Clock clock;
    private final Tenancy tenancy;
    private final SecureRandom seeds = new SecureRandom();
    private final boolean compute;

    SensitivityService(SensitivityRepository analyses, SensitivityCheck check, EntityManager entities, JobScheduler jobs, Clock clock,
                       Tenancy tenancy, @org.springframework.beans.factory.annotation.Value("${nestsim.sensitivity.compute:true}") boolean compute) {
        this.compute = compute;
        this.analyses = analyses;
        this.check = check;
        this.entities = entities;
        this.jobs = jobs;
        this.clock = clock;
        this.tenancy = tenancy;
    }

    /** Checks the request (every problem at once), stores it QUEUED and, once committed, enqueues its job. */
    public SensitivityEntity create(SensitivitySpec spec) {
        long seed = spec.seed() != null ? spec.seed() : seeds.nextLong() >>> 11;
        SensitivityInput input = check.input(spec, seed);
        SensitivityEntity s = new SensitivityEntity(UUID.randomUUID(), input.workload(), AdviceService.JSON.writeValueAsString(input), seed, now());
        s.ownedBy(tenancy.current());
        entities.persist(s);
        entities.flush();
        UUID id = s.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                enqueue(id, 0);
            }
        });
        return s;
    }

    /** Enqueues the analysis' job (JobRunr ignores a job id it has already); a failure is left to the sweep. */
    void enqueue(UUID id, int sweep) {
        if (!compute) {
            log.debug("sensitivity {}: nestsim.sensitivity.compute=false, left QUEUED for an instance that computes", id);
            return;
        }
        try {
            jobs.<SensitivityJob>enqueue(SensitivityJob.jobIdOf(id, sweep), job -> job.execute(id));
        } catch (RuntimeException e) {
            log.warn("sensitivity {}: JobRunr job not enqueued ({}); the sweep enqueues it again", id, e.getMessage());
        }
    }

    /** The current tenant's analysis; another tenant's is a 404, as a missing one. */
    @Transactional(readOnly = true)
    public SensitivityEntity get(UUID id) {
        String tenant = tenancy.current();
        return analyses.findById(id).filter(s -> s.getTenant().equals(tenant)).orElseThrow(() -> new NotFoundException("sensitivity analysis", id));
    }

    @Transactional(readOnly = true)
    public Page<SensitivityEntity> list(List<ExperimentStatus> statuses, String workload, int page, int size) {
        String tenant = tenancy.current();
        Specification<SensitivityEntity> where = (root, query, cb) -> cb.equal(root.get("tenant"), tenant);
        where = where.and((root, query, cb) -> statuses == null || statuses.isEmpty() ? cb.conjunction() : root.get("status").in(statuses));
        where = where.and((root, query, cb) -> workload == null ? cb.conjunction() : cb.equal(root.get("workload"), workload));
        return analyses.findAll(where, PageRequest.of(page, size, CREATION_ORDER));
    }

    /** QUEUED or RUNNING -> CANCELLED (its job stops at the next replication); CANCELLED again changes nothing; finished is a 409. */
    public SensitivityEntity cancel(UUID id) {
        SensitivityEntity s = get(id);
        if (s.getStatus() == ExperimentStatus.SUCCEEDED || s.getStatus() == ExperimentStatus.FAILED) {
            throw new ConflictException("sensitivity analysis " + id + " is already " + s.getStatus()
                    + "; only QUEUED and RUNNING analyses can be cancelled");
        }
        if (s.getStatus() != ExperimentStatus.CANCELLED) {
            s.moveTo(ExperimentStatus.CANCELLED, now());
            entities.flush();
        }
        return s;
    }

    /** Deletes a finished analysis with its points; a QUEUED or RUNNING one is a 409 (cancel it first). */
    public void delete(UUID id) {
        SensitivityEntity s = get(id);
        if (!s.getStatus().isTerminal()) {
            throw new ConflictException("sensitivity analysis " + id + " is " + s.getStatus() + "; cancel it first (POST /api/v1/sensitivity/" + id
                    + "/cancel), then delete it");
        }
        entities.remove(s);
        entities.flush();
    }

    /** The stored result, or {@code null} until SUCCEEDED. */
    public SensitivityResult result(SensitivityEntity s) {
        return s.getResult() == null ? null : AdviceService.JSON.readValue(s.getResult(), SensitivityResult.class);
    }

    /** The stored input. */
    public SensitivityInput input(SensitivityEntity s) {
        return AdviceService.JSON.readValue(s.getInput(), SensitivityInput.class);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** 409: the analysis' status does not allow it. */
    static final class ConflictException extends ApiProblemException {
        ConflictException(String detail) {
            super(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail, List.of());
        }
    }
}
