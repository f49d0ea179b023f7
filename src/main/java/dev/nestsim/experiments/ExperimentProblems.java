package dev.nestsim.experiments;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.ProblemType;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems only experiments raise. */
public final class ExperimentProblems {

    private ExperimentProblems() {
    }

    /** 409: a finished experiment cannot be cancelled. */
    public static final class AlreadyFinishedException extends ApiProblemException {
        AlreadyFinishedException(ExperimentEntity experiment) {
            super(HttpStatus.CONFLICT, ProblemType.CONFLICT, "experiment " + experiment.getId() + " is already " + experiment.getStatus()
                    + "; only QUEUED and RUNNING experiments can be cancelled", List.of());
        }
    }

    /** 409: an experiment that is QUEUED or RUNNING, or whose runs are still stopping, cannot be deleted. */
    public static final class StillRunningException extends ApiProblemException {
        StillRunningException(String detail) {
            super(HttpStatus.CONFLICT, ProblemType.IN_USE, detail, List.of());
        }
    }

    /** 404: the experiment has no chart of this name; the detail and the error list the names it has. */
    public static final class UnknownChartException extends ApiProblemException {
        public UnknownChartException(UUID experimentId, String chart, List<String> charts) {
            super(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, detail(experimentId, chart, charts),
                    List.of(new FieldProblem("chart", null, "known-chart", "chart must be one of " + charts + ", was " + Echo.quoted(chart))));
        }

        private static String detail(UUID experimentId, String chart, List<String> charts) {
            return "experiment " + experimentId + " has no chart " + Echo.quoted(chart) + "; its charts are " + charts;
        }
    }
}
