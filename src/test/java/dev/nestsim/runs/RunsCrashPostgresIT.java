package dev.nestsim.runs;

import dev.nestsim.support.PostgresDatabase;
import java.util.List;

/** Crash safety of runs on this machine's PostgreSQL, in a database of its own. */
class RunsCrashPostgresIT extends RunsCrashContract {

    @Override
    List<String> databaseArgs() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + PostgresDatabase.newDatabase(),
                "--spring.datasource.username=" + PostgresDatabase.username());
    }
}
