package dev.nestsim.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The one place where an authenticated principal becomes a {@link Caller} (tenant and role). Today the principal is an
 * API key's caller; an OAuth2 resource server would add its JWT here (tenant and role from claims) and every rule,
 * in {@link SecurityConfiguration} and in the features, stays as it is.
 */
public final class Callers {

    private Callers() {
    }

    /** The caller behind an authentication, or empty when it is none of ours (anonymous, absent). */
    public static Optional<Caller> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** An authentication carrying the caller, with its role's authority. */
    static Authentication authentication(Caller caller) {
        return new CallerAuthentication(caller);
    }

    private static final class CallerAuthentication extends AbstractAuthenticationToken {
        private final Caller caller;

        CallerAuthentication(Caller caller) {
            super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }
    }
}
