package dev.nestsim.experiments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.api.ProblemType;
import dev.nestsim.experiments.ExperimentCell;
import dev.nestsim.experiments.ExperimentConfiguration;
import dev.nestsim.experiments.ExperimentEntity;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.experiments.ExperimentView;
import dev.nestsim.runs.RunStatus;
import dev.nestsim.runs.Target;
import dev.nestsim.runs.TargetKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An experiment as stored: its definition, status and progress; with its cells when asked for one experiment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Experiment", description = "An experiment and where it is: QUEUED -> RUNNING -> SUCCEEDED, FAILED or CANCELLED")
public record ExperimentResponse(
        @Schema(description = "Id", example = "5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70") UUID id,
        @Schema(description = "Its name", example = "timer sweep") String name,
        @Schema(description = "The preset it was made from, if any", example = "asplos20") String preset,
        @Schema(description = "QUEUED: no run of it has started; RUNNING: its cells are being run; SUCCEEDED: every cell's run SUCCEEDED, "
                + "see links.results; FAILED: a cell failed, see problem; CANCELLED: stopped on request") ExperimentStatus status,
        @Schema(description = "The seed of every cell's run", example = "42") long seed,
        @Schema(description = "Replications of every cell", example = "10") int replications,
        @Schema(description = "The configurations, in order") List<ConfigurationBody> configurations,
        @Schema(description = "The workloads, in order") List<WorkloadBody> workloads,
        ProgressBody progress,
        @Schema(description = "Why it FAILED") ProblemBody problem,
        @Schema(description = "Every cell with its run (only in GET /api/v1/experiments/{id})") List<CellBody> cells,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "When a run of it first started") Instant startedAt,
        @Schema(description = "When it reached SUCCEEDED, FAILED or CANCELLED") Instant finishedAt,
        LinksBody links) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, Double>> PARAMETERS = new TypeReference<>() {
    };

    static ExperimentResponse of(ExperimentView view, boolean withCells) {
        ExperimentEntity e = view.experiment();
        String self = "/api/v1/experiments/" + e.getId();
        List<ConfigurationBody> configurations = view.configurations().stream().map(ConfigurationBody::of).toList();
        TreeMap<Integer, WorkloadBody> byPosition = new TreeMap<>();
        for (ExperimentCell cell : view.cells()) {
            byPosition.computeIfAbsent(cell.workloadPosition(), j -> new WorkloadBody(cell.workload(), JSON.readValue(cell.parameters(), PARAMETERS)));
        }
        List<WorkloadBody> workloads = new ArrayList<>(byPosition.values());
        ExperimentCell failed = view.failedCell();
        ProblemBody problem = e.getStatus() != ExperimentStatus.FAILED ? null : new ProblemBody(ProblemType.EXPERIMENT_FAILED.uri().toString(),
                ProblemType.EXPERIMENT_FAILED.title(), e.getProblemDetail(), failed == null ? null : CellBody.of(failed, view));
        long total = view.replicationsTotal();
        return new ExperimentResponse(e.getId(), e.getName(), e.getPreset(), e.getStatus(), e.getSeed(), e.getReplications(), configurations,
                workloads, new ProgressBody(view.cellsDone(), view.cells().size(), view.replicationsDone(), total,
                Math.round(1000.0 * view.replicationsDone() / total) / 10.0), problem,
                withCells ? view.cells().stream().map(c -> CellBody.of(c, view)).toList() : null,
                e.getCreatedAt(), e.getStartedAt(), e.getFinishedAt(),
                new LinksBody(self, e.getStatus() == ExperimentStatus.SUCCEEDED ? self + "/results" : null,
                        e.getStatus().isTerminal() ? null : self + "/cancel"));
    }

    /** A configuration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentConfiguration", description = "A configuration compared: a VM or a host (natively)")
    public record ConfigurationBody(
            @Schema(example = "L2 DVH") String name,
            @Schema(description = "The VM it runs in", example = "9a7d3c2b-1e4f-4a6b-8c9d-0e1f2a3b4c5d") UUID vmId,
            @Schema(description = "The host it runs on natively", example = "0b5f6d1e-3c4a-4f7e-9a51-2f0c8e9d7b11") UUID hostId,
            @Schema(description = "Whether the experiment provisioned it (then deleting the experiment deletes it)", example = "false")
            boolean provisioned) {

        static ConfigurationBody of(ExperimentConfiguration c) {
            Target t = c.target();
            return new ConfigurationBody(c.name(), t.kind() == TargetKind.VM ? t.id() : null, t.kind() == TargetKind.HOST ? t.id() : null, c.provisioned());
        }
    }

    /** A workload. */
    @Schema(name = "ExperimentWorkloadDefinition", description = "A workload of the experiment, with the parameters given for it")
    public record WorkloadBody(@Schema(example = "memcached") String workload,
                               @Schema(description = "The parameters as given (the runs fill in the defaults)") Map<String, Double> parameters) {
    }

    /** A cell. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentCell", description = "A (configuration, workload) cell and its run")
    public record CellBody(
            @Schema(description = "Its place in submission order, from 0", example = "3") int position,
            @Schema(example = "L2 DVH") String configuration,
            @Schema(example = "memcached") String workload,
            @Schema(description = "Its run, once submitted", example = "3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") UUID runId,
            @Schema(description = "Its run's status; absent while the cell waits for room in the run queue") RunStatus status) {

        static CellBody of(ExperimentCell c, ExperimentView view) {
            return new CellBody(c.position(), view.configuration(c.configuration()).name(), c.workload(), c.runId(), c.runStatus());
        }
    }

    /** Progress in cells and replications. */
    @Schema(name = "ExperimentProgress", description = "Cells SUCCEEDED and replications done, of the total")
    public record ProgressBody(
            @Schema(example = "12") int cellsDone,
            @Schema(example = "96") int cellsTotal,
            @Schema(example = "127") long replicationsDone,
            @Schema(example = "960") long replicationsTotal,
            @Schema(description = "replicationsDone / replicationsTotal, in percent, one decimal", example = "13.2") double percent) {
    }

    /** Why it FAILED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentProblem", description = "Why the experiment FAILED (RFC 9457 fields) and the cell that did")
    public record ProblemBody(
            @Schema(example = "https://nestsim.dev/problems/experiment-failed") String type,
            @Schema(example = "A cell of the experiment failed") String title,
            @Schema(example = "cell 3 (L2 DVH x memcached) run 3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c FAILED: ...") String detail,
            CellBody cell) {
    }

    /** Where to go next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentLinks", description = "Related resources")
    public record LinksBody(
            @Schema(example = "/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70") String self,
            @Schema(description = "Its results, once SUCCEEDED", example = "/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70/results")
            String results,
            @Schema(description = "POST here to cancel it, while QUEUED or RUNNING",
                    example = "/api/v1/experiments/5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70/cancel") String cancel) {
    }
}
