package dev.nestsim.experiments.web;

import dev.nestsim.api.EventStreams;
import dev.nestsim.api.ProblemResponse;
import dev.nestsim.experiments.ExperimentService;
import dev.nestsim.experiments.ExperimentStatus;
import dev.nestsim.experiments.ExperimentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An experiment's progress as server-sent events. */
@RestController
@RequestMapping(path = "/api/v1/experiments/{id}")
@Tag(name = "Experiments")
class ExperimentEventsController {

    private final ExperimentService experiments;
    private final EventStreams streams;

    ExperimentEventsController(ExperimentService experiments, EventStreams streams) {
        this.experiments = experiments;
        this.streams = streams;
    }

    /** What each event carries. */
    @Schema(name = "ExperimentEvent", description = "The experiment's status and progress")
    record EventBody(UUID id, ExperimentStatus status, ExperimentResponse.ProgressBody progress) {

        static EventBody of(ExperimentView view) {
            ExperimentResponse r = ExperimentResponse.of(view, false);
            return new EventBody(r.id(), r.status(), r.progress());
        }
    }

    @GetMapping(path = "/events", produces = "text/event-stream")
    @Operation(operationId = "streamExperimentEvents", summary = "Watch an experiment as server-sent events", description = "A status event "
            + "at once and at each change of status, a progress event at once and at each change of progress (cells and replications done), "
            + "and an end event when it is SUCCEEDED, FAILED or CANCELLED, after which the stream closes (at once for a finished experiment). "
            + "Each event's data is a JSON object {id, status, progress}. The service polls its database, so it shows work done on any "
            + "instance; at most 64 streams are open at once (503 with Retry-After beyond), each for at most 30 minutes.")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string"), examples = @ExampleObject("""
                    event:status
                    data:{"id":"5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70","status":"RUNNING","progress":{"cellsDone":1,"cellsTotal":4,"replicationsDone":13,"replicationsTotal":40,"percent":32.5}}

                    event:progress
                    data:{"id":"5d0c3a2e-8f1b-4c7d-9e6a-2b3c4d5e6f70","status":"RUNNING","progress":{"cellsDone":1,"cellsTotal":4,"replicationsDone":13,"replicationsTotal":40,"percent":32.5}}
                    """)))
    @ApiResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    @ApiResponse(responseCode = "503", description = "Too many event streams are open; Retry-After says when to try again",
            content = @Content(mediaType = ExperimentsApiDocs.PROBLEM, schema = @Schema(implementation = ProblemResponse.class)))
    SseEmitter events(@PathVariable UUID id) {
        String tenant = experiments.get(id).experiment().getTenant();
        return streams.open(() -> {
            EventBody now = EventBody.of(experiments.get(id, tenant));
            return new EventStreams.Frame(now.status().name(), now, now.status().isTerminal());
        });
    }
}
