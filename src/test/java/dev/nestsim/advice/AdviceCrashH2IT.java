package dev.nestsim.advice;

import java.util.List;

/** Crash safety of advice on the embedded H2 file. */
class AdviceCrashH2IT extends AdviceCrashContract {

    @Override
    List<String> databaseArgs() {
        return List.of();
    }
}
