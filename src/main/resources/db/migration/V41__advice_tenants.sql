-- Advice belongs to its creator's tenant, as every other resource does (V20__tenants_and_api_keys.sql): another tenant
-- neither sees nor cancels it, and the experiments its search creates are that tenant's too.
ALTER TABLE advice ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;
CREATE INDEX advice_tenant ON advice (tenant, created_at, id);
