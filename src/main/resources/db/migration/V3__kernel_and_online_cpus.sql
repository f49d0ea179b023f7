-- Kernel generations and online CPUs (issue 12): the generation L0 runs and the CPUs it brings online on each host,
-- and the generation a guest hypervisor names (NULL: it runs its parent's). Portable SQL, the same for H2 and
-- PostgreSQL. Generations are stored by their API names (linux-4.18, linux-5.3, linux-5.10); there is deliberately
-- no CHECK constraint listing them (H2 binds IN-list check constraints to the creating session, issue 14): the
-- application validates them.

-- Existing hosts run what their profile defaults to: the paper's testbed Linux 4.18, every other host Linux 5.10.
ALTER TABLE hosts ADD COLUMN kernel VARCHAR(20);
UPDATE hosts SET kernel = CASE WHEN profile = 'asplos20-testbed' THEN 'linux-4.18' ELSE 'linux-5.10' END;
ALTER TABLE hosts ALTER COLUMN kernel SET NOT NULL;

-- Existing hosts bring every core online.
ALTER TABLE hosts ADD COLUMN online_cpus INTEGER;
UPDATE hosts SET online_cpus = cores;
ALTER TABLE hosts ALTER COLUMN online_cpus SET NOT NULL;

-- Existing guest hypervisors name none: they run their parent's.
ALTER TABLE hypervisors ADD COLUMN kernel VARCHAR(20);
