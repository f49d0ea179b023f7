-- Advice: a search of the configuration space for a workload and constraints. The row is the truth about an advice; the
-- experiment that simulates a stage is created in the same transaction that records its id here, so a stage is never run
-- twice nor lost across a crash. Portable SQL, the same for H2 and PostgreSQL.

CREATE TABLE advice (
    id             UUID                     NOT NULL PRIMARY KEY,
    status         VARCHAR(16)              NOT NULL,
    workload       VARCHAR(100)             NOT NULL,
    -- the checked request, every reference resolved (AdviceInput as JSON): the search is a function of it
    input          VARCHAR(100000)          NOT NULL,
    seed           BIGINT                   NOT NULL,
    stage          INTEGER                  NOT NULL,
    experiment_id  UUID,
    -- the candidates simulated so far, with their experiments (JSON)
    plan           VARCHAR(1000000),
    result         VARCHAR(1000000),
    problem_detail VARCHAR(4000),
    version        BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT advice_status_known FOREIGN KEY (status) REFERENCES experiment_statuses (status),
    CONSTRAINT advice_stage CHECK (stage >= 0 AND stage <= 3)
);
CREATE INDEX advice_created ON advice (created_at, id);
CREATE INDEX advice_status ON advice (status, created_at, id);
