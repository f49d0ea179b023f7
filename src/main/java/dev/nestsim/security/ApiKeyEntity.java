package dev.nestsim.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An issued API key, as stored: never its secret, only the secret's SHA-256 and its first characters. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    private UUID id;
    private String name;
    private String tenant;
    private String role;
    private String secretHash;
    private String prefix;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant revokedAt;

    protected ApiKeyEntity() {
    }

    ApiKeyEntity(UUID id, String name, String tenant, Role role, String secretHash, String prefix, Instant now) {
        this.id = id;
        this.name = name;
        this.tenant = tenant;
        this.role = role.apiName();
        this.secretHash = secretHash;
        this.prefix = prefix;
        this.createdAt = now;
    }

    /** Revoked from {@code now} on; revoking it again changes nothing. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** The caller this key authenticates. */
    Caller caller() {
        return new Caller(tenant, getRole(), false, name);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTenant() {
        return tenant;
    }

    public Role getRole() {
        return Role.byApiName(role).orElseThrow(() -> new IllegalStateException("api key " + id + " has an unknown role " + role));
    }

    String getSecretHash() {
        return secretHash;
    }

    /** The secret's first characters, to tell keys apart. */
    public String getPrefix() {
        return prefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When it was revoked, or {@code null} while it is valid. */
    public Instant getRevokedAt() {
        return revokedAt;
    }
}
