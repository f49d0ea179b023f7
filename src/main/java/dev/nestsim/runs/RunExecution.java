package dev.nestsim.runs;

import dev.nestsim.api.ProblemType;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.workload.CancelledException;
import dev.nestsim.model.workload.Metric;
import dev.nestsim.model.workload.WorkloadResult;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.workload.Workloads;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one run, safely however often and wherever it is asked to (JobRunr runs a job at least once, and
 * the local executor and the sweeps may ask too): it claims the run for a new attempt ({@link RunLedger#claim}),
 * or does nothing when the run is finished or a live execution owns it; runs the workload from the run's
 * snapshot with the run's seed; and commits the result, its metric rows and SUCCEEDED in one transaction that
 * only an owning execution can commit. Same snapshot, seed and parameters give the same result, so an attempt
 * after a crash reproduces what the lost one would have stored.
 */
@Component
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);
    /**
     * The most attempts a run gets. Each attempt after the first follows an executor that died or shut down mid-run; a
     * run that keeps taking its executor down (or cannot be stored) would otherwise be executed again forever.
     */
    static final int MAX_ATTEMPTS = 10;

    private final RunLedger ledger;
    private final LocalExecutions executions;
    private final Workloads workloads;
    private final TransactionTemplate transactions;
    private final EntityManager entities;
    private final Clock clock;
    private final Duration lease;
    private final String executor;
    private final RunMeters meters;

    RunExecution(RunLedger ledger, LocalExecutions executions, Workloads workloads, TransactionTemplate transactions,
                 EntityManager entities, Clock clock, RunsProperties properties, ExecutorName executor, RunMeters meters) {
        this.ledger = ledger;
        this.executions = executions;
        this.workloads = workloads;
        this.transactions = transactions;
        this.entities = entities;
        this.clock = clock;
        this.lease = properties.lease();
        this.executor = executor.value();
        this.meters = meters;
    }

    /** Executes the run if it needs an execution and this instance has a slot for it; otherwise returns at once. */
    void run(UUID runId, Via via) {
        if (!ledger.claimable(runId, clock.instant()) || !executions.acquireSlot()) {
            return;
        }
        try {
            Optional<Claim> claim = transactions.execute(tx -> ledger.claim(runId, executor, via, clock.instant(), clock.instant().plus(lease)));
            if (claim != null && claim.isPresent() && claim.get().attempt() > MAX_ATTEMPTS) {
                log.error("run {} was started {} times without finishing; it fails instead of starting again", runId, MAX_ATTEMPTS);
                transactions.execute(tx -> ledger.fail(claim.get(), ProblemType.RUN_ATTEMPTS_EXHAUSTED.uri().toString(), "the run was started "
                        + MAX_ATTEMPTS + " times and no execution finished it (each one's service instance stopped or failed meanwhile)",
                        clock.instant()));
            } else if (claim != null && claim.isPresent()) {
                log.debug("run {} attempt {} claimed by {} via {}", runId, claim.get().attempt(), executor, via);
                execute(claim.get());
            }
        } finally {
            executions.releaseSlot();
        }
    }

    private void execute(Claim claim) {
        Execution execution = executions.register(claim);
        try {
            if (claim.cancelRequested()) {
                transactions.execute(tx -> ledger.cancelled(claim, 0, clock.instant()));
                return;
            }
            WorkloadResult result = simulate(claim, execution);
            if (result != null && !execution.isLost() && !Boolean.TRUE.equals(transactions.execute(tx -> store(claim, result, tx)))) {
                log.info("run {} attempt {}: another execution took the run over; this result is dropped", claim.runId(), claim.attempt());
            }
        } catch (RuntimeException infrastructure) {
            log.error("run {} attempt {} stopped by an error of the service; the run goes back to the queue", claim.runId(), claim.attempt(),
                    infrastructure);
            releaseQuietly(claim);
            throw infrastructure;
        } finally {
            executions.unregister(claim);
        }
    }

    /** Runs the workload; the result, or {@code null} when the run ended otherwise (cancelled, failed, released, lost). */
    private WorkloadResult simulate(Claim claim, Execution execution) {
        WorkloadRunner runner;
        Path path;
        Map<String, Double> parameters;
        try {
            runner = workloads.runner(claim.workload()).orElseThrow(() -> new IllegalStateException("workload '" + claim.workload()
                    + "' is not in this instance's catalogue any more"));
            PathSnapshot snapshot = RunDocuments.snapshot(claim.snapshot());
            path = snapshot.toPath();
            if (snapshot.calibration() != null) {
                // the calibration as it was at submission: the standard workloads on its engine
                runner = Workloads.standard(new CascadeEngine(snapshot.calibration().toModel())).runner(claim.workload()).orElse(runner);
            }
            parameters = RunDocuments.parameters(claim.parameters());
        } catch (IllegalStateException | IllegalArgumentException unusable) {
            failed(claim, unusable);
            return null;
        }
        long started = System.nanoTime();
        RunMeters.Outcome outcome = RunMeters.Outcome.FAILED;
        try {
            WorkloadResult result = runner.run(path, parameters, claim.seed(), claim.replications(), execution);
            outcome = RunMeters.Outcome.COMPLETED;
            return result;
        } catch (CancelledException stopped) {
            outcome = stopped(claim, execution, stopped.replicationsDone());
            return null;
        } catch (RuntimeException modelError) {
            log.warn("run {} ({} on L{}) failed in the model", claim.runId(), claim.workload(), claim.level(), modelError);
            failed(claim, modelError);
            return null;
        } catch (OutOfMemoryError exhausted) {
            outOfMemory(claim, exhausted);
            return null;
        } finally {
            meters.executed(claim.workload(), outcome, Duration.ofNanos(System.nanoTime() - started), execution.eventsSimulated());
        }
    }

    private RunMeters.Outcome stopped(Claim claim, Execution execution, int done) {
        switch (execution.stop()) {
            case CANCELLED -> {
                transactions.execute(tx -> ledger.cancelled(claim, done, clock.instant()));
                return RunMeters.Outcome.CANCELLED;
            }
            case LOST -> {
                log.info("run {} attempt {}: another execution took the run over", claim.runId(), claim.attempt());
                return RunMeters.Outcome.LOST;
            }
            default -> {
                transactions.execute(tx -> ledger.release(claim, clock.instant()));
                log.info("run {} attempt {} put back in the queue after {} replications (shutdown)", claim.runId(), claim.attempt(), done);
                return RunMeters.Outcome.REQUEUED;
            }
        }
    }

    /**
     * The simulation needed more heap than this instance has: the run fails once, saying so, rather than going back to the
     * queue to exhaust the heap of the next executor. What it allocated is garbage once its frames are gone.
     */
    private void outOfMemory(Claim claim, OutOfMemoryError exhausted) {
        long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        log.error("run {} ({}, {} replications on L{}) ran out of memory ({}); it fails", claim.runId(), claim.workload(), claim.replications(),
                claim.level(), exhausted.getMessage());
        transactions.execute(tx -> ledger.fail(claim, ProblemType.RUN_OUT_OF_MEMORY.uri().toString(), "the simulation needed more memory than"
                + " the service's heap of " + heapMib + " MiB (" + exhausted.getMessage() + "): run fewer replications or a shorter workload,"
                + " or give the service more heap (-Xmx)", clock.instant()));
    }

    private void failed(Claim claim, RuntimeException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        transactions.execute(tx -> ledger.fail(claim, ProblemType.RUN_FAILED.uri().toString(), detail, clock.instant()));
    }

    /** SUCCEEDED, the result and its metric rows, together or not at all; false (rolled back) when this execution lost the run. */
    private boolean store(Claim claim, WorkloadResult result, org.springframework.transaction.TransactionStatus tx) {
        if (!ledger.succeed(claim, clock.instant())) {
            tx.setRollbackOnly();
            return false;
        }
        entities.persist(new RunResultEntity(claim.runId(), result, clock.instant()));
        List<Metric> metrics = result.metrics();
        for (int position = 0; position < metrics.size(); position++) {
            entities.persist(new RunMetricEntity(claim, position, metrics.get(position)));
        }
        return true;
    }

    private void releaseQuietly(Claim claim) {
        try {
            transactions.execute(tx -> ledger.release(claim, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("run {} could not be put back in the queue ({}); it is taken again when its lease expires", claim.runId(), e.getMessage());
        }
    }
}
