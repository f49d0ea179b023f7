package dev.nestsim.experiments;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.ProblemType;
import java.util.List;
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
}
