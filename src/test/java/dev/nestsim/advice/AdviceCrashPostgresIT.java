package dev.nestsim.advice;

import dev.nestsim.support.PostgresDatabase;
import java.util.List;

/** Crash safety of advice on this machine's PostgreSQL, in a database of its own. */
class AdviceCrashPostgresIT extends AdviceCrashContract {

    @Override
    List<String> databaseArgs() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + PostgresDatabase.newDatabase(),
                "--spring.datasource.username=" + PostgresDatabase.username());
    }
}
