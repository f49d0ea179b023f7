package dev.nestsim.runs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nestsim.api.ProblemType;
import dev.nestsim.runs.PathSnapshot;
import dev.nestsim.runs.RunEntity;
import dev.nestsim.runs.RunStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run as stored: its status, progress and timestamps, and, when asked for one run, its configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Run", description = "A simulation run and where it is: QUEUED -> RUNNING -> SUCCEEDED, FAILED or CANCELLED")
public record RunResponse(
        @Schema(description = "Id", example = "3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") UUID id,
        @Schema(description = "QUEUED: waiting for an executor; RUNNING: executing; SUCCEEDED: its result is at links.result; "
                + "FAILED: see problem; CANCELLED: stopped on request. A RUNNING run whose executor dies is executed again from the "
                + "start, with the same seed") RunStatus status,
        @Schema(description = "The workload", example = "device-notify") String workload,
        TargetBody target,
        @Schema(description = "The level the workload runs at: the VM's, or 0 natively", example = "2") int level,
        @Schema(description = "Every parameter, defaults filled in") Map<String, Double> parameters,
        @Schema(description = "Replications it runs (1 for an analytic workload, a microbenchmark)", example = "10") int replications,
        @Schema(description = "The seed, as given or as chosen", example = "42") long seed,
        ProgressBody progress,
        @Schema(description = "Executions started so far: 1 normally, more when an executor died or was shut down mid-run", example = "1")
        int attempts,
        @Schema(description = "The service instance executing it, or that executed it last", example = "node-1/5c1f2a9d") String executor,
        @Schema(description = "A cancellation was asked for while it was RUNNING; it stops at the next replication", example = "false")
        boolean cancelRequested,
        @Schema(description = "When it was submitted") Instant createdAt,
        @Schema(description = "When an execution first started it") Instant startedAt,
        @Schema(description = "When it reached SUCCEEDED, FAILED or CANCELLED") Instant finishedAt,
        @Schema(description = "Why it FAILED") RunProblemBody problem,
        @Schema(description = "The path it runs on, frozen at submission (only in GET /api/v1/runs/{id})") PathSnapshot configuration,
        RunLinks links) {

    static RunResponse of(RunEntity run, boolean withConfiguration) {
        String self = "/api/v1/runs/" + run.getId();
        return new RunResponse(run.getId(), run.getStatus(), run.getWorkload(), TargetBody.of(run.getTarget()), run.getLevel(),
                run.getParameters(), run.getReplications(), run.getSeed(), ProgressBody.of(run), run.getAttempts(), run.getExecutor(),
                run.isCancelRequested(), run.getCreatedAt(), run.getStartedAt(), run.getFinishedAt(),
                run.getStatus() == RunStatus.FAILED ? new RunProblemBody(run.getProblemType(), ProblemType.RUN_FAILED.title(), run.getProblemDetail()) : null,
                withConfiguration ? run.getConfiguration() : null,
                new RunLinks(self, run.getStatus() == RunStatus.SUCCEEDED ? self + "/result" : null,
                        run.getStatus().isTerminal() ? null : self + "/cancel"));
    }

    /** Replications done of the total. */
    @Schema(name = "RunProgress", description = "Replications done of the total")
    public record ProgressBody(
            @Schema(description = "Replications done", example = "4") int done,
            @Schema(description = "Replications in all", example = "10") int total,
            @Schema(description = "done / total, in percent, one decimal", example = "40.0") double percent) {

        static ProgressBody of(RunEntity run) {
            int done = run.getReplicationsDone();
            return new ProgressBody(done, run.getReplications(), Math.round(1000.0 * done / run.getReplications()) / 10.0);
        }
    }

    /** Why a run FAILED, in the shape of a problem detail. */
    @Schema(name = "RunProblem", description = "Why the run FAILED (RFC 9457 fields)")
    public record RunProblemBody(
            @Schema(example = "https://nestsim.dev/problems/run-failed") String type,
            @Schema(example = "The run failed") String title,
            @Schema(description = "What the workload reported", example = "hypercall needs a hypervisor: it cannot run natively") String detail) {
    }

    /** Where to go next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RunLinks", description = "Related resources")
    public record RunLinks(
            @Schema(example = "/api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c") String self,
            @Schema(description = "Its result, once SUCCEEDED", example = "/api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c/result") String result,
            @Schema(description = "POST here to cancel it, while QUEUED or RUNNING", example = "/api/v1/runs/3f2a6c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c/cancel")
            String cancel) {
    }
}
