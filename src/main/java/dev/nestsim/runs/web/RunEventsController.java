package dev.nestsim.runs.web;

import dev.nestsim.api.EventStreams;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.runs.RunEntity;
import dev.nestsim.runs.RunService;
import dev.nestsim.runs.RunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A run's progress as server-sent events. */
@RestController
@RequestMapping(path = "/api/v1/runs/{id}")
@Tag(name = "Runs")
class RunEventsController {

    private final RunService runs;
    private final EventStreams streams;

    RunEventsController(RunService runs, EventStreams streams) {
        this.runs = runs;
        this.streams = streams;
    }

    /** What each event carries. */
    @Schema(name = "RunEvent", description = "The run's status and progress")
    record EventBody(UUID id, RunStatus status, RunResponse.ProgressBody progress, int attempts) {

        static EventBody of(RunEntity run) {
            return new EventBody(run.getId(), run.getStatus(), RunResponse.ProgressBody.of(run), run.getAttempts());
        }
    }

    @GetMapping(path = "/events", produces = "text/event-stream")
    @Operation(operationId = "streamRunEvents", summary = "Watch a run as server-sent events", description = "A status event at once and at "
            + "each change of status, a progress event at once and at each change of progress (replications done, attempts), and an end "
            + "event when it is SUCCEEDED, FAILED or CANCELLED, after which the stream closes (at once for a finished run). Each event's data "
            + "is a JSON object {id, status, progress, attempts}. At most 64 streams are open at once (503 with Retry-After beyond), each for "
            + "at most 30 minutes.")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = RunsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "503", description = "Too many event streams are open; Retry-After says when to try again",
            content = @Content(mediaType = RunsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    SseEmitter events(@PathVariable UUID id) {
        String tenant = runs.get(id).getTenant();
        return streams.open(() -> {
            EventBody now = EventBody.of(runs.get(id, tenant));
            return new EventStreams.Frame(now.status().name(), now, now.status().isTerminal());
        });
    }
}
