-- Calibrations (issue 16): a user's kvm-unit-tests vmexit.flat output, as pasted, and the parameters fitted to it.
-- Portable SQL, the same for H2 and PostgreSQL. The fit is a JSON document kept as text (every parameter's value,
-- bounds and note, every figure's residual), so a calibration reads back exactly as it was fitted even after the
-- model's reference values move. Kernel generations are stored by their API names and validated by the application
-- (see V3__kernel_and_online_cpus.sql for why there is no CHECK listing them).

CREATE TABLE calibrations (
    id          UUID                     NOT NULL PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    clock_ghz   DOUBLE PRECISION         NOT NULL,
    kernel      VARCHAR(20)              NOT NULL,
    l1_output   VARCHAR(65536)           NOT NULL,
    l2_output   VARCHAR(65536),
    -- the native figures and the held-out tests, as given (a JSON object)
    options     VARCHAR(4000)            NOT NULL,
    fit         VARCHAR(200000)          NOT NULL,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calibrations_name_unique UNIQUE (name),
    CONSTRAINT calibrations_clock CHECK (clock_ghz > 0)
);
CREATE INDEX calibrations_created ON calibrations (created_at, id);
