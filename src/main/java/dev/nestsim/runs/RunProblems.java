package dev.nestsim.runs;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The problems only runs raise. */
public final class RunProblems {

    private RunProblems() {
    }

    /** 429: {@code nestsim.runs.max-queued} runs are waiting already; {@code Retry-After} says when to try again. */
    public static final class QueueFullException extends ApiProblemException {
        private final Duration retryAfter;

        QueueFullException(long queued, int max, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, ProblemType.QUEUE_FULL, queued + " runs are queued, the most this service accepts is " + max
                    + ": retry after " + retryAfter.toSeconds() + " s, when some have started", List.of());
            this.retryAfter = retryAfter;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
    }

    /** 409: the run has no result, because it is not SUCCEEDED (yet, or at all). */
    public static final class NotSucceededException extends ApiProblemException {
        NotSucceededException(RunEntity run) {
            super(HttpStatus.CONFLICT, ProblemType.RUN_NOT_SUCCEEDED, "run " + run.getId() + " is " + run.getStatus() + ": "
                    + (run.getStatus().isTerminal() ? "it has no result" : "its result is there once it is SUCCEEDED; watch GET /api/v1/runs/" + run.getId()),
                    List.of());
        }
    }

    /** 409: a finished run cannot be cancelled. */
    public static final class AlreadyFinishedException extends ApiProblemException {
        AlreadyFinishedException(RunEntity run) {
            super(HttpStatus.CONFLICT, ProblemType.CONFLICT, "run " + run.getId() + " is already " + run.getStatus() + "; only QUEUED and RUNNING runs can be cancelled",
                    List.of());
        }
    }
}
