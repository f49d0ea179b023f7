package dev.nestsim.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whose request this is. Services ask it for the tenant of the request they serve; work that runs without a request
 * (JobRunr jobs, event streams' polls, an experiment feeding its cells) never does: it takes the tenant from the rows it
 * works on and passes it on explicitly.
 */
@Component
public class Tenancy {

    /** The tenant of what existed before tenants, and of every request to an open service. */
    public static final String DEFAULT_TENANT = "default";

    private final SecurityMode mode;

    Tenancy(SecurityMode mode) {
        this.mode = mode;
    }

    /** The caller of the current request; an open service's {@link Caller#OPEN} outside one. */
    public Caller caller() {
        return Callers.of(SecurityContextHolder.getContext().getAuthentication()).orElseGet(() -> {
            if (mode.enforced()) {
                throw new IllegalStateException("no authenticated caller on this thread while API keys are required: "
                        + "work without a request must pass the tenant of the rows it works on");
            }
            return Caller.OPEN;
        });
    }

    /** The tenant of the current request. */
    public String current() {
        return caller().tenant();
    }
}
