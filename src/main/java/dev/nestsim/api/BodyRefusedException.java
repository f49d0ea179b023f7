package dev.nestsim.api;

import java.io.IOException;

/**
 * A request body refused while it arrives ({@link RequestBodyLimits}): too large (413), too slow (408), or one upload too
 * many (503). An {@link IOException}, so that it leaves whatever reads the body (Jackson, a filter) like the I/O error it is,
 * and becomes its problem wherever it surfaces.
 */
final class BodyRefusedException extends IOException {

    private final int status;
    private final ProblemType type;
    private final long retryAfterSeconds;

    BodyRefusedException(int status, ProblemType type, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    ProblemType type() {
        return type;
    }

    /** Seconds for {@code Retry-After}, or 0 for none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The refusal in {@code failure} or its causes, or {@code null}. */
    static BodyRefusedException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
