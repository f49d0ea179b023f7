-- Calibrations belong to their creator's tenant, as every other resource does (V20__tenants): another tenant neither sees
-- nor names them, so a name is unique within a tenant, not across tenants (one tenant's 'my-icx' must not tell
-- another that it exists). What existed before is the tenant 'default'.
ALTER TABLE calibrations ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE calibrations DROP CONSTRAINT calibrations_name_unique;
ALTER TABLE calibrations ADD CONSTRAINT calibrations_name_unique UNIQUE (tenant, name);
CREATE INDEX calibrations_tenant ON calibrations (tenant, created_at, id);
