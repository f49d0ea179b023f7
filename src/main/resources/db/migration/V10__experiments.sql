-- Experiments: a sweep of configurations x workloads, each cell one run of the runs machinery. The experiments table
-- is the truth about an experiment; a cell's run_id is set in the same transaction that inserts its run, so a cell is
-- never submitted twice nor lost. Portable SQL, the same for H2 and PostgreSQL. Closed vocabularies are foreign keys to
-- lookup tables, never CHECK (... IN (...)): see V4__run_vocabularies.sql for why.

CREATE TABLE experiment_statuses (
    status VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO experiment_statuses (status) VALUES ('QUEUED'), ('RUNNING'), ('SUCCEEDED'), ('FAILED'), ('CANCELLED');

CREATE TABLE experiment_resource_kinds (
    kind VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO experiment_resource_kinds (kind) VALUES ('HOST'), ('HYPERVISOR'), ('VM');

CREATE TABLE experiments (
    id             UUID                     NOT NULL PRIMARY KEY,
    name           VARCHAR(200)             NOT NULL,
    preset         VARCHAR(50),
    status         VARCHAR(16)              NOT NULL,
    seed           BIGINT                   NOT NULL,
    replications   INTEGER                  NOT NULL,
    cells_total    INTEGER                  NOT NULL,
    -- the cell that made it FAILED, and why
    failed_cell    INTEGER,
    problem_detail VARCHAR(4000),
    version        BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT experiments_status_known FOREIGN KEY (status) REFERENCES experiment_statuses (status),
    CONSTRAINT experiments_sizes CHECK (replications >= 1 AND cells_total >= 1)
);
CREATE INDEX experiments_created ON experiments (created_at, id);
CREATE INDEX experiments_status ON experiments (status, created_at, id);

-- the configurations compared: each a VM or a host (natively), the user's or provisioned by the experiment
CREATE TABLE experiment_configurations (
    experiment_id UUID         NOT NULL REFERENCES experiments (id),
    position      INTEGER      NOT NULL,
    name          VARCHAR(200) NOT NULL,
    target_kind   VARCHAR(8)   NOT NULL,
    target_id     UUID         NOT NULL,
    provisioned   BOOLEAN      NOT NULL,
    PRIMARY KEY (experiment_id, position),
    CONSTRAINT experiment_configurations_name UNIQUE (experiment_id, name),
    CONSTRAINT experiment_configurations_kind_known FOREIGN KEY (target_kind) REFERENCES run_target_kinds (target_kind)
);
CREATE INDEX experiment_configurations_target ON experiment_configurations (target_id, experiment_id);

-- every (configuration, workload) cell, in submission order; run_id is set when its run is submitted
CREATE TABLE experiment_cells (
    experiment_id     UUID          NOT NULL REFERENCES experiments (id),
    position          INTEGER       NOT NULL,
    configuration     INTEGER       NOT NULL,
    workload_position INTEGER       NOT NULL,
    workload          VARCHAR(100)  NOT NULL,
    -- the parameters as given (a JSON object); the run fills in the defaults
    parameters        VARCHAR(4000) NOT NULL,
    run_id            UUID          REFERENCES runs (id),
    PRIMARY KEY (experiment_id, position),
    CONSTRAINT experiment_cells_run UNIQUE (run_id),
    CONSTRAINT experiment_cells_cell UNIQUE (experiment_id, configuration, workload_position),
    FOREIGN KEY (experiment_id, configuration) REFERENCES experiment_configurations (experiment_id, position)
);

-- what the experiment provisioned for itself (a preset's hosts, hypervisors and VMs), in creation order:
-- deleting the experiment deletes these, last first, and never anything else
CREATE TABLE experiment_resources (
    experiment_id UUID        NOT NULL REFERENCES experiments (id),
    position      INTEGER     NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    resource_id   UUID        NOT NULL,
    PRIMARY KEY (experiment_id, position),
    CONSTRAINT experiment_resources_kind_known FOREIGN KEY (kind) REFERENCES experiment_resource_kinds (kind)
);
CREATE INDEX experiment_resources_resource ON experiment_resources (resource_id, experiment_id);
