package dev.nestsim.security;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whose request this is. Services ask it for the tenant of the request they serve; work that runs without a request
 * (JobRunr jobs, event streams' polls, an experiment feeding its cells) takes the tenant from the rows it works on and
 * passes it on explicitly, or, where it calls request-scoped services, runs {@link #actingFor} that tenant.
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

    /**
     * Runs {@code work} as an operator of {@code tenant}, for work without a request that goes through services which
     * ask for the current tenant (an advice's search creating its stage experiments, an event stream's polls): the
     * tenant comes from the rows the work is about, and the context is this thread's only while {@code work} runs (the
     * previous one, usually none, is restored after it).
     */
    public <T> T actingFor(String tenant, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Callers.authentication(new Caller(tenant, Role.OPERATOR, false, "background work of " + tenant)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            if (previous.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    /** {@link #actingFor(String, Supplier)} for work without a result. */
    public void actingFor(String tenant, Runnable work) {
        actingFor(tenant, () -> {
            work.run();
            return null;
        });
    }
}
