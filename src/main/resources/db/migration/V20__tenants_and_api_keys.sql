-- Tenants and API keys (dev.nestsim.security). Every host, guest hypervisor, VM, run (and its metric rows) and
-- experiment belongs to the tenant of whoever created it; what existed before is the tenant 'default', the tenant an
-- open service (no keys) acts as. Portable SQL, the same for H2 and PostgreSQL; the closed vocabulary of roles is a
-- foreign key to a lookup table, never CHECK (... IN (...)): see V4__run_vocabularies.sql for why.

ALTER TABLE hosts ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE hypervisors ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE vms ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE runs ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE run_metrics ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE experiments ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;

-- the lists read one tenant's rows in creation order
CREATE INDEX hosts_tenant ON hosts (tenant, created_at, id);
CREATE INDEX hypervisors_tenant ON hypervisors (tenant, created_at, id);
CREATE INDEX vms_tenant ON vms (tenant, created_at, id);
CREATE INDEX runs_tenant ON runs (tenant, created_at, id);
CREATE INDEX run_metrics_tenant ON run_metrics (tenant, run_created_at, run_id, position);
CREATE INDEX experiments_tenant ON experiments (tenant, created_at, id);

CREATE TABLE api_key_roles (
    role VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO api_key_roles (role) VALUES ('viewer'), ('operator'), ('admin');

-- An API key: only the SHA-256 of its secret is stored (the secret is shown once, when it is created). A revoked key
-- stays, with revoked_at set, so that it is refused rather than unknown, and so that a service in the automatic mode
-- stays closed once any key was ever issued.
CREATE TABLE api_keys (
    id          UUID                     NOT NULL PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    tenant      VARCHAR(64)              NOT NULL,
    role        VARCHAR(16)              NOT NULL,
    secret_hash VARCHAR(64)              NOT NULL,
    prefix      VARCHAR(16)              NOT NULL,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_secret UNIQUE (secret_hash),
    CONSTRAINT api_keys_role_known FOREIGN KEY (role) REFERENCES api_key_roles (role)
);
CREATE INDEX api_keys_created ON api_keys (tenant, created_at, id);
