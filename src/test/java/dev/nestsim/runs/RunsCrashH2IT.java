package dev.nestsim.runs;

import java.util.List;

/** Crash safety of runs on the default H2 file database. */
class RunsCrashH2IT extends RunsCrashContract {

    @Override
    List<String> databaseArgs() {
        return List.of();
    }
}
