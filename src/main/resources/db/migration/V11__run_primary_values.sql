-- The primary metric's value in each replication of a run, in replication order, comma-separated in Java's
-- shortest round-tripping decimal form (at most 30 replications of at most 24 characters); NULL for runs stored
-- before this column and for analytic figures (microbenchmarks). Lets an experiment compare two cells that share
-- common random numbers replication by replication.
ALTER TABLE run_results ADD COLUMN primary_values VARCHAR(1000);
