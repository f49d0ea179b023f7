-- Provisioning: physical hosts (with their host hypervisor L0), guest hypervisors and leaf VMs.
-- Portable SQL, the same for H2 and PostgreSQL. A DVH set is a comma-separated list of mechanism names
-- ('' for none). Every hypervisor and VM keeps its host's id and its level, so a host's whole tree and
-- per-host counts are one indexed query.

CREATE TABLE hosts (
    id                         UUID                     NOT NULL PRIMARY KEY,
    name                       VARCHAR(100)             NOT NULL,
    profile                    VARCHAR(100),
    cores                      INTEGER                  NOT NULL,
    clock_ghz                  DOUBLE PRECISION         NOT NULL,
    memory_gib                 INTEGER                  NOT NULL,
    nic_gbps                   DOUBLE PRECISION         NOT NULL,
    nic_sriov_vfs              INTEGER                  NOT NULL,
    feature_vmcs_shadowing     BOOLEAN                  NOT NULL,
    feature_apicv              BOOLEAN                  NOT NULL,
    feature_posted_interrupts  BOOLEAN                  NOT NULL,
    feature_vtd_posted_interrupts BOOLEAN               NOT NULL,
    feature_ept                BOOLEAN                  NOT NULL,
    feature_tsc_deadline_timer BOOLEAN                  NOT NULL,
    feature_preemption_timer   BOOLEAN                  NOT NULL,
    feature_iommu              BOOLEAN                  NOT NULL,
    dvh                        VARCHAR(200)             NOT NULL,
    halt_poll_ns               BIGINT                   NOT NULL,
    timer_offload              VARCHAR(20)              NOT NULL,
    expose_vmcs_shadowing      BOOLEAN                  NOT NULL,
    posted_interrupts          BOOLEAN                  NOT NULL,
    version                    BIGINT                   NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX hosts_created ON hosts (created_at, id);
CREATE INDEX hosts_name ON hosts (name);
CREATE INDEX hosts_profile ON hosts (profile);

CREATE TABLE hypervisors (
    id                    UUID                     NOT NULL PRIMARY KEY,
    name                  VARCHAR(100)             NOT NULL,
    host_id               UUID                     NOT NULL REFERENCES hosts (id),
    parent_hypervisor_id  UUID                     REFERENCES hypervisors (id),
    level                 INTEGER                  NOT NULL,
    vcpus                 INTEGER                  NOT NULL,
    memory_gib            INTEGER                  NOT NULL,
    dvh                   VARCHAR(200)             NOT NULL,
    expose_vmcs_shadowing BOOLEAN                  NOT NULL,
    halt_poll_ns          BIGINT                   NOT NULL,
    viommu                VARCHAR(20)              NOT NULL,
    posted_interrupts     BOOLEAN                  NOT NULL,
    timer_offload         VARCHAR(20)              NOT NULL,
    version               BIGINT                   NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
-- the filtered lists are ordered by creation: these serve both the filter (and the foreign key) and the order
CREATE INDEX hypervisors_host ON hypervisors (host_id, created_at, id);
CREATE INDEX hypervisors_parent ON hypervisors (parent_hypervisor_id, created_at, id);
CREATE INDEX hypervisors_created ON hypervisors (created_at, id);
CREATE INDEX hypervisors_name ON hypervisors (name);

CREATE TABLE vms (
    id                   UUID                     NOT NULL PRIMARY KEY,
    name                 VARCHAR(100)             NOT NULL,
    host_id              UUID                     NOT NULL REFERENCES hosts (id),
    parent_hypervisor_id UUID                     REFERENCES hypervisors (id),
    level                INTEGER                  NOT NULL,
    vcpus                INTEGER                  NOT NULL,
    memory_gib           INTEGER                  NOT NULL,
    io                   VARCHAR(30)              NOT NULL,
    dvh                  VARCHAR(200)             NOT NULL,
    posted_interrupts    BOOLEAN                  NOT NULL,
    version              BIGINT                   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX vms_host ON vms (host_id, created_at, id);
CREATE INDEX vms_parent ON vms (parent_hypervisor_id, created_at, id);
CREATE INDEX vms_created ON vms (created_at, id);
CREATE INDEX vms_name ON vms (name);

-- Idempotency-Key of POST requests: the first 2xx response, replayed for a retry with the same request.
CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(255)             NOT NULL PRIMARY KEY,
    fingerprint     VARCHAR(64)              NOT NULL,
    method          VARCHAR(10)              NOT NULL,
    path            VARCHAR(1000)            NOT NULL,
    status          INTEGER                  NOT NULL,
    location        VARCHAR(2000),
    etag            VARCHAR(100),
    content_type    VARCHAR(200),
    body            VARCHAR(1000000)         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
