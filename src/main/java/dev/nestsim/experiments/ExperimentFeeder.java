package dev.nestsim.experiments;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.runs.RunEntity;
import dev.nestsim.runs.RunService;
import dev.nestsim.runs.RunSpec;
import dev.nestsim.runs.RunStatus;
import dev.nestsim.runs.RunsProperties;
import dev.nestsim.runs.TargetKind;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves one experiment on, safely however often and on however many instances it is asked to: each step is a
 * transaction under the lock of the experiment's row.
 * <ol>
 *   <li>{@link #evaluate}: a cell whose run FAILED (or was cancelled by someone else) makes the experiment FAILED,
 *       naming the cell; every cell SUCCEEDED makes it SUCCEEDED; a run of it that started makes it RUNNING; and it
 *       says which cells to submit next, at most {@code nestsim.experiments.max-in-flight} runs of it QUEUED or
 *       RUNNING at once.</li>
 *   <li>{@link #submitCell}: one cell, its run inserted and the cell's {@code run_id} set in the same transaction, or
 *       neither: after a crash the cell is either submitted once or not at all, and then submitted by the next step.
 *       When experiments' share of the run queue ({@code nestsim.experiments.queue-share} of {@code nestsim.runs.max-queued})
 *       is full the cell waits for the next step, so runs submitted directly always find room too.</li>
 * </ol>
 */
@Component
class ExperimentFeeder {

    private static final Logger log = LoggerFactory.getLogger(ExperimentFeeder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Double>> PARAMETERS = new TypeReference<>() {
    };

    private final ExperimentLedger ledger;
    private final RunService runs;
    private final TransactionTemplate transactions;
    private final ExperimentsProperties properties;
    private final RunsProperties runLimits;
    private final ExperimentSupervisor supervisor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExperimentFeeder(ExperimentLedger ledger, RunService runs, TransactionTemplate transactions, ExperimentsProperties properties,
                     RunsProperties runLimits, @Lazy ExperimentSupervisor supervisor, Clock clock,
                     ApplicationEventPublisher events) {
        this.runLimits = runLimits;
        this.ledger = ledger;
        this.runs = runs;
        this.transactions = transactions;
        this.properties = properties;
        this.supervisor = supervisor;
        this.clock = clock;
        this.events = events;
    }

    /** What {@link #evaluate} decided: cells to submit, runs to cancel. */
    record Step(List<Integer> toSubmit, List<UUID> toCancel) {
        static final Step NOTHING = new Step(List.of(), List.of());
    }

    /** One step of the experiment: its status moved, then its next cells submitted while the queue has room. */
    void advance(UUID id) {
        Step step = transactions.execute(tx -> evaluate(id));
        cancelRuns(step.toCancel());
        for (int position : step.toSubmit()) {
            try {
                if (!Boolean.TRUE.equals(transactions.execute(tx -> submitCell(id, position)))) {
                    return;
                }
            } catch (ApiProblemException refused) {
                List<UUID> active = transactions.execute(tx -> failCell(id, position, "could not be submitted: " + refused.getMessage()));
                cancelRuns(active);
                return;
            }
        }
    }

    /** Asks the supervisor to advance the experiment soon (after its creation commits). */
    void poke(UUID id) {
        supervisor.soon(id);
    }

    /** Asks the supervisor to cancel the runs soon, each in a transaction of its own. */
    void cancelLater(List<UUID> runIds) {
        supervisor.cancelSoon(runIds);
    }

    Step evaluate(UUID id) {
        Optional<ExperimentStatus> status = ledger.lock(id);
        if (status.isEmpty() || status.get().isTerminal()) {
            return Step.NOTHING;
        }
        List<ExperimentCell> cells = ledger.cells(id);
        for (ExperimentCell cell : cells) {
            if (cell.runStatus() == RunStatus.FAILED || cell.runStatus() == RunStatus.CANCELLED) {
                String why = cell.runStatus() == RunStatus.FAILED ? "FAILED: " + cell.runProblem() : "was cancelled (not through the experiment)";
                return new Step(List.of(), failCell(id, cell.position(), "run " + cell.runId() + " " + why));
            }
        }
        if (cells.stream().allMatch(c -> c.runStatus() == RunStatus.SUCCEEDED)) {
            if (ledger.succeed(id, now())) {
                events.publishEvent(new ExperimentSucceeded(id));
            }
            return Step.NOTHING;
        }
        if (status.get() == ExperimentStatus.QUEUED && cells.stream().anyMatch(c -> c.runStatus() != null && c.runStatus() != RunStatus.QUEUED)) {
            ledger.start(id, now());
        }
        long inFlight = cells.stream().filter(ExperimentCell::active).count();
        int room = (int) Math.max(0, properties.maxInFlight() - inFlight);
        return new Step(cells.stream().filter(c -> !c.submitted()).limit(room).map(ExperimentCell::position).toList(), List.of());
    }

    /** Submits one cell; false when the queue is full or the experiment is no longer active (stop for now). */
    Boolean submitCell(UUID id, int position) {
        Optional<ExperimentStatus> status = ledger.lock(id);
        if (status.isEmpty() || status.get().isTerminal()) {
            return false;
        }
        ExperimentCell cell = ledger.cells(id).get(position);
        if (cell.submitted()) {
            return true;
        }
        ExperimentConfiguration configuration = ledger.configurations(id).get(cell.configuration());
        Map<String, Double> parameters = JSON.readValue(cell.parameters(), PARAMETERS);
        boolean vm = configuration.target().kind() == TargetKind.VM;
        RunSpec spec = new RunSpec(vm ? configuration.target().id() : null, vm ? null : configuration.target().id(), cell.workload(),
                parameters, ledger.replications(id), ledger.seed(id));
        Optional<RunEntity> run = runs.submitIfRoom(spec, properties.queueLimit(runLimits.maxQueued()), ledger.tenant(id));
        if (run.isEmpty()) {
            return false;
        }
        if (!ledger.submitted(id, position, run.get().getId())) {
            throw new IllegalStateException("cell " + position + " of experiment " + id + " was submitted twice under its lock");
        }
        return true;
    }

    /** FAILED naming the cell; the runs of it still QUEUED or RUNNING, to cancel once this commits. */
    private List<UUID> failCell(UUID id, int position, String why) {
        Optional<ExperimentStatus> status = ledger.lock(id);
        if (status.isEmpty() || status.get().isTerminal()) {
            return List.of();
        }
        List<ExperimentCell> cells = ledger.cells(id);
        ExperimentCell cell = cells.get(position);
        String name = ledger.configurations(id).get(cell.configuration()).name();
        ledger.fail(id, position, "cell " + position + " (" + name + " x " + cell.workload() + ") " + why, now());
        log.info("experiment {} FAILED at cell {} ({} x {}): {}", id, position, name, cell.workload(), why);
        return cells.stream().filter(ExperimentCell::active).map(ExperimentCell::runId).toList();
    }

    /** Cancels each run in a transaction of its own; a run that finished meanwhile is left as it is. */
    void cancelRuns(List<UUID> ids) {
        for (UUID run : ids) {
            try {
                runs.cancelOwned(run);
            } catch (RuntimeException finished) {
                log.debug("run {} not cancelled: {}", run, finished.getMessage());
            }
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
