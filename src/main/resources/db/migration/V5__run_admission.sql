-- One row that every submission of a run locks (SELECT ... FOR UPDATE) before it counts the QUEUED runs and inserts
-- its own, so that admissions happen one at a time across every instance and nestsim.runs.max-queued is exact:
-- counting without it let concurrent submissions all see room for one more. Portable SQL, the same for H2 and PostgreSQL.

CREATE TABLE run_admission (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO run_admission (id) VALUES (1);
