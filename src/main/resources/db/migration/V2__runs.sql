-- Simulation runs: the runs table is the truth about a run (JobRunr's own tables only trigger work).
-- Portable SQL, the same for H2 and PostgreSQL. JSON documents (the path snapshot, the parameters) are text.

CREATE TABLE runs (
    id                UUID                     NOT NULL PRIMARY KEY,
    status            VARCHAR(16)              NOT NULL,
    workload          VARCHAR(100)             NOT NULL,
    target_kind       VARCHAR(8)               NOT NULL,
    target_id         UUID                     NOT NULL,
    host_id           UUID                     NOT NULL,
    level             INTEGER                  NOT NULL,
    -- every parameter, defaults filled in, as a JSON object in name order
    parameters        VARCHAR(4000)            NOT NULL,
    seed              BIGINT                   NOT NULL,
    replications      INTEGER                  NOT NULL,
    replications_done INTEGER                  NOT NULL,
    -- the whole path (host hardware and L0, every guest hypervisor, the leaf) as JSON: what the run executes on
    snapshot          VARCHAR(100000)          NOT NULL,
    -- executions started so far; an execution owns the run while its lease lasts
    attempts          INTEGER                  NOT NULL,
    executor          VARCHAR(200),
    lease_until       TIMESTAMP WITH TIME ZONE,
    cancel_requested  BOOLEAN                  NOT NULL,
    problem_type      VARCHAR(200),
    problem_detail    VARCHAR(4000),
    version           BIGINT                   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT runs_status_known CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    CONSTRAINT runs_target_kind_known CHECK (target_kind IN ('VM', 'HOST')),
    CONSTRAINT runs_progress_bounded CHECK (replications_done >= 0 AND replications_done <= replications)
);
CREATE INDEX runs_created ON runs (created_at, id);
CREATE INDEX runs_status ON runs (status, created_at, id);
CREATE INDEX runs_workload ON runs (workload, created_at, id);
CREATE INDEX runs_target ON runs (target_id, created_at, id);

-- every provisioned resource on a run's path (host, guest hypervisors, VM), for the deletion guard
CREATE TABLE run_resources (
    run_id      UUID    NOT NULL REFERENCES runs (id),
    level       INTEGER NOT NULL,
    resource_id UUID    NOT NULL,
    PRIMARY KEY (run_id, level)
);
CREATE INDEX run_resources_resource ON run_resources (resource_id, run_id);

-- one row per execution of a run: the primary key makes each attempt executable once
CREATE TABLE run_attempts (
    run_id     UUID                     NOT NULL REFERENCES runs (id),
    attempt    INTEGER                  NOT NULL,
    executor   VARCHAR(200)             NOT NULL,
    via        VARCHAR(16)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE,
    outcome    VARCHAR(16),
    PRIMARY KEY (run_id, attempt)
);

-- the result of a SUCCEEDED run: its primary key makes a second result impossible
CREATE TABLE run_results (
    run_id                UUID                     NOT NULL PRIMARY KEY REFERENCES runs (id),
    level                 INTEGER                  NOT NULL,
    parameters            VARCHAR(4000)            NOT NULL,
    seed                  BIGINT                   NOT NULL,
    replications          INTEGER                  NOT NULL,
    primary_name          VARCHAR(100)             NOT NULL,
    primary_unit          VARCHAR(100)             NOT NULL,
    primary_level         INTEGER,
    primary_mean          DOUBLE PRECISION         NOT NULL,
    primary_half_width    DOUBLE PRECISION         NOT NULL,
    primary_confidence    DOUBLE PRECISION         NOT NULL,
    primary_n             INTEGER                  NOT NULL,
    normalized_mean       DOUBLE PRECISION,
    normalized_half_width DOUBLE PRECISION,
    normalized_confidence DOUBLE PRECISION,
    normalized_n          INTEGER,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- every metric of every SUCCEEDED run, one row each, with the run's workload, target and level copied in
-- so that metrics can be compared across runs with one indexed query
CREATE TABLE run_metrics (
    run_id         UUID                     NOT NULL REFERENCES run_results (run_id),
    position       INTEGER                  NOT NULL,
    workload       VARCHAR(100)             NOT NULL,
    target_kind    VARCHAR(8)               NOT NULL,
    target_id      UUID                     NOT NULL,
    run_level      INTEGER                  NOT NULL,
    name           VARCHAR(100)             NOT NULL,
    unit           VARCHAR(100)             NOT NULL,
    level          INTEGER,
    mean           DOUBLE PRECISION         NOT NULL,
    half_width     DOUBLE PRECISION         NOT NULL,
    confidence     DOUBLE PRECISION         NOT NULL,
    n              INTEGER                  NOT NULL,
    run_created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, position)
);
CREATE INDEX run_metrics_workload ON run_metrics (workload, run_level, name, run_created_at, run_id, position);
CREATE INDEX run_metrics_target ON run_metrics (target_id, run_created_at, run_id, position);
CREATE INDEX run_metrics_created ON run_metrics (run_created_at, run_id, position);
