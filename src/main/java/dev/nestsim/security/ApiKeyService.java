package dev.nestsim.security;

import dev.nestsim.api.DatabaseOutage;
import dev.nestsim.api.Problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: issue (the secret returned once), list, read, revoke, and authenticate a presented secret. An admin manages
 * its own tenant's keys; a platform caller ({@link Caller#platform}) every tenant's. Another tenant's key is a 404.
 */
@Service
@Transactional
public class ApiKeyService {

    private static final Sort CREATION_ORDER = Sort.by("createdAt", "id");

    private final ApiKeyRepository keys;
    private final SecurityMode mode;
    private final SecurityProperties properties;
    private final Clock clock;
    private final RecentKeys recent;

    ApiKeyService(ApiKeyRepository keys, SecurityMode mode, SecurityProperties properties, Clock clock) {
        this.recent = new RecentKeys(properties.outageGrace());
        this.keys = keys;
        this.mode = mode;
        this.properties = properties;
        this.clock = clock;
    }

    /** A key just issued, with its secret: the only time the secret is known. */
    public record Issued(ApiKeyEntity key, String secret) {
    }

    /** Issues a key for {@code tenant} with {@code role}: 403 when {@code by} may not manage that tenant's keys. */
    public Issued issue(String name, String tenant, Role role, Caller by) {
        if (!by.managesKeysOf(tenant)) {
            throw new SecurityProblems.ForbiddenException("an admin of tenant '" + by.tenant() + "' issues keys for its own tenant only, not for '"
                    + tenant + "'");
        }
        String secret = Secrets.newSecret();
        ApiKeyEntity key = keys.saveAndFlush(new ApiKeyEntity(UUID.randomUUID(), name, tenant, role, Secrets.hash(secret),
                Secrets.visiblePrefix(secret), now()));
        mode.keyIssued();
        return new Issued(key, secret);
    }

    @Transactional(readOnly = true)
    public ApiKeyEntity get(UUID id, Caller by) {
        return keys.findById(id).filter(k -> by.managesKeysOf(k.getTenant())).orElseThrow(() -> new NotFoundException("API key", id));
    }

    /** Keys in creation order: every tenant's for a platform caller, else the caller's tenant's. */
    @Transactional(readOnly = true)
    public Page<ApiKeyEntity> list(Caller by, int page, int size) {
        PageRequest request = PageRequest.of(page, size, CREATION_ORDER);
        return by.platform() ? keys.findAll(request) : keys.findByTenant(by.tenant(), request);
    }

    /** Revokes a key: refused from now on. Revoking a revoked key changes nothing. */
    public ApiKeyEntity revoke(UUID id, Caller by) {
        ApiKeyEntity key = get(id, by);
        key.revoke(now());
        ApiKeyEntity revoked = keys.saveAndFlush(key);
        recent.forget(key.getSecretHash());
        return revoked;
    }

    /**
     * The caller a presented secret authenticates: the configured admin key, or a stored key not revoked. While the
     * database is out of reach, a key this instance accepted within {@code nestsim.security.outage-grace} (else the
     * outage is thrown on).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Caller> authenticate(String secret) {
        if (properties.hasAdminKey() && Secrets.sameSecret(secret, properties.adminKey().strip())) {
            return Optional.of(Caller.ADMIN_KEY);
        }
        if (!secret.startsWith(Secrets.PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(secret);
        try {
            Optional<Caller> caller = keys.findBySecretHashAndRevokedAtIsNull(hash).map(ApiKeyEntity::caller);
            recent.checked(hash, caller, clock.instant());
            return caller;
        } catch (RuntimeException e) {
            Optional<Caller> known = DatabaseOutage.causes(e) ? recent.during(hash, clock.instant()) : Optional.empty();
            if (known.isEmpty()) {
                throw e;
            }
            return known;
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
