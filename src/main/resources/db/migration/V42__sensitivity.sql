-- Sensitivity analyses: for one configuration and workload, which knobs and which model parameters move the result most.
-- The row is the truth about an analysis; every simulated point is stored as it is computed, so after a crash the analysis
-- carries on from the last stored point and computes none twice (the points are a pure function of the stored input).
-- Portable SQL, the same for H2 and PostgreSQL.

CREATE TABLE sensitivity_analyses (
    id               UUID                     NOT NULL PRIMARY KEY,
    tenant           VARCHAR(64)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    workload         VARCHAR(100)             NOT NULL,
    -- the checked request, every reference resolved (SensitivityInput as JSON)
    input            VARCHAR(100000)          NOT NULL,
    seed             BIGINT                   NOT NULL,
    -- the estimated parameters the configuration reads (JSON), known once point 0 is computed
    factors          VARCHAR(10000),
    points_total     INTEGER,
    points_done      INTEGER                  NOT NULL,
    cancel_requested BOOLEAN                  NOT NULL,
    attempts         INTEGER                  NOT NULL,
    result           VARCHAR(1000000),
    problem_detail   VARCHAR(4000),
    version          BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sensitivity_status_known FOREIGN KEY (status) REFERENCES experiment_statuses (status),
    CONSTRAINT sensitivity_points_counted CHECK (points_done >= 0)
);
CREATE INDEX sensitivity_created ON sensitivity_analyses (tenant, created_at, id);
CREATE INDEX sensitivity_status ON sensitivity_analyses (status, created_at, id);

CREATE TABLE sensitivity_points (
    analysis_id    UUID             NOT NULL,
    point          INTEGER          NOT NULL,
    normalized     DOUBLE PRECISION NOT NULL,
    half_width     DOUBLE PRECISION NOT NULL,
    -- the primary metric in each replication (JSON array)
    primary_values VARCHAR(10000)   NOT NULL,
    PRIMARY KEY (analysis_id, point),
    CONSTRAINT sensitivity_point_of FOREIGN KEY (analysis_id) REFERENCES sensitivity_analyses (id) ON DELETE CASCADE
);
