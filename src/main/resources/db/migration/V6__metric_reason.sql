-- the exit reason of an exit-profile metric (exitsByReasonPerSecond and the like), as perf kvm stat names it;
-- NULL for every other metric. Validated by the application (no IN-list check constraint, issue 14).
ALTER TABLE run_metrics ADD COLUMN reason VARCHAR(32);
