/**
 * API keys, tenants and roles (Spring Security). A request's credentials become a {@link dev.nestsim.security.Caller}
 * (tenant and role) in one place, {@link dev.nestsim.security.Callers}; the features ask {@link dev.nestsim.security.Tenancy}
 * whose request it is, and background work takes the tenant from the rows it works on. Whether credentials are needed at
 * all is {@link dev.nestsim.security.SecurityMode}'s rule.
 */
package dev.nestsim.security;
