package dev.nestsim.security;

import java.util.Objects;

/**
 * Who is calling, as the rules see it: the tenant whose resources the call sees and creates, and the role that says
 * what it may do. {@code platform} callers (the bootstrap admin key, an open service) manage the keys of every tenant;
 * any other admin only its own tenant's.
 *
 * @param tenant   the tenant, {@value Tenancy#DEFAULT_TENANT} for an open service
 * @param role     what it may do
 * @param platform whether it manages the keys of every tenant
 * @param name     how the logs name it: the API key's name, {@code admin-key}, {@code open}
 */
public record Caller(String tenant, Role role, boolean platform, String name) {

    /** Every request to an open service: the default tenant, with admin rights. */
    public static final Caller OPEN = new Caller(Tenancy.DEFAULT_TENANT, Role.ADMIN, true, "open");

    /** The key configured at start ({@code NESTSIM_ADMIN_KEY}): the default tenant's admin, for every tenant's keys. */
    public static final Caller ADMIN_KEY = new Caller(Tenancy.DEFAULT_TENANT, Role.ADMIN, true, "admin-key");

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }

    /** Whether this caller may manage the keys of {@code other}. */
    public boolean managesKeysOf(String other) {
        return platform || tenant.equals(other);
    }
}
