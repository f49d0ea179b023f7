-- A run's status and target kind must be known values: foreign keys to two small lookup tables instead of
-- V2's CHECK (... IN (...)) constraints, on existing databases too. Portable SQL, the same for H2 and PostgreSQL.
--
-- Why: H2 (2.4) compiles an IN list of constants (and an OR of equalities, which it rewrites to one) in a CHECK
-- constraint into a set ordered by the session that created the constraint. On a fresh database that is the
-- Flyway connection; once the pool retires it (Hikari's max-lifetime, 30 min by default), every INSERT or UPDATE
-- of runs fails with "Check constraint invalid ... The database has been closed". A foreign key holds no session.
-- runs_progress_bounded (comparisons of columns and a constant) holds none either and stays.

CREATE TABLE run_statuses (
    status VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO run_statuses (status) VALUES ('QUEUED'), ('RUNNING'), ('SUCCEEDED'), ('FAILED'), ('CANCELLED');

CREATE TABLE run_target_kinds (
    target_kind VARCHAR(8) NOT NULL PRIMARY KEY
);
INSERT INTO run_target_kinds (target_kind) VALUES ('VM'), ('HOST');

ALTER TABLE runs DROP CONSTRAINT runs_status_known;
ALTER TABLE runs DROP CONSTRAINT runs_target_kind_known;
ALTER TABLE runs ADD CONSTRAINT runs_status_known FOREIGN KEY (status) REFERENCES run_statuses (status);
ALTER TABLE runs ADD CONSTRAINT runs_target_kind_known FOREIGN KEY (target_kind) REFERENCES run_target_kinds (target_kind);
