package dev.nestsim.experiments;

import java.util.List;

/** Crash safety of experiments on the embedded H2 file. */
class ExperimentsCrashH2IT extends ExperimentsCrashContract {

    @Override
    List<String> databaseArgs() {
        return List.of();
    }
}
