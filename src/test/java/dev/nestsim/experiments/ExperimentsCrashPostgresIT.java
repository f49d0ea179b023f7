package dev.nestsim.experiments;

import dev.nestsim.support.PostgresDatabase;
import java.util.List;

/** Crash safety of experiments on this machine's PostgreSQL, in a database of its own. */
class ExperimentsCrashPostgresIT extends ExperimentsCrashContract {

    @Override
    List<String> databaseArgs() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + PostgresDatabase.newDatabase(),
                "--spring.datasource.username=" + PostgresDatabase.username());
    }
}
